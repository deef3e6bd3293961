import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../document.ts';
import { CARD_FIELDS, escapeFilterValue } from '../query.ts';
import { toSearchHit, type SearchHit } from '../search-case-studies.ts';
import { indexName } from '../settings.ts';

/**
 * The published case studies with these ids in one language, in the order of `ids` (the order
 * they were bookmarked). Ids that are not published in that language are left out.
 */
export async function documentsByIds<Field extends keyof SearchDocument>(
  client: Meilisearch,
  locale: string,
  ids: string[],
  fields: readonly Field[],
): Promise<Pick<SearchDocument, Field | 'documentId'>[]> {
  if (ids.length === 0) return [];
  const { hits } = await client.index(indexName(locale)).search('', {
    filter: `documentId IN [${ids.map(escapeFilterValue).join(', ')}]`,
    limit: ids.length,
    attributesToRetrieve: ['documentId', ...fields],
  });
  const byId = new Map((hits as Pick<SearchDocument, Field | 'documentId'>[]).map((hit) => [hit.documentId, hit]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The Merkliste's result cards. */
export async function bookmarkedCaseStudies(client: Meilisearch, locale: string, ids: string[]): Promise<SearchHit[]> {
  const documents = await documentsByIds(client, locale, ids, CARD_FIELDS);
  return documents.map((document) => toSearchHit(document as SearchDocument));
}
