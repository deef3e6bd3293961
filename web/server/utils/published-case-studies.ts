export interface PublishedCaseStudy {
  documentId: string;
  locale: 'de' | 'en';
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
  const [de, en] = await Promise.all(['de', 'en'].map(async (locale) =>
    (await strapiGetAll<Omit<PublishedCaseStudy, 'locale'>>('case-studies', fields, { locale })).map((entry) => ({ ...entry, locale: locale as 'de' | 'en' }))));
  return [...de!, ...en!];
}, { name: 'published-case-studies', maxAge: 60, swr: true, getKey: () => 'all' });
