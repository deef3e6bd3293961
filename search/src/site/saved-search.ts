import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../document.ts';
import { buildFilter, type SearchState } from '../query.ts';
import { planTextSearch } from '../search-case-studies.ts';
import { indexName } from '../settings.ts';

/** A case study as a saved search's feed lists it. */
export interface SearchFeedEntry {
  slug: string;
  title: string;
  teaser: string;
  /** ISO 8601. */
  publishedAt: string;
  updatedAt: string;
}

const FEED_FIELDS = ['slug', 'title', 'teaser', 'publishedAt', 'updatedAt'] as const;

/**
 * The published case studies matching a search (its text and every filter), the most recently
 * published or updated first: what "Diese Suche abonnieren" delivers as an Atom feed.
 */
export async function latestMatches(client: Meilisearch, state: SearchState, limit = 30): Promise<SearchFeedEntry[]> {
  const text = await planTextSearch(client, state);
  if (text === null) return [];
  const { q, ...matching } = text;
  const { hits } = await client.index(indexName(state.locale)).search(q, {
    ...matching,
    filter: buildFilter(state).join(' AND ') || undefined,
    sort: ['updatedAt:desc'],
    limit,
    attributesToRetrieve: [...FEED_FIELDS],
  });
  return (hits as Pick<SearchDocument, (typeof FEED_FIELDS)[number]>[]).map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    teaser: hit.teaser,
    publishedAt: new Date(hit.publishedAt).toISOString(),
    updatedAt: new Date(hit.updatedAt).toISOString(),
  }));
}
