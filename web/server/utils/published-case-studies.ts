import { LOCALES, type Locale } from '@praxis/search';

export interface PublishedCaseStudy {
  documentId: string;
  locale: Locale;
  slug: string;
  title: string;
  teaser: string | null;
  publishedAt: string;
  updatedAt: string;
}

/**
 * Every published case study of both languages, from the CMS (for the sitemap and the feeds).
 * Cached for a minute and served stale while refreshing, so a flood of feed or sitemap
 * requests costs the CMS one listing a minute.
 */
export const listPublishedCaseStudies = defineCachedFunction(async (): Promise<PublishedCaseStudy[]> => {
  const fields = ['slug', 'title', 'teaser', 'publishedAt', 'updatedAt'];
  const perLocale = await Promise.all(LOCALES.map(async (locale) =>
    (await strapiGetAll<Omit<PublishedCaseStudy, 'locale'>>('case-studies', fields, { locale })).map((entry) => ({ ...entry, locale }))));
  return perLocale.flat();
}, { name: 'published-case-studies', maxAge: 60, swr: true, getKey: () => 'all' });
