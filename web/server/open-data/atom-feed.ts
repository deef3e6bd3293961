import type { H3Event } from 'h3';
import { latestMatches, localePathPrefix, parseSearchParams, type Locale } from '@praxis/search';
import { describeSearch } from '../search/description';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';
import { renderAtomFeed, type FeedEntry, type FeedHead } from './atom-document';
import { renderFeedPage } from './feed-page';
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
 * A browser opening the feed as a page (it asks for HTML and does not name Atom, as feed readers
 * do): it gets a page that explains the feed (feed-page.ts) at the same address, which it can copy
 * into a reader. Everyone else gets Atom.
 */
function opensAsPage(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html') && !accept.includes('application/atom+xml');
}

/**
 * `/feed.xml` (`/en/feed.xml`): the newest published case studies of one language; with search
 * parameters (the search page's own, "Diese Suche abonnieren") the case studies matching that
 * search, newest changes first, under the search's description as title. As Atom, or for a
 * browser as a page that explains it.
 */
export async function atomFeed(event: H3Event, locale: Locale): Promise<string> {
  const siteUrl = useRuntimeConfig().public.siteUrl;
  const params = new URLSearchParams(getRequestURL(event).search);
  for (const name of IGNORED_PARAMS) params.delete(name);
  const searchPath = locale === 'en' ? '/en/case-studies' : '/praxisbeispiele';
  let entries: FeedEntry[];
  let head: FeedHead;
  if (params.size === 0) {
    entries = (await listPublishedCaseStudies())
      .filter((entry) => entry.locale === locale)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .slice(0, FEED_SIZE);
    head = { locale, siteUrl, title: TITLES[locale], selfPath: `${localePathPrefix(locale)}/feed.xml`, alternatePath: searchPath };
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
    entries = (await latestMatches(useMeilisearch(), state, FEED_SIZE)).map((entry) => ({ ...entry, locale }));
    head = {
      locale,
      siteUrl,
      title: `${SEARCH_TITLES[locale]} – ${describeSearch(state, byLocale[locale]!, locale)}`,
      selfPath: `${localePathPrefix(locale)}/feed.xml?${params}`,
      alternatePath: `${searchPath}?${params}`,
    };
  }
  setResponseHeader(event, 'vary', 'Accept');
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  if (opensAsPage(getRequestHeader(event, 'accept'))) {
    setResponseHeader(event, 'content-type', 'text/html; charset=utf-8');
    // The page runs no script and loads nothing: only its own inline style.
    setResponseHeader(
      event,
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    return renderFeedPage(entries, head);
  }
  setResponseHeader(event, 'content-type', 'application/atom+xml; charset=utf-8');
  return renderAtomFeed(entries, head);
}
