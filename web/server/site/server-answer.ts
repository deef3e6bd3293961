import type { H3Event } from 'h3';
import type { Vocabulary } from '../../shared/vocabulary';
import { answerSearch } from '../search/answer';
import { loadVocabulary } from '../search/vocabulary';
import { localeQuery } from '../security/request-schemas';
import { siteNavigation } from './navigation';

/** A page's question to the site's own API, answered in the same process. */
export type ServerAnswer = (path: string, query: Record<string, unknown>) => Promise<{ status: number; body: unknown }> | undefined;

declare module 'h3' {
  interface H3EventContext {
    /** `serverAnswer` for this request, set by server/plugins/server-answer.ts. */
    serverAnswer?: ServerAnswer;
  }
}

/**
 * The search, the filter names and the navigation, as `/api/search`, `/api/vocabulary` and
 * `/api/pages` answer them, for pages rendered on the server: Nitro answers a page's own-API call
 * in-process too, but writes the answer as JSON and parses it back (every search page asks all
 * three; the vocabulary names 396 towns). Undefined for any other question, and for a query the
 * route itself should refuse.
 */
export function serverAnswer(event: H3Event, path: string, query: Record<string, unknown>): ReturnType<ServerAnswer> {
  if (path === '/api/search') return answerSearch(searchParams(query), event);
  if (path !== '/api/vocabulary' && path !== '/api/pages') return undefined;
  const parsed = localeQuery.safeParse(query);
  if (!parsed.success) return undefined;
  const { locale } = parsed.data;
  if (path === '/api/pages') return siteNavigation(event, locale).then((pages) => ({ status: 200, body: pages }));
  return loadVocabulary().then(({ byLocale }): { status: number; body: Vocabulary } => ({ status: 200, body: byLocale[locale]! }));
}

function searchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const single of Array.isArray(value) ? value : [value]) if (single !== undefined && single !== null) params.append(name, String(single));
  }
  return params;
}
