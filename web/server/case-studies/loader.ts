// Reads one case study from the CMS (the source of truth) and shapes it for the
// detail page. Plain functions over an injected fetch, so tests run them against a real Strapi.
import {
  contactOf,
  effortOf,
  isLocale,
  LOCALES,
  localizedName,
  parseCaseStudyEntry,
  TAXONOMY_POPULATE,
  texts,
  type Locale,
  type ParsedCaseStudyEntry,
  type TermEntry,
} from '@praxis/search';
import type { CaseStudyPage, Transfer } from '../../shared/case-study';
import { toStrapiQuery } from '../cms/strapi-query';
import { renderRichText } from './rich-text';

/** GET `path` (below /api) of the CMS with a query string; resolves to the JSON body, or null on 404. */
export type CmsFetch = (path: string, query: string, headers?: Record<string, string>) => Promise<unknown>;

const DETAIL_QUERY = {
  populate: {
    ...TAXONOMY_POPULATE,
    provider: { fields: ['name', 'website'] },
    transferability: true,
    successFactors: true,
    pitfalls: true,
    partners: true,
    contact: true,
    links: true,
    downloads: { fields: ['name', 'url', 'size', 'mime'] },
    images: { populate: { file: { fields: ['url', 'width', 'height'] } } },
    localizations: { fields: ['slug', 'locale'] },
  },
};

const terms = (list: TermEntry[] | null | undefined, locale: string) => (list ?? []).map((raw) => ({ slug: raw.slug, name: localizedName(raw, locale) }));

/** Strapi entry → the detail page's data; rich text rendered and sanitised here, on the server. */
export function toCaseStudyPage(raw: ParsedCaseStudyEntry): CaseStudyPage {
  const { locale } = raw;
  const effort = effortOf(raw);
  const slugs: CaseStudyPage['slugs'] = { [raw.locale]: raw.slug };
  for (const other of raw.localizations ?? []) if (isLocale(other.locale)) slugs[other.locale] = other.slug;
  return {
    documentId: raw.documentId,
    locale,
    slug: raw.slug,
    title: raw.title,
    teaser: raw.teaser ?? '',
    buildingBlock: raw.buildingBlock
      ? { slug: raw.buildingBlock.slug, name: localizedName(raw.buildingBlock, locale), number: raw.buildingBlock.number }
      : null,
    places: (raw.municipalities ?? []).map((town) => ({ ...town, lat: town.lat ?? null, lon: town.lon ?? null })),
    targetGroups: terms(raw.targetGroups, locale),
    topics: terms(raw.topics, locale),
    settings: terms(raw.settings, locale),
    criteria: terms(raw.criteria, locale),
    projectStatus: raw.projectStatus ?? null,
    fundingStart: raw.fundingStart ?? null,
    fundingEnd: raw.fundingEnd ?? null,
    fundingPhase: raw.fundingPhase ?? null,
    html: {
      description: renderRichText(raw.description),
      startingSituation: renderRichText(raw.startingSituation),
      goals: renderRichText(raw.goals),
      approach: renderRichText(raw.approach),
      results: renderRichText(raw.results),
      afterFunding: renderRichText(raw.afterFunding),
    },
    transferability: effort
      ? {
          staffFte: effort.staffFte,
          budgetRange: effort.budgetRange,
          durationMonths: effort.durationMonths,
          partnersNeeded: effort.partnersNeeded,
          firstStepsHtml: renderRichText(effort.firstSteps),
        }
      : null,
    successFactors: texts(raw.successFactors),
    pitfalls: texts(raw.pitfalls),
    partners: texts(raw.partners),
    provider: raw.provider ? { name: raw.provider.name, website: raw.provider.website ?? null } : null,
    contact: contactOf(raw),
    // Only http(s) links reach the page (the CMS validates this on publish; drafts in preview may not be valid yet).
    links: (raw.links ?? []).filter((link) => /^https?:\/\//i.test(link.url)),
    downloads: (raw.downloads ?? []).map((file) => ({ name: file.name, url: file.url, sizeKb: file.size ?? null, mime: file.mime ?? null })),
    images: (raw.images ?? [])
      .filter((image) => image.file?.url)
      .map((image) => ({
        url: image.file!.url,
        alt: image.alt,
        caption: image.caption ?? null,
        credit: image.credit ?? null,
        width: image.file!.width ?? null,
        height: image.file!.height ?? null,
      })),
    lastReviewed: raw.lastReviewed ?? null,
    publishedAt: raw.publishedAt ?? null,
    updatedAt: raw.updatedAt,
    slugs,
  };
}

export type CaseStudyLookup =
  | { kind: 'found'; caseStudy: CaseStudyPage }
  /** The slug belongs to the other language; `slug` is this document's slug in the requested language. */
  | { kind: 'translated'; slug: string }
  /** The slug exists only in the other language, which has no version in the requested one. */
  | { kind: 'other-language-only'; locale: string; slug: string }
  /** The case study was published under this slug once and lives under `slug` now. */
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

async function findBySlug(fetch: CmsFetch, slug: string, locale: string): Promise<ParsedCaseStudyEntry | undefined> {
  const query = toStrapiQuery({ ...DETAIL_QUERY, filters: { slug: { $eq: slug } }, locale, status: 'published' });
  const body = (await fetch('/case-studies', query)) as { data: unknown[] } | null;
  return body?.data[0] === undefined ? undefined : parseCaseStudyEntry(body.data[0]);
}

/** The published case study with `slug` in `locale`, or where to find it instead. */
export async function loadCaseStudy(fetch: CmsFetch, slug: string, locale: Locale): Promise<CaseStudyLookup> {
  const entry = await findBySlug(fetch, slug, locale);
  if (entry) return { kind: 'found', caseStudy: toCaseStudyPage(entry) };
  const otherLocale = LOCALES.find((candidate) => candidate !== locale)!;
  const other = await findBySlug(fetch, slug, otherLocale);
  if (!other) {
    const moved = (await fetch(`/case-studies/moved/${encodeURIComponent(slug)}`, toStrapiQuery({ locale }))) as { data: { slug: string } | null } | null;
    return moved?.data ? { kind: 'moved', slug: moved.data.slug } : { kind: 'missing' };
  }
  const translation = other.localizations?.find((candidate) => candidate.locale === locale);
  return translation ? { kind: 'translated', slug: translation.slug } : { kind: 'other-language-only', locale: otherLocale, slug };
}

/** A draft (or the published version) by documentId, for the preview; `previewSecret` lets the CMS hand out drafts. */
export async function loadCaseStudyPreview(
  fetch: CmsFetch,
  documentId: string,
  locale: string,
  status: 'draft' | 'published',
  previewSecret: string,
): Promise<CaseStudyPage | undefined> {
  const query = toStrapiQuery({ ...DETAIL_QUERY, locale, status });
  const body = (await fetch(`/case-studies/${encodeURIComponent(documentId)}`, query, { 'x-preview-secret': previewSecret })) as { data: unknown } | null;
  return body?.data ? toCaseStudyPage(parseCaseStudyEntry(body.data)) : undefined;
}

/** The published case studies with these documentIds in `locale`, in the order of `ids`; unpublished ones are left out. */
export async function loadCaseStudiesByIds(fetch: CmsFetch, ids: string[], locale: Locale): Promise<CaseStudyPage[]> {
  if (ids.length === 0) return [];
  const query = toStrapiQuery({ ...DETAIL_QUERY, filters: { documentId: { $in: ids } }, locale, status: 'published', pagination: { pageSize: ids.length } });
  const body = (await fetch('/case-studies', query)) as { data: unknown[] } | null;
  const byId = new Map((body?.data ?? []).map((raw) => toCaseStudyPage(parseCaseStudyEntry(raw))).map((page) => [page.documentId, page]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The published reports of Kommunen that took the case study over (cms/src/requests/transfer-reports.ts, publishedTransfers). */
export async function loadTransfers(fetch: CmsFetch, documentId: string): Promise<Transfer[]> {
  const body = (await fetch('/transfer-reports/published', new URLSearchParams({ caseStudy: documentId }).toString())) as { data?: Transfer[] } | null;
  return body?.data ?? [];
}
