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

/** The case studies taken over most that the statistics name. */
export const TOP_TRANSFERRED = 5;

/** Transfers ("Nachnutzung"): one per Kommune that reported taking a case study over (published reports). */
export interface TransferStatistics {
  /** Case study–Kommune pairs: a Kommune reporting the same case study twice counts once. */
  transfers: number;
  /** Distinct Kommunen that took at least one case study over. */
  towns: number;
  /** Case studies taken over at all. */
  caseStudies: number;
  /** The most taken over, most Kommunen first, then by title; at most TOP_TRANSFERRED. */
  top: { slug: string; title: string; towns: number }[];
}

export interface ProgrammeStatistics {
  transfers: TransferStatistics;
  /** Published case studies in the language. */
  total: number;
  counts: Record<StatisticsKey, Record<string, number>>;
  /** Per Baustein: its case studies by project status (for the "verstetigt" share). */
  statusByBuildingBlock: Record<string, { total: number; status: Record<string, number> }>;
}

/** Case studies taken over read to rank them: far above what the programme has. */
const MAX_TRANSFERRED_READ = 1_000;

/**
 * The programme's figures in one Meilisearch request: the facet counts of every published case
 * study, and per Baustein its status counts.
 */
export async function programmeStatistics(client: Meilisearch, locale: string, buildingBlocks: string[]): Promise<ProgrammeStatistics> {
  const indexUid = indexName(locale);
  const { results } = await client.multiSearch({
    queries: [
      { indexUid, q: '', hitsPerPage: 0, page: 1, facets: [...STATISTICS_KEYS.map((key) => FACETS[key]), 'transferredTo'] },
      // Every case study taken over (a few dozen at most), to rank them by their Kommunen.
      {
        indexUid,
        q: '',
        hitsPerPage: MAX_TRANSFERRED_READ,
        page: 1,
        filter: `${FACETS.transferred} = "true"`,
        attributesToRetrieve: ['slug', 'title', 'transferredTo'],
      },
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
  const [all, transferred, ...perBlock] = results;
  const distribution = all!.facetDistribution ?? {};
  const taken = (transferred!.hits as { slug: string; title: string; transferredTo: string[] }[]).map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    towns: hit.transferredTo.length,
  }));
  const byTown = distribution.transferredTo ?? {};
  return {
    transfers: {
      transfers: Object.values(byTown).reduce((sum, count) => sum + count, 0),
      towns: Object.keys(byTown).length,
      caseStudies: transferred!.totalHits ?? taken.length,
      top: taken.sort((a, b) => b.towns - a.towns || a.title.localeCompare(b.title, locale)).slice(0, TOP_TRANSFERRED),
    },
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
