import { z } from 'zod';
import type { MultiSearchQuery } from 'meilisearch';
import {
  DEFAULT_PAGE_SIZE,
  FACET_KEYS,
  FACETS,
  MAX_PAGE_SIZE,
  RADII_KM,
  SEARCH_PARAMS,
  SORTS,
  TRANSFERRED_VALUES,
  type FacetKey,
  type RadiusKm,
  type SortKey,
} from './query-params.ts';
import {
  DEFAULT_LOCALE,
  FUNDING_YEAR_MAX,
  FUNDING_YEAR_MIN,
  LOCALES,
  PROJECT_STATUSES,
  TOWN_SIZES,
  TOWN_TYPES,
  type Locale,
  type TownSize,
  type TownType,
} from './catalogue/domain.ts';
import { indexName } from './settings.ts';
import { queryTerms } from './analysis/terms.ts';
import { DISTRICT_AGS_PATTERN, MUNICIPALITY_AGS_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN } from './catalogue/patterns.ts';
import { townsWithin, type GeoPoint, type TownPoints } from './radius.ts';

export * from './query-params.ts';

/** The longest search text, in characters. */
export const MAX_QUERY_LENGTH = 200;
/** Values of one filter parameter at most. */
export const MAX_VALUES_PER_PARAM = 50;
/** The highest page number asked for. */
export const MAX_PAGE = 10_000;
/** The longest name of a Regierungsbezirk a filter accepts. */
export const REGION_MAX_LENGTH = 40;

const slugValue = z.string().max(SLUG_MAX_LENGTH, 'is too long').regex(SLUG_PATTERN, 'must be a lowercase slug');
/** Values of a fixed list: anything else reads like an unknown value of a vocabulary. */
const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) => z.enum(values, { error: 'is not a known value' });

/** A filter parameter as the API documents it: repeatable, each value checked by `value`. */
function filterParam(key: FacetKey, value: z.ZodType<string>, description: string, example: string) {
  return z
    .array(value)
    .max(MAX_VALUES_PER_PARAM)
    .meta({
      description:
        `${description} Repeatable (\`${key}=a&${key}=b\`): values of one parameter are OR-ed, different parameters AND-ed. ` +
        `At most ${MAX_VALUES_PER_PARAM} values; empty values are ignored, repeated ones count once; a well-formed value that is not a known one is a 400.`,
      example: [example],
    });
}

/** Each filter parameter; the parser checks every value with its `element`. */
const FILTER_PARAMS: { [Key in FacetKey]: z.ZodArray<z.ZodType<string>> } = {
  buildingBlock: filterParam('buildingBlock', slugValue, 'Baustein of the programme, by slug (`buildingBlocks` of the vocabulary).', 'gesundes-aufwachsen'),
  region: filterParam(
    'region',
    z
      .string()
      .max(REGION_MAX_LENGTH, 'is too long')
      .regex(/^[\p{L} -]+$/u, 'must be the name of a Regierungsbezirk'),
    'Regierungsbezirk, by name (`regions` of the vocabulary).',
    'Düsseldorf',
  ),
  district: filterParam(
    'district',
    z.string().regex(DISTRICT_AGS_PATTERN, 'must be a 5-digit Kreis AGS such as 05978'),
    'Kreis or kreisfreie Stadt, by its 5-digit AGS (`districts` of the vocabulary).',
    '05978',
  ),
  municipality: filterParam(
    'municipality',
    z.string().regex(MUNICIPALITY_AGS_PATTERN, 'must be an 8-digit municipality AGS such as 05978024'),
    'Municipality, by its 8-digit AGS (`towns` of the vocabulary).',
    '05112000',
  ),
  townType: filterParam('townType', oneOf(TOWN_TYPES), "Gemeindetyp of one of the case study's municipalities.", 'kreisfreie-stadt'),
  townSize: filterParam('townSize', oneOf(TOWN_SIZES), "Einwohnerzahl class of one of the case study's municipalities.", '100000-500000'),
  targetGroup: filterParam('targetGroup', slugValue, 'Target group, by slug (`targetGroups` of the vocabulary).', 'kinder-3-bis-5'),
  topic: filterParam('topic', slugValue, 'Topic, by slug (`topics` of the vocabulary).', 'sprachfoerderung'),
  setting: filterParam('setting', slugValue, 'Setting, by slug (`settings` of the vocabulary).', 'kita-familienzentrum'),
  criterion: filterParam('criterion', slugValue, 'Good-practice criterion, by slug (`criteria` of the vocabulary).', 'niedrigschwelligkeit'),
  status: filterParam('status', oneOf(PROJECT_STATUSES), 'Project status.', 'verstetigt'),
  transferred: filterParam(
    'transferred',
    oneOf(TRANSFERRED_VALUES),
    '`true`: case studies another Kommune reported taking over (a published transfer report, "Nachnutzung"); `false`: those none has yet.',
    'true',
  ),
  fundingStart: filterParam(
    'fundingStart',
    z.string().regex(/^\d{4}$/, 'must be a year such as 2021'),
    `Year the funding started (${FUNDING_YEAR_MIN}–${FUNDING_YEAR_MAX}, four digits).`,
    '2022',
  ),
};
const year = z.coerce
  .number({ error: 'must be a year' })
  .int('must be a year')
  .min(FUNDING_YEAR_MIN, `must be ${FUNDING_YEAR_MIN} or later`)
  .max(FUNDING_YEAR_MAX, `must be ${FUNDING_YEAR_MAX} or earlier`);
const RADIUS_CHOICES = RADII_KM.map(String) as [string, ...string[]];
const positiveInt = (max: number, label: string) =>
  z.coerce.number({ error: `must be a number` }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}${label}`);

/**
 * Every search parameter as a zod schema with its description and an example (`.meta`): what the
 * parser checks, and what the OpenAPI document (web/server/open-data/openapi/document.ts) publishes
 * through `z.toJSONSchema`. Filters are arrays (the parameter repeated); a single-valued one may be
 * given once only.
 */
export const SEARCH_PARAM_SCHEMAS = {
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .meta({
      description: `Search text (full text over title, teaser, texts, places and terms, with typo tolerance and synonyms). At most ${MAX_QUERY_LENGTH} characters; empty or absent: every case study. Once only.`,
      example: 'Kita',
    }),
  ...FILTER_PARAMS,
  near: z.string().regex(MUNICIPALITY_AGS_PATTERN, 'must be an 8-digit municipality AGS such as 05766028').meta({
    description:
      "Umkreis search around a municipality, by its 8-digit AGS (`towns` of the vocabulary); needs `radius`. A case study matches when any of its municipalities has its centre within `radius` km of this one's (great-circle distance between the centres of the NRW reference data). An unknown AGS is a 400. Once only.",
    example: '05766028',
  }),
  radius: z
    .enum(RADIUS_CHOICES, { error: `must be one of ${RADII_KM.join(', ')} (km)` })
    .transform((km) => Number(km) as RadiusKm)
    .meta({
      description: `Radius of the Umkreis search around \`near\`, in km: one of ${RADII_KM.join(', ')}. Without \`near\` it changes nothing (a form may always send it); any other value is a 400. Once only.`,
      example: '25',
    }),
  fundingFrom: year.meta({
    description: 'First year of the funding range: a case study matches when any of its funded years lies in the range. Once only.',
    example: 2021,
  }),
  fundingTo: year.meta({ description: 'Last year of the funding range; not before `fundingFrom`. Once only.', example: 2024 }),
  sort: z
    .enum(Object.keys(SORTS) as [SortKey, ...SortKey[]])
    .default('relevance')
    .meta({
      description:
        'Order of the hits: `relevance` (default), `newest` (published last first), `title` (A–Z), `fundingStart` (latest start first); ties newest first, then by title. Once only.',
      example: 'newest',
    }),
  page: positiveInt(MAX_PAGE, '').default(1).meta({
    description: 'Page of hits, from 1; a page beyond the last (or beyond 1 when nothing matched) is a 400. Once only.',
    example: 1,
  }),
  pageSize: positiveInt(MAX_PAGE_SIZE, ' results per page')
    .default(DEFAULT_PAGE_SIZE)
    .meta({
      description: `Hits per page, at most ${MAX_PAGE_SIZE}. Once only.`,
      example: DEFAULT_PAGE_SIZE,
    }),
  locale: z
    .enum(LOCALES)
    .default(DEFAULT_LOCALE)
    .meta({ description: 'Language of the case studies searched (one index per language). Once only.', example: DEFAULT_LOCALE }),
} satisfies Record<(typeof SEARCH_PARAMS)[number], z.ZodType>;

/** An Umkreis search: the town named, the radius, and every municipality within it (the filter). */
export interface NearTowns {
  ags: string;
  radiusKm: RadiusKm;
  towns: string[];
}

export interface SearchState {
  q: string;
  filters: Record<FacetKey, string[]>;
  near?: NearTowns;
  fundingFrom?: number;
  fundingTo?: number;
  sort: SortKey;
  page: number;
  pageSize: number;
  locale: Locale;
}

export interface QueryProblem {
  param: string;
  message: string;
}

/** A municipality as the search needs it: its centre (for an Umkreis), its Kreis and its class ("Kommunen wie meine"). */
export interface KnownTown extends GeoPoint {
  districtAgs: string;
  kreisfrei: boolean;
  type: TownType | null;
  size: TownSize | null;
}

/**
 * Known values per facet; values outside them are refused. Regions, Kreise and towns included.
 * `towns` are the municipalities by AGS: `near` accepts only a town among them.
 */
export type KnownValues = Partial<Record<FacetKey, ReadonlySet<string>>> & { towns?: ReadonlyMap<string, KnownTown> };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: Params, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const KNOWN_PARAMS = new Set<string>(SEARCH_PARAMS);
/** Problems named one by one in an answer; the rest are counted (2,000 unknown names once made a 177 KB error). */
export const MAX_REPORTED_PROBLEMS = 20;

/**
 * Reads the search state from URL parameters (the same names in the page URL
 * and in `/api/search`). Never throws: returns every problem found, each with
 * the parameter it concerns, or the state.
 */
export function parseSearchParams(
  params: Params,
  known: KnownValues = {},
): { state: SearchState; problems: [] } | { state?: undefined; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const single = (name: string): string | undefined => {
    const values = all(params, name);
    if (values.length > 1) problems.push({ param: name, message: 'may be given only once' });
    return values[0] === '' ? undefined : values[0];
  };
  const check = <T>(name: string, schema: z.ZodType<T>, raw: string | undefined): T | undefined => {
    if (raw === undefined) return undefined;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    problems.push({ param: name, message: `"${truncate(raw)}" ${result.error.issues[0]?.message ?? 'is invalid'}` });
    return undefined;
  };

  const names = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  for (const name of names) if (!KNOWN_PARAMS.has(name)) problems.push({ param: truncate(name), message: 'is not a search parameter' });

  const q = single('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) problems.push({ param: 'q', message: `must be at most ${MAX_QUERY_LENGTH} characters` });

  const filters = {} as Record<FacetKey, string[]>;
  for (const key of FACET_KEYS) {
    const raw = all(params, key).filter((value) => value !== '');
    if (raw.length > MAX_VALUES_PER_PARAM) problems.push({ param: key, message: `may be given at most ${MAX_VALUES_PER_PARAM} times` });
    const values: string[] = [];
    for (const value of raw.slice(0, MAX_VALUES_PER_PARAM)) {
      const parsed = check(key, FILTER_PARAMS[key].element, value);
      if (parsed === undefined) continue;
      if (known[key] && !known[key]!.has(parsed)) problems.push({ param: key, message: `"${truncate(parsed)}" is not a known value` });
      else values.push(parsed);
    }
    filters[key] = [...new Set(values)];
  }

  const nearAgs = check('near', SEARCH_PARAM_SCHEMAS.near, single('near'));
  const radiusRaw = single('radius');
  const radiusKm = check('radius', SEARCH_PARAM_SCHEMAS.radius, radiusRaw);
  const near = nearAgs === undefined ? undefined : nearTowns(nearAgs, radiusRaw !== undefined, radiusKm, known.towns ?? new Map(), problems);

  const sortRaw = single('sort');
  // An own-property check: `in` would accept inherited names such as `toString` or `__proto__`.
  const sort = sortRaw === undefined ? 'relevance' : Object.hasOwn(SORTS, sortRaw) ? (sortRaw as SortKey) : undefined;
  if (sort === undefined) problems.push({ param: 'sort', message: `must be one of ${Object.keys(SORTS).join(', ')}` });
  const localeRaw = single('locale') ?? DEFAULT_LOCALE;
  const locale = (LOCALES as readonly string[]).includes(localeRaw) ? (localeRaw as SearchState['locale']) : undefined;
  if (locale === undefined) problems.push({ param: 'locale', message: `must be one of ${LOCALES.join(', ')}` });
  const fundingFrom = check('fundingFrom', SEARCH_PARAM_SCHEMAS.fundingFrom, single('fundingFrom'));
  const fundingTo = check('fundingTo', SEARCH_PARAM_SCHEMAS.fundingTo, single('fundingTo'));
  if (fundingFrom !== undefined && fundingTo !== undefined && fundingFrom > fundingTo) {
    problems.push({ param: 'fundingTo', message: 'must not be before fundingFrom' });
  }
  const page = check('page', SEARCH_PARAM_SCHEMAS.page, single('page')) ?? 1;
  const pageSize = check('pageSize', SEARCH_PARAM_SCHEMAS.pageSize, single('pageSize')) ?? DEFAULT_PAGE_SIZE;

  if (problems.length > MAX_REPORTED_PROBLEMS) {
    const more = problems.length - MAX_REPORTED_PROBLEMS;
    problems.splice(MAX_REPORTED_PROBLEMS, more, { param: '…', message: `and ${more} more problem${more === 1 ? '' : 's'}` });
  }
  if (problems.length > 0 || sort === undefined || locale === undefined) return { problems };
  return { state: { q, filters, near, fundingFrom, fundingTo, sort, page, pageSize, locale }, problems: [] };
}

/** The Umkreis around a checked town, or why there is none; a radius without a town changes nothing. */
function nearTowns(ags: string, radiusGiven: boolean, radiusKm: RadiusKm | undefined, points: TownPoints, problems: QueryProblem[]): NearTowns | undefined {
  if (!points.has(ags)) problems.push({ param: 'near', message: `"${ags}" is not a known municipality` });
  else if (!radiusGiven) problems.push({ param: 'radius', message: `is needed with near: one of ${RADII_KM.join(', ')} (km)` });
  else if (radiusKm !== undefined) return { ags, radiusKm, towns: townsWithin(points, ags, radiusKm) };
  return undefined;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The canonical URL parameters of a state (defaults left out), for links and `history.replaceState`. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FACET_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.near) {
    params.set('near', state.near.ags);
    params.set('radius', String(state.near.radiusKm));
  }
  if (state.fundingFrom !== undefined) params.set('fundingFrom', String(state.fundingFrom));
  if (state.fundingTo !== undefined) params.set('fundingTo', String(state.fundingTo));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  if (state.locale !== DEFAULT_LOCALE) params.set('locale', state.locale);
  return params;
}

/** A filter string literal: always double-quoted, with `\` and `"` escaped, so no value can end the string. */
export function escapeFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A constraint the empty state can suggest dropping: a facet group, the text query, the Umkreis or the funding range. */
export type Constraint = FacetKey | 'q' | 'near' | 'funding';

/** `(topicSlugs = "a" OR topicSlugs = "b") AND …`, built only from the whitelisted attributes; `without` drops one facet group, the Umkreis or the funding range. */
export function buildFilter(state: SearchState, without?: Constraint): string[] {
  const clauses: string[] = [];
  for (const key of FACET_KEYS) {
    if (key === without || state.filters[key].length === 0) continue;
    clauses.push(`(${state.filters[key].map((value) => `${FACETS[key]} = ${escapeFilterValue(value)}`).join(' OR ')})`);
  }
  // Any of the case study's towns within the radius (the centre itself always is, so the list is never empty).
  if (without !== 'near' && state.near) clauses.push(`${FACETS.municipality} IN [${state.near.towns.map(escapeFilterValue).join(', ')}]`);
  if (without !== 'funding' && (state.fundingFrom !== undefined || state.fundingTo !== undefined)) {
    clauses.push(`fundingYears ${state.fundingFrom ?? FUNDING_YEAR_MIN} TO ${state.fundingTo ?? FUNDING_YEAR_MAX}`);
  }
  return clauses;
}

/** What a result card shows; every query for cards retrieves exactly these. */
export const CARD_FIELDS = [
  'documentId',
  'slug',
  'title',
  'teaser',
  'buildingBlock',
  'municipalities',
  'targetGroups',
  'topics',
  'status',
  'fundingStart',
  'fundingEnd',
  'image',
] as const;

/** Applied after the ranking rules and the chosen sort, so equal results keep a stable order. */
export const RELEVANCE_TIEBREAK = ['publishedAt:desc', 'titleSort:asc'];

/**
 * Words are dropped from the end while nothing matches them all: "Kochkurs", asked as "koch kur",
 * still finds the Kochwerkstatt (measured against 'all' and 'frequency' with bench:relevance).
 */
export const MATCHING_STRATEGY = 'last';

/** How the index is asked for a state's words (`planTextSearch`): the words, and which case studies count as matching them. */
export interface TextSearch {
  q: string;
  matchingStrategy: 'last' | 'all';
  /** Only the fields that say what a case study is about, when some case study has the words there. */
  attributesToSearchOn?: string[];
  rankingScoreThreshold?: number;
}

/**
 * What the index is asked for the state's words: their analysed terms (analysis/terms.ts). Null
 * when words were typed but none can be searched (only stop words or punctuation): such a query
 * matches nothing, where an empty one would match everything.
 */
export function indexQuery(state: SearchState): string | null {
  if (!state.q.trim()) return '';
  return queryTerms(state.q, state.locale) || null;
}

const FACET_ATTRIBUTES = FACET_KEYS.map((key) => FACETS[key]);

/** The hits' order: the chosen sort, then the tie-breaks. */
export function sortOrder(state: SearchState): string[] {
  const sort = SORTS[state.sort];
  // Ties (and an empty query, where everything ties) are ordered newest first, then by title:
  // without this Meilisearch falls back to insertion order, which a reindex changes.
  return sort ? [sort, ...RELEVANCE_TIEBREAK.filter((tiebreak) => tiebreak !== sort)] : [...RELEVANCE_TIEBREAK];
}

/**
 * One Meilisearch multi-search for a state: the hits query with every filter,
 * plus, per facet group with a selection, a count-only query without that
 * group's own filter — so its counts show what choosing another value would give.
 */
export function buildMultiSearch(state: SearchState, text: TextSearch): MultiSearchQuery[] {
  const index = indexName(state.locale);
  const main: MultiSearchQuery = {
    ...text,
    indexUid: index,
    filter: buildFilter(state).join(' AND ') || undefined,
    facets: FACET_ATTRIBUTES,
    hitsPerPage: state.pageSize,
    page: state.page,
    sort: sortOrder(state),
    // Which terms matched where: the title's and teaser's words are marked from it (analysis/highlight.ts).
    showMatchesPosition: Boolean(text.q),
    attributesToRetrieve: [...CARD_FIELDS, 'locale', 'analysis', 'terms.title', 'terms.teaser', 'termOwners'],
  };
  const perFacet = FACET_KEYS.filter((key) => state.filters[key].length > 0).map<MultiSearchQuery>((key) => ({
    ...text,
    indexUid: index,
    filter: buildFilter(state, key).join(' AND ') || undefined,
    facets: [FACETS[key]],
    hitsPerPage: 0,
    page: 1,
  }));
  return [main, ...perFacet];
}

/** Facet counts per URL parameter: a group with a selection takes its counts from its own query. */
export function mergeFacetCounts(
  state: SearchState,
  distributions: (Record<string, Record<string, number>> | undefined)[],
): Record<FacetKey, Record<string, number>> {
  const [main, ...perFacet] = distributions;
  const active = FACET_KEYS.filter((key) => state.filters[key].length > 0);
  const counts = {} as Record<FacetKey, Record<string, number>>;
  for (const key of FACET_KEYS) {
    const own = active.indexOf(key);
    counts[key] = (own === -1 ? main : perFacet[own])?.[FACETS[key]] ?? {};
  }
  return counts;
}

/** The constraints a state applies, in URL order. */
export function activeConstraints(state: SearchState): Constraint[] {
  const active: Constraint[] = state.q ? ['q'] : [];
  active.push(...FACET_KEYS.filter((key) => state.filters[key].length > 0));
  if (state.near) active.push('near');
  if (state.fundingFrom !== undefined || state.fundingTo !== undefined) active.push('funding');
  return active;
}

/** The state with one constraint dropped: what "ohne diesen Filter" would show. */
export function withoutConstraint(state: SearchState, constraint: Constraint): SearchState {
  if (constraint === 'q') return { ...state, q: '' };
  if (constraint === 'funding') return { ...state, fundingFrom: undefined, fundingTo: undefined };
  if (constraint === 'near') return { ...state, near: undefined };
  return { ...state, filters: { ...state.filters, [constraint]: [] } };
}
