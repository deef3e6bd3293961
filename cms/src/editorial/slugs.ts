import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, isReservedSlug } from '@praxis/search';
import { slugify } from '../import/slugify';
import { CASE_STUDY } from './roles';

/**
 * What the admin's uid field holds until an editor clicks "Regenerate": the content type's
 * name, possibly with a counter. Such a slug, or none, is replaced by one made from the title.
 */
const PLACEHOLDER_SLUG = /^case-study(?:-\d+)?$/;
const MAX_SLUG_LENGTH = 120;

/** What every slug made from `title` starts with: its slug, or `praxisbeispiel` when nothing of it is left. */
const slugBase = (title: string) => slugify(title, MAX_SLUG_LENGTH) || 'praxisbeispiel';

/**
 * The title's slug, or that slug with `-2`, `-3`, … (shortened to leave room for the counter):
 * the first one not `taken` and no page of the site in `locale` (RESERVED_SLUGS: a case study
 * "Karte" gets `karte-2`).
 */
export function firstFreeSlug(title: string, locale: string, taken: ReadonlySet<string>): string {
  const base = slugBase(title);
  for (let counter = 1; ; counter += 1) {
    const suffix = counter === 1 ? '' : `-${counter}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate) && !isReservedSlug(locale, candidate)) return candidate;
  }
}

/** The first free slug for `title` among the other case studies in `locale` (see firstFreeSlug). */
export async function freeSlug(strapi: Core.Strapi, title: string, locale: string, documentId: string | undefined): Promise<string> {
  const base = slugBase(title);
  const taken = new Set<string>(
    (
      await strapi.db.query(CASE_STUDY).findMany({
        where: { locale, slug: { $startsWith: base }, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: ['slug'],
      })
    ).map((row: { slug: string }) => row.slug),
  );
  return firstFreeSlug(title, locale, taken);
}

/**
 * Whether saving a case study makes its slug from the title: `yes` for a missing or placeholder
 * slug the save sets, or a create that leaves it out; `no` for a slug the editor typed, or data
 * without a title; `if-new-locale` for an update that leaves the slug out: it keeps the stored
 * slug unless it creates this locale's version (a translation).
 */
export function slugGeneration(action: 'create' | 'update', data: { slug?: string | null; title?: string | null } | undefined): 'yes' | 'no' | 'if-new-locale' {
  if (!data?.title) return 'no';
  if (data.slug === undefined) return action === 'create' ? 'yes' : 'if-new-locale';
  return !data.slug || PLACEHOLDER_SLUG.test(data.slug) ? 'yes' : 'no';
}

/**
 * Slugs that take care of themselves: on creating a case study or a translation, a missing or
 * placeholder slug becomes one made from the title (German transliteration: ä → ae, ß → ss),
 * unique in its locale. A slug the editor typed stays as it is.
 */
export function registerSlugRule(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === CASE_STUDY && context.action === 'publish') {
      await rememberReplacedSlugs(strapi, context.params as { documentId?: string; locale?: string });
      return next();
    }
    if (context.uid !== CASE_STUDY || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: { slug?: string | null; title?: string | null } };
    const data = params.data;
    const generation = slugGeneration(context.action, data);
    if (!data?.title || generation === 'no') return next();
    const locale = params.locale && params.locale !== '*' ? params.locale : 'de';
    const generate = generation === 'yes' || !(await strapi.db.query(CASE_STUDY).findOne({ where: { documentId: params.documentId, locale }, select: ['id'] }));
    if (generate) data.slug = await freeSlug(strapi, data.title, locale, params.documentId);
    return next();
  });
}

interface UidService {
  checkUIDAvailability(params: { contentTypeUID: string; field: string; value: string; locale?: string }): Promise<boolean>;
  findUniqueUID(params: { contentTypeUID: string; field: string; value: string; locale?: string }): Promise<string>;
  generateUIDField(params: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }): Promise<string>;
}

/**
 * The admin's slug field asks the content manager whether a slug is free and for a suggestion
 * ("Regenerate", and as the editor types): for case studies it gets this file's answer, so the
 * field says a reserved slug is taken and suggests `karte-2` instead of calling `karte` available
 * and failing on save. Other content types keep Strapi's own.
 */
export function registerSlugSuggestions(strapi: Core.Strapi): void {
  const uid = strapi.plugin('content-manager').service('uid') as UidService;
  const { checkUIDAvailability, findUniqueUID } = uid;
  const ours = (params: { contentTypeUID: string; field: string }) => params.contentTypeUID === CASE_STUDY && params.field === 'slug';
  uid.checkUIDAvailability = async function (params) {
    if (ours(params) && isReservedSlug(params.locale ?? DEFAULT_LOCALE, params.value)) return false;
    return checkUIDAvailability.call(this, params);
  };
  uid.findUniqueUID = async function (params) {
    return ours(params) ? freeSlug(strapi, params.value, params.locale ?? DEFAULT_LOCALE, undefined) : findUniqueUID.call(this, params);
  };
  // Without a title there is nothing to make a slug of: the field stays empty (Strapi offered the
  // type's name, "case-study", which stayed until the first save); the edit view fills it as the
  // title is typed (src/admin/slug-from-title.tsx).
  const { generateUIDField } = uid;
  uid.generateUIDField = async function (params) {
    if (ours(params) && !String(params.data?.title ?? '').trim()) return '';
    return generateUIDField.call(this, params);
  };
}

/** Old slugs are kept space-separated with a space on either side, so " slug " finds exactly one. */
const slugList = (slugs: string[]) => (slugs.length > 0 ? ` ${slugs.join(' ')} ` : null);
const parseSlugList = (stored: string | null | undefined) => (stored ?? '').split(' ').filter(Boolean);

/**
 * Before a new version is published: if its slug differs from the published one, the published
 * slug joins the draft's `previousSlugs` (copied to the published version by the publish), so the
 * site can send the old address on with a 301 (see `findMovedSlug`).
 */
async function rememberReplacedSlugs(strapi: Core.Strapi, params: { documentId?: string; locale?: string }): Promise<void> {
  if (!params.documentId) return;
  const where = { documentId: params.documentId, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) };
  const rows = await strapi.db.query(CASE_STUDY).findMany({ where, select: ['id', 'locale', 'slug', 'publishedAt', 'previousSlugs'] });
  for (const draft of rows.filter((row: { publishedAt: unknown }) => !row.publishedAt)) {
    const published = rows.find((row: { locale: string; publishedAt: unknown }) => row.publishedAt && row.locale === draft.locale);
    if (!published || published.slug === draft.slug) continue;
    await strapi.db.query(CASE_STUDY).update({ where: { id: draft.id }, data: { previousSlugs: previousSlugsAfterPublish(draft, published.slug) } });
  }
}

/** The draft's `previousSlugs` once it replaces a published version whose slug was `publishedSlug`. */
export function previousSlugsAfterPublish(draft: { slug: string; previousSlugs?: string | null }, publishedSlug: string | undefined): string | null {
  const previous = [...new Set([...parseSlugList(draft.previousSlugs), ...(publishedSlug ? [publishedSlug] : [])])].filter((slug) => slug !== draft.slug);
  return slugList(previous);
}

/** The current slug of the published case study that was once published under `slug` in `locale`. */
export async function findMovedSlug(strapi: Core.Strapi, slug: string, locale: string): Promise<string | undefined> {
  const rows = await strapi.db.query(CASE_STUDY).findMany({
    where: { locale, publishedAt: { $notNull: true }, previousSlugs: { $contains: ` ${slug} ` } },
    select: ['slug', 'previousSlugs'],
  });
  return rows.find((row: { previousSlugs: string | null }) => parseSlugList(row.previousSlugs).includes(slug))?.slug;
}
