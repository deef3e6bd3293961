import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../document.ts';
import { CARD_FIELDS, escapeFilterValue } from '../query.ts';
import { toSearchHit, type SearchHit } from '../search-case-studies.ts';
import { indexName } from '../settings.ts';

/** What a case study shares with others: the basis of "related case studies". */
export interface RelatedTo {
  slug: string;
  locale: string;
  buildingBlockSlug: string | null;
  topicSlugs: string[];
  targetGroupSlugs: string[];
  /** Centre of the project's towns, for proximity. */
  geo: { lat: number; lng: number } | null;
}

const CANDIDATES = 60;

/** Great-circle distance in km. */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

/** Shared Baustein 3, each shared topic 2, each shared target group 1, and up to 2 for being nearby (within 100 km). */
export function relatednessScore(to: RelatedTo, candidate: Pick<SearchDocument, 'buildingBlockSlug' | 'topicSlugs' | 'targetGroupSlugs' | '_geo'>): number {
  let score = to.buildingBlockSlug && candidate.buildingBlockSlug === to.buildingBlockSlug ? 3 : 0;
  score += 2 * candidate.topicSlugs.filter((slug) => to.topicSlugs.includes(slug)).length;
  score += candidate.targetGroupSlugs.filter((slug) => to.targetGroupSlugs.includes(slug)).length;
  if (to.geo && candidate._geo) score += Math.max(0, 2 * (1 - distanceKm(to.geo, candidate._geo) / 100));
  return score;
}

const RELATEDNESS_FIELDS = ['slug', 'buildingBlockSlug', 'topicSlugs', 'targetGroupSlugs', '_geo'] as const;

/**
 * Up to `limit` published case studies most like the one with `documentId` in `locale`,
 * read from the index (so only published ones count); none when it is not indexed.
 */
export async function findRelated(client: Meilisearch, of: { documentId: string; locale: string }, limit = 6): Promise<SearchHit[]> {
  // A search, not a document read: the site's key may only search.
  const { hits } = await client.index(indexName(of.locale)).search('', {
    filter: `documentId = ${escapeFilterValue(of.documentId)}`,
    limit: 1,
    attributesToRetrieve: [...RELATEDNESS_FIELDS],
  });
  const own = hits[0] as Pick<SearchDocument, (typeof RELATEDNESS_FIELDS)[number]> | undefined;
  if (!own) return [];
  return rankRelated(
    client,
    {
      slug: own.slug,
      locale: of.locale,
      buildingBlockSlug: own.buildingBlockSlug,
      topicSlugs: own.topicSlugs,
      targetGroupSlugs: own.targetGroupSlugs,
      geo: own._geo,
    },
    limit,
  );
}

/**
 * Up to `limit` published case studies most like `to` (never `to` itself): candidates
 * sharing a topic, target group or the Baustein come from the index (nearest first),
 * then are ranked by {@link relatednessScore}.
 */
export async function rankRelated(client: Meilisearch, to: RelatedTo, limit = 6): Promise<SearchHit[]> {
  const shared = [
    ...(to.buildingBlockSlug ? [`buildingBlockSlug = ${escapeFilterValue(to.buildingBlockSlug)}`] : []),
    ...to.topicSlugs.map((slug) => `topicSlugs = ${escapeFilterValue(slug)}`),
    ...to.targetGroupSlugs.map((slug) => `targetGroupSlugs = ${escapeFilterValue(slug)}`),
  ];
  const filter = [`slug != ${escapeFilterValue(to.slug)}`, ...(shared.length > 0 ? [`(${shared.join(' OR ')})`] : [])].join(' AND ');
  const result = await client.index(indexName(to.locale)).search('', {
    filter,
    limit: CANDIDATES,
    sort: to.geo ? [`_geoPoint(${to.geo.lat}, ${to.geo.lng}):asc`] : ['publishedAt:desc'],
    attributesToRetrieve: [...CARD_FIELDS, 'buildingBlockSlug', 'topicSlugs', 'targetGroupSlugs', '_geo'],
  });
  const candidates = result.hits as unknown as SearchDocument[];
  return candidates
    .map((doc, order) => ({ doc, order, score: relatednessScore(to, doc) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ doc }) => toSearchHit(doc));
}

/** How many published case studies in `locale` ran in each of `townAgs` (one faceted query); towns without any are left out. */
export async function countCaseStudiesByTown(client: Meilisearch, locale: string, townAgs: string[]): Promise<Record<string, number>> {
  if (townAgs.length === 0) return {};
  const { facetDistribution } = await client.index(indexName(locale)).search('', {
    filter: `municipalityAgs IN [${townAgs.map(escapeFilterValue).join(', ')}]`,
    limit: 0,
    facets: ['municipalityAgs'],
  });
  const counts = facetDistribution?.municipalityAgs ?? {};
  // The facet also counts the other towns of those case studies: only the asked ones are answered.
  return Object.fromEntries(townAgs.filter((ags) => counts[ags]).map((ags) => [ags, counts[ags]!]));
}
