// Counts what practitioners search for, for the editors' dashboard ("Suchen ohne Treffer"):
// per language, normalised query text and the filters set with it (values of the site's own lists
// and funding years, nothing typed), nothing else — no address, no cookie, no time. Counted here
// and sent to the CMS once a minute (server/plugins/search-statistics.ts), which keeps daily sums
// (cms/src/dashboard/search-log.ts). The Datenschutz page says so.
// Only what a person typed in a browser counts: no scripts, monitors or crawlers, no client that
// uses most of its request budget, no text without a searchable word; and a search counts as one
// "without results" only when its words alone find nothing — not when its filters do.
import type { H3Event } from 'h3';
import { FACET_KEYS, queryTerms, type SearchState } from '@praxis/search';

/** Distinct queries kept between two sends; beyond that new ones are not counted (a flood cannot grow memory). */
const MAX_PENDING = 5_000;

interface Count {
  locale: string;
  query: string;
  filters: string;
  searches: number;
  withoutResults: number;
}
let pending = new Map<string, Count>();
const keyOf = (count: Pick<Count, 'locale' | 'query' | 'filters'>) => `${count.locale}\n${count.query}\n${count.filters}`;

/** Longest filter text the CMS keeps (SEARCH_FILTERS_MAX_LENGTH in cms/src/dashboard/search-log.ts). */
export const MAX_FILTERS_LENGTH = 500;

/**
 * The filters a search was made with, as the dashboard keeps them: JSON with the URL's parameter
 * names, facets in URL order and their values sorted (the same filters give the same text), `{}`
 * for none. Beyond MAX_FILTERS_LENGTH (dozens of values picked) each facet's number of values instead.
 */
export function describeFilters(state: Pick<SearchState, 'filters' | 'fundingFrom' | 'fundingTo'>): string {
  const facets = FACET_KEYS.filter((key) => state.filters[key].length > 0);
  // JSON leaves out a funding bound that is not set (undefined).
  const funding = { fundingFrom: state.fundingFrom, fundingTo: state.fundingTo };
  const full = JSON.stringify({ ...Object.fromEntries(facets.map((key) => [key, [...state.filters[key]].sort()])), ...funding });
  if (full.length <= MAX_FILTERS_LENGTH) return full;
  return JSON.stringify({ ...Object.fromEntries(facets.map((key) => [key, state.filters[key].length])), ...funding });
}

/**
 * The query as the dashboard shows it: Unicode-normalised, lower case, single spaces, at most
 * 100 characters. Text that looks like an e-mail address or a phone number is not counted at all:
 * it would be personal data.
 */
export function normaliseQuery(text: string): string | undefined {
  const query = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100).trim();
  if (!query || query.includes('@') || /\d[\d /-]{5,}\d/.test(query)) return undefined;
  return query;
}

/** User agents of programs, not of a person's browser. */
const AUTOMATED =
  /bot|crawl|spider|slurp|curl|wget|python|java\/|go-http|node|undici|axios|okhttp|httpie|postman|insomnia|monitor|uptime|pingdom|check|lighthouse|scan/i;

declare module 'h3' {
  interface H3EventContext {
    /** Share of its requests per minute the client has used (server/middleware/rate-limit.ts). */
    rateBudgetUsed?: number;
  }
}

/**
 * Whether a request looks like a person's browser: a browser's user agent and language header,
 * and a client that used less than half its requests per minute (a person searching does not).
 */
export function fromPractitioner(event: H3Event): boolean {
  const agent = getRequestHeader(event, 'user-agent') ?? '';
  if (!agent.startsWith('Mozilla/') || AUTOMATED.test(agent)) return false;
  if (!getRequestHeader(event, 'accept-language')) return false;
  return (event.context.rateBudgetUsed ?? 0) < 0.5;
}

/** Whether a text is worth counting: it has a word the search can look for (not "?!" or "die"). */
export function hasSearchableWord(text: string, locale: string): boolean {
  return queryTerms(text, locale) !== '';
}

/**
 * One search of the first result page (paging through results is not a new search); `filters`:
 * describeFilters of its state; `miss`: its words found nothing.
 */
export function countSearch(locale: string, text: string, filters: string, miss: boolean): void {
  if (!hasSearchableWord(text, locale)) return;
  const query = normaliseQuery(text);
  if (!query) return;
  const key = keyOf({ locale, query, filters });
  const count = pending.get(key);
  if (!count && pending.size >= MAX_PENDING) return;
  const entry = count ?? { locale, query, filters, searches: 0, withoutResults: 0 };
  entry.searches += 1;
  if (miss) entry.withoutResults += 1;
  pending.set(key, entry);
}

/** Sends what was counted to the CMS; on failure the counts wait for the next send. */
export async function sendSearchCounts(): Promise<void> {
  if (pending.size === 0) return;
  const counts = [...pending.values()];
  pending = new Map();
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  try {
    await $fetch(`${strapiUrl}/api/search-statistics`, {
      method: 'POST',
      body: { counts },
      timeout: 10_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    });
  } catch (error) {
    // Put them back (merged with what came meanwhile), unless the CMS refused the batch itself.
    if ((error as { statusCode?: number }).statusCode === 400) return;
    for (const count of counts) {
      const key = keyOf(count);
      const now = pending.get(key);
      if (now) {
        now.searches += count.searches;
        now.withoutResults += count.withoutResults;
      } else if (pending.size < MAX_PENDING) pending.set(key, count);
    }
    console.warn(`[search-statistics] the CMS did not take the search counts (${(error as Error).message}); trying again in a minute`);
  }
}
