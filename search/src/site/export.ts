import type { Meilisearch } from 'meilisearch';
import { documentsByIds } from './bookmarks.ts';
import type { SearchDocument } from '../document.ts';
import { buildFilter, sortOrder, type SearchState } from '../query.ts';
import { planTextSearch } from '../search-case-studies.ts';
import { indexName, MAX_TOTAL_HITS } from '../settings.ts';

/** What an export (CSV, Excel) of a search or a Merkliste has per case study. */
export const EXPORT_FIELDS = [
  'slug',
  'title',
  'teaser',
  'buildingBlock',
  'municipalities',
  'townTypes',
  'townSizes',
  'targetGroups',
  'topics',
  'settings',
  'criteria',
  'status',
  'fundingStart',
  'fundingEnd',
  'provider',
  'partners',
  'effort',
  'successFactors',
  'pitfalls',
  'afterFunding',
  'contact',
  'lastReviewed',
  'publishedAt',
  'updatedAt',
] as const;

export type ExportDocument = Pick<SearchDocument, (typeof EXPORT_FIELDS)[number] | 'documentId'>;

/** Every case study a search matches (not one page of it), in the search's own order. */
export async function matchingDocuments(client: Meilisearch, state: SearchState): Promise<ExportDocument[]> {
  const text = await planTextSearch(client, state);
  if (text === null) return [];
  const { q, ...matching } = text;
  const { hits } = await client.index(indexName(state.locale)).search(q, {
    ...matching,
    filter: buildFilter(state).join(' AND ') || undefined,
    sort: sortOrder(state),
    limit: MAX_TOTAL_HITS,
    attributesToRetrieve: ['documentId', ...EXPORT_FIELDS],
  });
  return hits as ExportDocument[];
}

/** The Merkliste's case studies, in its order. */
export function bookmarkedDocuments(client: Meilisearch, locale: string, ids: string[]): Promise<ExportDocument[]> {
  return documentsByIds(client, locale, ids, EXPORT_FIELDS);
}
