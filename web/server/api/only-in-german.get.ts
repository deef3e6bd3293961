import { listPublishedCaseStudies } from '../open-data/published-case-studies';

export interface OnlyInGermanAnswer {
  /** Published in German and not (yet) in English. */
  total: number;
  caseStudies: { slug: string; title: string; teaser: string | null }[];
}

/**
 * `GET /api/only-in-german`: the case studies published in German without an English version, by
 * title — for the English pages, which would otherwise not say that they show only part of the
 * database. From the CMS's listing, cached until the CMS reports a change.
 */
export default defineEventHandler(async (event): Promise<OnlyInGermanAnswer> => {
  const published = await listPublishedCaseStudies();
  const inEnglish = new Set(published.filter((entry) => entry.locale === 'en').map((entry) => entry.documentId));
  const caseStudies = published
    .filter((entry) => entry.locale === 'de' && !inEnglish.has(entry.documentId))
    .map(({ slug, title, teaser }) => ({ slug, title, teaser }))
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
  setResponseHeader(event, 'cache-control', 'no-cache');
  return { total: caseStudies.length, caseStudies };
});
