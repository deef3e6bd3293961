import type { Vocabulary } from '../../shared/vocabulary';
import { localeQuery } from './request-schemas';

/** A page's question to the site's own API, answered in the same process. */
export type ServerAnswer = (path: string, query: Record<string, unknown>) => Promise<{ status: number; body: unknown }> | undefined;

declare module 'h3' {
  interface H3EventContext {
    /** Set for each request by server/plugins/server-answer.ts. */
    serverAnswer?: ServerAnswer;
  }
}

/**
 * The search and the filter names, as `/api/search` and `/api/vocabulary` answer them, for pages
 * rendered on the server: Nitro answers a page's own-API call in-process too, but writes the answer
 * as JSON and parses it back (every search page asks both; the vocabulary names 396 towns).
 * Undefined for any other question, and for a query the route itself should refuse.
 */
export const serverAnswer: ServerAnswer = (path, query) => {
  if (path === '/api/search') return answerSearch(searchParams(query));
  if (path === '/api/vocabulary') {
    const parsed = localeQuery.safeParse(query);
    if (!parsed.success) return undefined;
    return loadVocabulary().then(({ byLocale }): { status: number; body: Vocabulary } => ({ status: 200, body: byLocale[parsed.data.locale]! }));
  }
  return undefined;
};

function searchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const single of Array.isArray(value) ? value : [value]) if (single !== undefined && single !== null) params.append(name, String(single));
  }
  return params;
}
