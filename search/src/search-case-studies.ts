import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from './document.ts';
import {
  activeConstraints, buildMultiSearch, buildRelaxationQueries, type CARD_FIELDS, FACET_KEYS, HIGHLIGHT_END, HIGHLIGHT_START, mergeFacetCounts, parseSearchParams,
  type Constraint, type FacetKey, type KnownValues, type QueryProblem, type SearchState,
} from './query.ts';

type CardFields = Exclude<(typeof CARD_FIELDS)[number], 'teaser'>;

/** One result card: the teaser and title as safe HTML whose only markup is `<mark>`. */
export type SearchHit = Pick<SearchDocument, CardFields> & { titleHtml: string; teaserHtml: string };

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: Record<FacetKey, Record<string, number>>;
  /** Only when nothing matched: how many results dropping each active constraint would give, most first. */
  relaxations: Relaxation[];
}

export interface Relaxation {
  constraint: Constraint;
  total: number;
}

export type SearchOutcome =
  | { status: 200; body: SearchResponse }
  | { status: 400; body: { error: string; problems: QueryProblem[] } };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text from the index, then turns the highlight markers into `<mark>` — nothing else survives as markup. */
export function highlightToHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => ESCAPES[char]!)
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_END, '</mark>');
}

type FormattedDocument = SearchDocument & { _formatted?: { title?: string; teaser?: string } };

/** A result card from an index document; highlights are taken from `_formatted` when the query asked for them. */
export function toSearchHit(doc: FormattedDocument): SearchHit {
  return {
    documentId: doc.documentId, slug: doc.slug, title: doc.title,
    titleHtml: highlightToHtml(doc._formatted?.title ?? doc.title),
    teaserHtml: highlightToHtml(doc._formatted?.teaser ?? doc.teaser),
    buildingBlock: doc.buildingBlock, municipalities: doc.municipalities, targetGroups: doc.targetGroups, topics: doc.topics,
    status: doc.status, fundingStart: doc.fundingStart, fundingEnd: doc.fundingEnd, image: doc.image,
  };
}

function badRequest(problems: QueryProblem[]): SearchOutcome {
  const error = problems.map((problem) => `${problem.param}: ${problem.message}`).join('; ');
  return { status: 400, body: { error, problems } };
}

/**
 * The one door to the case-study indexes: validates the URL parameters,
 * runs one multi-search (hits plus a count query per selected facet group)
 * and shapes the answer. Bad input gives a 400 with the reasons, never an exception.
 */
export async function searchCaseStudies(client: Meilisearch, params: URLSearchParams, known: KnownValues = {}): Promise<SearchOutcome> {
  const parsed = parseSearchParams(params, known);
  if (!parsed.state) return badRequest(parsed.problems);
  const state = parsed.state;
  const { results } = await client.multiSearch({ queries: buildMultiSearch(state) });
  const main = results[0]!;
  const total = main.totalHits ?? 0;
  const pageCount = Math.ceil(total / state.pageSize);
  if (state.page > Math.max(1, pageCount)) {
    return badRequest([{ param: 'page', message: `${state.page} is beyond the last page (${Math.max(1, pageCount)})` }]);
  }
  const hits = main.hits.map((hit) => toSearchHit(hit as unknown as FormattedDocument));
  const facets = mergeFacetCounts(state, results.map((result) => result.facetDistribution));
  for (const key of FACET_KEYS) facets[key] ??= {};
  const relaxations = total === 0 ? await findRelaxations(client, state) : [];
  return { status: 200, body: { hits, total, page: state.page, pageSize: state.pageSize, pageCount, facets, relaxations } };
}

async function findRelaxations(client: Meilisearch, state: SearchState): Promise<Relaxation[]> {
  const queries = buildRelaxationQueries(state);
  if (queries.length === 0) return [];
  const { results } = await client.multiSearch({ queries });
  return activeConstraints(state)
    .map((constraint, index) => ({ constraint, total: results[index]?.totalHits ?? 0 }))
    .sort((a, b) => b.total - a.total);
}
