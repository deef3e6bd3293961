import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../document.ts';
import { indexName, MAX_TOTAL_HITS } from '../settings.ts';

/** Every document of the published fields an open-data file carries (everything but search helpers). */
export const OPEN_DATA_FIELDS = [
  'documentId',
  'locale',
  'slug',
  'title',
  'teaser',
  'description',
  'startingSituation',
  'goals',
  'approach',
  'results',
  'afterFunding',
  'transferability',
  'effort',
  'contact',
  'successFactors',
  'pitfalls',
  'partners',
  'provider',
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
  'lastReviewed',
  'publishedAt',
  'updatedAt',
] as const satisfies readonly (keyof SearchDocument)[];

export type OpenDataDocument = Pick<SearchDocument, (typeof OPEN_DATA_FIELDS)[number]>;

/**
 * The published case studies of one language, a page at a time, oldest first: with the site's
 * search-only key (which cannot list documents) through searches, so a download of 10,000 never
 * holds more than one page in memory.
 */
export async function* publishedDocuments(client: Meilisearch, locale: string, pageSize = 250): AsyncGenerator<OpenDataDocument[]> {
  for (let offset = 0; offset < MAX_TOTAL_HITS; offset += pageSize) {
    const { hits } = await client.index(indexName(locale)).search('', {
      offset,
      limit: pageSize,
      sort: ['publishedAt:asc', 'titleSort:asc'],
      attributesToRetrieve: [...OPEN_DATA_FIELDS],
    });
    if (hits.length === 0) return;
    yield hits as OpenDataDocument[];
    if (hits.length < pageSize) return;
  }
}
