import { SEARCH_PARAMS } from '@praxis/search/query-params';
import type { LocationQuery } from 'vue-router';

/** Search parameters as the URL carries them: every value a list, unknown parameters dropped. */
export type SearchQuery = Record<string, string[]>;

const PAGE_PARAMS = SEARCH_PARAMS.filter((param) => param !== 'locale');

/** The search parameters of a route query; tracking parameters and the like are ignored. */
export function pickSearchQuery(query: LocationQuery): SearchQuery {
  const picked: SearchQuery = {};
  for (const param of PAGE_PARAMS) {
    const raw = query[param];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && value !== '');
    if (values.length > 0) picked[param] = values;
  }
  return picked;
}

/** The state of the search page lives in the URL; these helpers give the addresses of changed states. */
export function useSearchQuery() {
  const route = useRoute();
  const query = computed(() => pickSearchQuery(route.query));

  function values(param: string): string[] {
    return query.value[param] ?? [];
  }

  /** A copy of the current query with `param` changed and the page reset (a new filter starts at page 1). */
  function withParam(param: string, next: string[]): SearchQuery {
    const { page: _page, ...rest } = query.value;
    const changed: SearchQuery = { ...rest, [param]: next };
    if (next.length === 0) delete changed[param];
    return changed;
  }

  function without(param: string, value?: string): SearchQuery {
    return withParam(param, value === undefined ? [] : values(param).filter((existing) => existing !== value));
  }

  return { query, values, without };
}
