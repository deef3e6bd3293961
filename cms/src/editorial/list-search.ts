// The case-study list's search box (the content manager's `_q`): Strapi looks in the entry's own
// text fields only, letter for letter, so "Bottrop" missed the projects located in Bottrop and
// "Spielraume" missed "Spielräume". Here every word typed must occur in the title, teaser, slug,
// a Kommune (with its Kreis) or the Träger, compared without case, accents and umlaut spelling.
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '@praxis/search';
import { CASE_STUDY } from './roles';

/** Lower case, accents dropped, ä/ae → a, ö/oe → o, ü/ue → u, ß → ss: "Spielräume", "Spielraeume" and "Spielraume" compare alike. */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/gu, '$1');
}

interface Row {
  documentId: string;
  title: string | null;
  teaser: string | null;
  slug: string | null;
  municipalities?: { label: string | null; name: string | null }[];
  provider?: { name: string | null } | null;
}

/** The case studies (in a language) whose texts, places or provider hold every word of `query`. */
export async function matchingCaseStudies(strapi: Core.Strapi, query: string, locale: string): Promise<string[]> {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  const rows = (await strapi.db.query(CASE_STUDY).findMany({
    where: { locale },
    select: ['documentId', 'title', 'teaser', 'slug'],
    populate: { municipalities: { select: ['label', 'name'] }, provider: { select: ['name'] } },
  })) as Row[];
  const found = new Set<string>();
  for (const row of rows) {
    const text = foldForSearch(
      [row.title, row.teaser, row.slug, ...(row.municipalities ?? []).map((town) => town.label ?? town.name), row.provider?.name].filter(Boolean).join(' '),
    );
    if (words.every((word) => text.includes(word))) found.add(row.documentId);
  }
  return [...found];
}

/** Turns the list's `_q` for case studies into a filter on the case studies found by {@link matchingCaseStudies}. */
export function registerListSearch(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { _q?: unknown; locale?: unknown; filters?: Record<string, unknown> };
    if (context.uid !== CASE_STUDY || (context.action !== 'findMany' && context.action !== 'count') || typeof params._q !== 'string' || !params._q.trim()) {
      return next();
    }
    const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
    const documentIds = await matchingCaseStudies(strapi, params._q, locale);
    const { _q: _typed, ...rest } = params;
    context.params = { ...rest, filters: { $and: [params.filters ?? {}, { documentId: { $in: documentIds } }] } } as typeof context.params;
    return next();
  });
}
