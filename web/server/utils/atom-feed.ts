import type { H3Event } from 'h3';
import { latestMatches, localePathPrefix, parseSearchParams, type Locale } from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import type { PublishedCaseStudy } from './published-case-studies';
import { escapeXml } from './xml';

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

/** A case study as a feed lists it: a published one, or a match of a saved search. */
type FeedEntry = Omit<PublishedCaseStudy, 'documentId'>;

interface FeedHead {
  locale: Locale;
  siteUrl: string;
  title: string;
  /** The feed's own path and query, and the page it mirrors. */
  selfPath: string;
  alternatePath: string;
}

/** The Atom document for `entries`, in the order given. */
export function renderAtomFeed(entries: FeedEntry[], head: FeedHead): string {
  const self = `${head.siteUrl}${head.selfPath}`;
  const updated = entries.map((entry) => entry.updatedAt).sort().at(-1) ?? new Date(0).toISOString();
  const items = entries.map((entry) => {
    const url = head.siteUrl + caseStudyPath(entry.locale, entry.slug);
    return [
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${entry.publishedAt}</published>`,
      `    <updated>${entry.updatedAt}</updated>`,
      `    <summary>${escapeXml(entry.teaser ?? '')}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${head.locale}">`,
    `  <title>${escapeXml(head.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(head.siteUrl + head.alternatePath)}"/>`,
    `  <id>${escapeXml(self)}</id>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>G.I.B. NRW – Redaktion Praxisdatenbank</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

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
      throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: parsed.problems.map((problem) => `${problem.param}: ${problem.message}`).join('; ') });
    }
    const state = { ...parsed.state, locale };
    const entries = (await latestMatches(useMeilisearch(), state, FEED_SIZE)).map((entry) => ({ ...entry, locale }));
    xml = renderAtomFeed(entries, {
      locale, siteUrl,
      title: `${SEARCH_TITLES[locale]} – ${describeSearch(state, byLocale[locale]!, locale)}`,
      selfPath: `${localePathPrefix(locale)}/feed.xml?${params}`,
      alternatePath: `${searchPath}?${params}`,
    });
  }
  setResponseHeader(event, 'content-type', 'application/atom+xml; charset=utf-8');
  setResponseHeader(event, 'cache-control', 'public, max-age=300');
  return xml;
}
