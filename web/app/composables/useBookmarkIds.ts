import { BOOKMARK_PARAM } from '@praxis/search/query-params';

/**
 * The ids of the Merkliste or comparison the address names (`?ids=a,b` from a link or repeated
 * `ids` from the compare form), as one comma-separated value for the API, which checks them.
 */
export function useBookmarkIdsParam() {
  const route = useRoute();
  return computed(() => {
    const raw = route.query[BOOKMARK_PARAM];
    return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string').join(',');
  });
}
