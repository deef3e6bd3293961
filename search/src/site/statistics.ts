import type { Meilisearch } from 'meilisearch';
import { FACETS, type FacetKey } from '../query-params.ts';
import { escapeFilterValue } from '../query.ts';
import { indexName } from '../settings.ts';

/** What the statistics page counts, by search parameter (each chart links to the search with it). */
export const STATISTICS_KEYS = [
  'buildingBlock',
  'region',
  'district',
  'municipality',
  'targetGroup',
  'topic',
  'setting',
  'status',
  'fundingStart',
] as const satisfies readonly FacetKey[];
export type StatisticsKey = (typeof STATISTICS_KEYS)[number];

export interface ProgrammeStatistics {
  /** Published case studies in the language. */
  total: number;
  counts: Record<StatisticsKey, Record<string, number>>;
  /** Per Baustein: its case studies by project status (for the "verstetigt" share). */
  statusByBuildingBlock: Record<string, { total: number; status: Record<string, number> }>;
}

/**
 * The programme's figures in one Meilisearch request: the facet counts of every published case
 * study, and per Baustein its status counts.
 */
export async function programmeStatistics(client: Meilisearch, locale: string, buildingBlocks: string[]): Promise<ProgrammeStatistics> {
  const indexUid = indexName(locale);
  const { results } = await client.multiSearch({
    queries: [
      { indexUid, q: '', hitsPerPage: 0, page: 1, facets: STATISTICS_KEYS.map((key) => FACETS[key]) },
      ...buildingBlocks.map((slug) => ({
        indexUid,
        q: '',
        hitsPerPage: 0,
        page: 1,
        facets: [FACETS.status],
        filter: `${FACETS.buildingBlock} = ${escapeFilterValue(slug)}`,
      })),
    ],
  });
  const [all, ...perBlock] = results;
  const distribution = all!.facetDistribution ?? {};
  return {
    total: all!.totalHits ?? 0,
    counts: Object.fromEntries(STATISTICS_KEYS.map((key) => [key, distribution[FACETS[key]] ?? {}])) as ProgrammeStatistics['counts'],
    statusByBuildingBlock: Object.fromEntries(
      buildingBlocks.map((slug, index) => [
        slug,
        {
          total: perBlock[index]!.totalHits ?? 0,
          status: perBlock[index]!.facetDistribution?.[FACETS.status] ?? {},
        },
      ]),
    ),
  };
}
