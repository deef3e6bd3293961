import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from './document.ts';
import { highlightWords, type IndexedField, type MatchPosition } from './analysis/highlight.ts';
import { ANALYSIS_VERSION } from './analysis/terms.ts';
import { CENTRAL_TERM_FIELDS } from './analysis/document-terms.ts';
import { forgetHeldTerms, splitUnknownCompounds } from './analysis/compound-query.ts';
import { correctUnknownWords, forgetVocabularies, suggestQuery } from './analysis/did-you-mean.ts';
import { indexName } from './settings.ts';
import { findTownAlternatives, type TownAlternatives } from './site/town-alternatives.ts';
import {
  activeConstraints,
  buildFilter,
  buildMultiSearch,
  MATCHING_STRATEGY,
  type CARD_FIELDS,
  FACET_KEYS,
  indexQuery,
  mergeFacetCounts,
  parseSearchParams,
  type Constraint,
  type FacetKey,
  type KnownValues,
  type QueryProblem,
  type SearchState,
  type TextSearch,
  withoutConstraint,
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
  /** Only when nothing matched: the words the case studies use that are closest to those typed, and what they find. */
  didYouMean: DidYouMean | null;
  /** When the search names one town (the Umkreis centre or the one Kommune chosen): the same search in its Kreis, Umkreis and class ("Kommunen wie meine"). */
  townAlternatives: TownAlternatives | null;
}

export interface DidYouMean {
  q: string;
  total: number;
}

export interface Relaxation {
  constraint: Constraint;
  total: number;
}

export type SearchOutcome = { status: 200; body: SearchResponse } | { status: 400; body: { error: string; problems: QueryProblem[] } };

type MatchedDocument = SearchDocument & { _matchesPosition?: Record<string, MatchPosition[]> };

function indexedField(doc: Partial<MatchedDocument>, field: 'title' | 'teaser'): IndexedField | undefined {
  const terms = doc.terms?.[field];
  const owners = doc.termOwners?.[field];
  return typeof terms === 'string' && owners ? { terms, owners } : undefined;
}

/**
 * A result card from an index document; title and teaser as safe HTML, their matched words
 * marked when the document came from a text search and was analysed as this code analyses.
 */
export function toSearchHit(doc: MatchedDocument): SearchHit {
  const matches = doc.analysis === ANALYSIS_VERSION ? doc._matchesPosition : undefined;
  return {
    documentId: doc.documentId,
    slug: doc.slug,
    title: doc.title,
    titleHtml: highlightWords(doc.title, doc.locale, matches?.['terms.title'], indexedField(doc, 'title')),
    teaserHtml: highlightWords(doc.teaser, doc.locale, matches?.['terms.teaser'], indexedField(doc, 'teaser')),
    buildingBlock: doc.buildingBlock,
    municipalities: doc.municipalities,
    targetGroups: doc.targetGroups,
    topics: doc.topics,
    status: doc.status,
    fundingStart: doc.fundingStart,
    fundingEnd: doc.fundingEnd,
    image: doc.image,
  };
}

/** What the index is asked for a state's words ({@link indexQuery}), with unknown compounds taken apart. */
export async function resolveIndexQuery(client: Meilisearch, state: SearchState): Promise<string | null> {
  const typed = state.q.trim() ? await correctUnknownWords(client, state.q, state.locale) : state.q;
  const q = indexQuery({ ...state, q: typed });
  return q ? splitUnknownCompounds(client, q, state.locale) : q;
}

/**
 * Hits that score below this share of the best hit's ranking score are left out: a word that
 * matches a title or teaser exactly should not bring every text where a typo of it occurs; when
 * typo matches are all there is, they are the best and stay.
 */
const RELATIVE_MIN_SCORE = 0.7;

const CENTRAL_ATTRIBUTES = CENTRAL_TERM_FIELDS.map((field) => `terms.${field}`);
/**
 * Fewer case studies than this with the words where they say what they are about, and those that
 * merely mention them are shown as well: one hit is too thin a list to hide the rest (measured with
 * bench:relevance: 1 loses compounds asked by their parts, 3 and more bring floods back).
 */
const MIN_CENTRAL_HITS = 2;

/** A quoted phrase in an analysed query. */
const PHRASE = /"[^"]*"/gu;

/**
 * What the index is asked for a state's words (null: words without a searchable one). When
 * enough case studies, within the filters, have all the words where they say what they are about
 * — title, teaser, vocabularies, places, provider or a word their text uses often — only such case
 * studies match: the ones that merely mention a word ("… auch mit den Kitas im Quartier") no
 * longer flood the list. Otherwise every case study that uses the words matches, the last words
 * dropped while none uses them all. Either way, hits under {@link RELATIVE_MIN_SCORE} of the best
 * are left out. A query of quoted phrases only asks for the text as written: every case study that
 * has it matches. Decided within the filters, the practitioner's scope: a small town whose only
 * project mentions the word still finds it. The facet counts come from the same plan, so a value
 * chosen may show more case studies than its count promised (never fewer).
 */
export async function planTextSearch(client: Meilisearch, state: SearchState): Promise<TextSearch | null> {
  const q = await resolveIndexQuery(client, state);
  if (q === null) return null;
  const broad: TextSearch = { q, matchingStrategy: MATCHING_STRATEGY };
  // Only quoted phrases: the practitioner asks for the text as written, wherever a case study has it.
  if (!q || q.replace(PHRASE, '').trim() === '') return broad;
  const central: TextSearch = { q, matchingStrategy: 'all', attributesToSearchOn: CENTRAL_ATTRIBUTES };
  const probe = (plan: TextSearch) => ({
    ...plan,
    indexUid: indexName(state.locale),
    filter: buildFilter(state).join(' AND ') || undefined,
    // No sort: whatever order the page shows, the first hit here is the best.
    hitsPerPage: 1,
    page: 1,
    attributesToRetrieve: ['documentId'],
    showRankingScore: true,
  });
  const { results } = await client.multiSearch({ queries: [probe(central), probe(broad)] });
  const [centralResult, broadResult] = results;
  const chosen = (centralResult?.totalHits ?? 0) >= MIN_CENTRAL_HITS ? { plan: central, best: centralResult } : { plan: broad, best: broadResult };
  const top = chosen.best?.hits[0]?._rankingScore;
  return { ...chosen.plan, rankingScoreThreshold: top === undefined ? undefined : top * RELATIVE_MIN_SCORE };
}

/**
 * Forgets what this process remembered of the indexes' words (which words they hold, for compounds
 * and "Meinten Sie"): call it when the CMS says case studies, vocabularies or synonyms changed.
 */
export function forgetIndexVocabulary(): void {
  forgetHeldTerms();
  forgetVocabularies();
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
  const text = await planTextSearch(client, state);
  if (text === null) {
    if (state.page > 1) return badRequest([{ param: 'page', message: `${state.page} is beyond the last page (1)` }]);
    return { status: 200, body: await nothingSearchable(client, state) };
  }
  const { results } = await client.multiSearch({ queries: buildMultiSearch(state, text) });
  const main = results[0]!;
  const total = main.totalHits ?? 0;
  const pageCount = Math.ceil(total / state.pageSize);
  if (state.page > Math.max(1, pageCount)) {
    return badRequest([{ param: 'page', message: `${state.page} is beyond the last page (${Math.max(1, pageCount)})` }]);
  }
  const hits = main.hits.map((hit) => toSearchHit(hit as unknown as MatchedDocument));
  const facets = mergeFacetCounts(
    state,
    results.map((result) => result.facetDistribution),
  );
  for (const key of FACET_KEYS) facets[key] ??= {};
  const relaxations = total === 0 ? await findRelaxations(client, state) : [];
  const didYouMean = total === 0 ? await findSuggestion(client, state) : null;
  const townAlternatives = known.towns ? await findTownAlternatives(state, known.towns, (alternative) => countMatches(client, alternative)) : null;
  return { status: 200, body: { hits, total, page: state.page, pageSize: state.pageSize, pageCount, facets, relaxations, didYouMean, townAlternatives } };
}

/** For each active constraint, how many case studies dropping it would give: counted as the search itself would count them. */
async function findRelaxations(client: Meilisearch, state: SearchState): Promise<Relaxation[]> {
  const constraints = activeConstraints(state);
  const totals = await Promise.all(constraints.map((constraint) => countMatches(client, withoutConstraint(state, constraint))));
  return constraints.map((constraint, index) => ({ constraint, total: totals[index]! })).sort((a, b) => b.total - a.total);
}

/** The answer to words without a searchable one ("die", "?!"): nothing, and what dropping the words would give. */
async function nothingSearchable(client: Meilisearch, state: SearchState): Promise<SearchResponse> {
  const facets = Object.fromEntries(FACET_KEYS.map((key) => [key, {}])) as SearchResponse['facets'];
  const withoutWords = await client
    .index(indexName(state.locale))
    .search('', { filter: buildFilter(state).join(' AND ') || undefined, hitsPerPage: 0, page: 1 });
  const relaxations: Relaxation[] = activeConstraints(state).map((constraint) => ({
    constraint,
    total: constraint === 'q' ? (withoutWords.totalHits ?? 0) : 0,
  }));
  return {
    hits: [],
    total: 0,
    page: 1,
    pageSize: state.pageSize,
    pageCount: 0,
    facets,
    relaxations: relaxations.sort((a, b) => b.total - a.total),
    didYouMean: null,
    townAlternatives: null,
  };
}

/** "Meinten Sie …?": the closest words the case studies use, offered only if they find something with the same filters. */
async function findSuggestion(client: Meilisearch, state: SearchState): Promise<DidYouMean | null> {
  if (!state.q.trim()) return null;
  const suggestion = await suggestQuery(client, state.q, state.locale);
  if (!suggestion) return null;
  const total = await countMatches(client, { ...state, q: suggestion });
  return total > 0 ? { q: suggestion, total } : null;
}

/** How many case studies a state's words and filters find (the same rules as the search itself). */
export async function countMatches(client: Meilisearch, state: SearchState): Promise<number> {
  const text = await planTextSearch(client, state);
  if (text === null) return 0;
  const { q, ...matching } = text;
  const result = await client.index(indexName(state.locale)).search(q, {
    ...matching,
    filter: buildFilter(state).join(' AND ') || undefined,
    hitsPerPage: 0,
    page: 1,
  });
  return result.totalHits ?? 0;
}

/** Whether the words alone, without any filter, find something: a search that found nothing only because of its filters is no miss of its words. */
export async function wordsFindSomething(client: Meilisearch, state: SearchState): Promise<boolean> {
  const withoutFilters = {
    ...state,
    filters: Object.fromEntries(FACET_KEYS.map((key) => [key, []])) as unknown as SearchState['filters'],
    fundingFrom: undefined,
    fundingTo: undefined,
  };
  return (await countMatches(client, withoutFilters)) > 0;
}
