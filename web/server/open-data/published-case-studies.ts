import { LOCALES, type Locale } from '@praxis/search';
import { isListCurrent, PURGED_CACHE_MAX_AGE_MS } from '../cache/purge';
import { strapiGetAll } from '../cms/strapi';

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
 * Cached until the CMS reports a change (cache/purge.ts), so a flood of feed or sitemap
 * requests costs the CMS one listing per change.
 */
const loadPublishedCaseStudies = defineCachedFunction(
  async (): Promise<{ list: PublishedCaseStudy[]; loadedAt: number }> => {
    const loadedAt = Date.now();
    const fields = ['slug', 'title', 'teaser', 'publishedAt', 'updatedAt'];
    const perLocale = await Promise.all(
      LOCALES.map(async (locale) =>
        (await strapiGetAll<Omit<PublishedCaseStudy, 'locale'>>('case-studies', fields, { locale })).map((entry) => ({ ...entry, locale })),
      ),
    );
    return { list: perLocale.flat(), loadedAt };
  },
  {
    name: 'published-case-studies',
    maxAge: PURGED_CACHE_MAX_AGE_MS / 1000,
    swr: true,
    getKey: () => 'all',
    validate: ({ value }) => value !== undefined && isListCurrent(value.loadedAt),
  },
);

export async function listPublishedCaseStudies(): Promise<PublishedCaseStudy[]> {
  return (await loadPublishedCaseStudies()).list;
}
