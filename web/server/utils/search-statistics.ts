// Counts what practitioners search for, for the editors' dashboard ("Suchen ohne Treffer"):
// per language and normalised query text, nothing else — no address, no cookie, no time, no
// filters. Counted here and sent to the CMS once a minute (server/plugins/search-statistics.ts),
// which keeps daily sums (cms/src/dashboard/search-log.ts). The Datenschutz page says so.

/** Distinct queries kept between two sends; beyond that new ones are not counted (a flood cannot grow memory). */
const MAX_PENDING = 5_000;

interface Count { locale: string; query: string; searches: number; withoutResults: number }
let pending = new Map<string, Count>();

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

/** One search of the first result page (paging through results is not a new search). */
export function countSearch(locale: string, text: string, total: number): void {
  const query = normaliseQuery(text);
  if (!query) return;
  const key = `${locale}\n${query}`;
  const count = pending.get(key);
  if (!count && pending.size >= MAX_PENDING) return;
  const entry = count ?? { locale, query, searches: 0, withoutResults: 0 };
  entry.searches += 1;
  if (total === 0) entry.withoutResults += 1;
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
      method: 'POST', body: { counts }, timeout: 10_000,
      headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    });
  } catch (error) {
    // Put them back (merged with what came meanwhile), unless the CMS refused the batch itself.
    if ((error as { statusCode?: number }).statusCode === 400) return;
    for (const count of counts) {
      const key = `${count.locale}\n${count.query}`;
      const now = pending.get(key);
      if (now) {
        now.searches += count.searches;
        now.withoutResults += count.withoutResults;
      } else if (pending.size < MAX_PENDING) pending.set(key, count);
    }
    console.warn(`[search-statistics] the CMS did not take the search counts (${(error as Error).message}); trying again in a minute`);
  }
}
