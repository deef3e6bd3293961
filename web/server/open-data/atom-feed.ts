import type { H3Event } from 'h3';
import { latestMatches, localePathPrefix, parseSearchParams, type Locale } from '@praxis/search';
import { describeSearch } from '../search/description';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';
import { renderAtomFeed } from './atom-document';
import { listPublishedCaseStudies } from './published-case-studies';

const FEED_SIZE = 30;
const TITLES = {
  de: 'Praxisdatenbank „Zusammen im Quartier“: neue Praxisbeispiele',
  en: 'Case-study database “Zusammen im Quartier”: new case studies',
};
const SEARCH_TITLES = {
  de: 'Praxisdatenbank „Zusammen im Quartier“',
  en: 'Case-study database “Zusammen im Quartier”',
};
/** Meaningless for a feed (always the newest changes first, one page); the address decides the language. */
const IGNORED_PARAMS = ['page', 'pageSize', 'sort', 'locale'];

/**
 * `/feed.xml` (`/en/feed.xml`): the newest published case studies of one language; with search
 * parameters (the search page's own, "Diese Suche abonnieren") the case studies matching that
 * search, newest changes first, under the search's description as title.
 */
export async function atomFeed(event: H3Event, locale: Locale): Promise<string> {
  const siteUrl = useRuntimeConfig().public.siteUrl;
  const params = new URLSearchParams(getRequestURL(event).search);
  for (const name of IGNORED_PARAMS) params.delete(name);
  const searchPath = locale === 'en' ? '/en/case-studies' : '/praxisbeispiele';
  let xml: string;
  if (params.size === 0) {
    const newest = (await listPublishedCaseStudies())
      .filter((entry) => entry.locale === locale)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .slice(0, FEED_SIZE);
    xml = renderAtomFeed(newest, { locale, siteUrl, title: TITLES[locale], selfPath: `${localePathPrefix(locale)}/feed.xml`, alternatePath: searchPath });
  } else {
    const { known, byLocale } = await loadVocabulary();
    const parsed = parseSearchParams(params, known);
    if (!parsed.state) {
      throw createError({
        statusCode: 400,
        statusMessage: 'Bad Request',
        message: parsed.problems.map((problem) => `${problem.param}: ${problem.message}`).join('; '),
      });
    }
    const state = { ...parsed.state, locale };
    const entries = (await latestMatches(useMeilisearch(), state, FEED_SIZE)).map((entry) => ({ ...entry, locale }));
    xml = renderAtomFeed(entries, {
      locale,
      siteUrl,
      title: `${SEARCH_TITLES[locale]} – ${describeSearch(state, byLocale[locale]!, locale)}`,
      selfPath: `${localePathPrefix(locale)}/feed.xml?${params}`,
      alternatePath: `${searchPath}?${params}`,
    });
  }
  setResponseHeader(event, 'content-type', 'application/atom+xml; charset=utf-8');
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return xml;
}
