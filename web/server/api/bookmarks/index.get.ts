import { bookmarkedCaseStudies, type SearchHit } from '@praxis/search';
import { bookmarkIdsOf } from '../../search/bookmark-ids';
import { useMeilisearch } from '../../search/meilisearch';
import { localeQuery, parseWith } from '../../security/request-schemas';

export interface BookmarksAnswer {
  hits: SearchHit[];
  /** Ids of the list that are not (or no longer) published in this language. */
  missing: number;
}

/** `GET /api/bookmarks?ids=a,b&locale=de`: the Merkliste's result cards, in its order. */
export default defineEventHandler(async (event): Promise<BookmarksAnswer> => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const ids = bookmarkIdsOf(event);
  const hits = await bookmarkedCaseStudies(useMeilisearch(), locale, ids);
  setResponseHeader(event, 'cache-control', 'no-cache');
  return { hits, missing: ids.length - hits.length };
});
