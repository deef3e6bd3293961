// The OpenAPI 3.1 description of the site's public read API (GET /api/openapi.json): search,
// case studies, vocabulary, statistics and the open-data downloads. Written by hand from the
// handlers; the parameter lists, enums and limits are built from the constants the code uses, so
// a new facet, sort, dataset or format shows up here without retyping it.
import {
  BUDGET_RANGES, DEFAULT_LOCALE, FACET_KEYS, FUNDING_YEAR_MAX, FUNDING_YEAR_MIN, LOCALES, MAX_PAGE_SIZE, PROJECT_STATUSES, PROJECT_STATUS_NAMES,
  SEARCH_PARAMS, SORTS, STATISTICS_KEYS, TOWN_SIZE_NAMES, TOWN_SIZES, TOWN_TYPE_NAMES, TOWN_TYPES, type FacetKey,
} from '@praxis/search';
import {
  MEDIA_TYPES, OPEN_DATA_BASE, OPEN_DATA_DATASETS, OPEN_DATA_FILES, OPEN_DATA_LICENSES, OPEN_DATA_PUBLISHER, OPEN_DATA_VERSION, type OpenDataDataset,
} from '../../shared/open-data';

/** A JSON Schema (2020-12, the document's dialect). */
export type JsonSchema = { [keyword: string]: unknown };
type RefObject = { $ref: string };
interface ExampleObject { summary?: string; description?: string; value: unknown }
interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  style?: 'form' | 'simple';
  explode?: boolean;
  schema: JsonSchema;
  example?: unknown;
}
interface HeaderObject { description: string; required?: boolean; schema: JsonSchema; example?: unknown }
interface MediaTypeObject { schema?: JsonSchema; example?: unknown; examples?: Record<string, ExampleObject> }
interface ResponseObject { description: string; headers?: Record<string, HeaderObject | RefObject>; content?: Record<string, MediaTypeObject> }
interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated?: boolean;
  parameters?: (ParameterObject | RefObject)[];
  responses: Record<string, ResponseObject | RefObject>;
}
export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string; license: { name: string; url: string } };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OperationObject }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    responses: Record<string, ResponseObject>;
  };
}

const TITLE_OF_API = 'Praxisdatenbank „Zusammen im Quartier“ – API';

const ref = (name: string): RefObject => ({ $ref: `#/components/schemas/${name}` });
const orNull = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
/** An object whose every property is always present and nothing else comes: what the handlers build as literals. */
const closed = (properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema =>
  ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false, ...extra });
const text = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
const textOrNull = (description?: string): JsonSchema => ({ type: ['string', 'null'], ...(description ? { description } : {}) });
const list = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });
const counts = (description: string): JsonSchema => ({ type: 'object', description, additionalProperties: { type: 'integer', minimum: 0 } });

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const year = { type: 'integer', minimum: FUNDING_YEAR_MIN, maximum: FUNDING_YEAR_MAX };
const yearOrNull = { type: ['integer', 'null'] };
const statusOrNull = { type: ['string', 'null'], enum: [...PROJECT_STATUSES, null] };
// Limits that search/src/query.ts keeps private (MAX_QUERY_LENGTH, MAX_VALUES_PER_PARAM, the page
// ceiling, the slug and region lengths) and the default page size: written out here.
const MAX_QUERY_LENGTH = 200;
const MAX_VALUES_PER_PARAM = 50;
const MAX_PAGE = 10_000;
const DEFAULT_PAGE_SIZE = 20;

/** Every open-data file, `<dataset>.<format>`, from OPEN_DATA_DATASETS. */
export function openDataFileNames(): string[] {
  return Object.entries(OPEN_DATA_DATASETS).flatMap(([dataset, formats]) => formats.map((format) => `${dataset}.${format}`));
}

const OPEN_DATA_FILE_SCHEMAS: Record<OpenDataDataset, string> = {
  'case-studies': 'OpenDataCaseStudiesFile',
  municipalities: 'OpenDataMunicipalitiesFile',
  districts: 'OpenDataDistrictsFile',
  taxonomies: 'OpenDataTaxonomiesFile',
};

const FACET_PARAMS: Record<FacetKey, { description: string; items: JsonSchema; example: string[] }> = {
  buildingBlock: { description: 'Baustein of the programme, by slug (`buildingBlocks` of the vocabulary).', items: { type: 'string', maxLength: 100, pattern: SLUG }, example: ['gesundes-aufwachsen'] },
  region: { description: 'Regierungsbezirk, by name (`regions` of the vocabulary).', items: { type: 'string', maxLength: 40, pattern: '^[\\p{L} -]+$' }, example: ['Düsseldorf'] },
  district: { description: 'Kreis or kreisfreie Stadt, by its 5-digit AGS (`districts` of the vocabulary).', items: { type: 'string', pattern: '^05\\d{3}$' }, example: ['05978'] },
  municipality: { description: 'Municipality, by its 8-digit AGS (`towns` of the vocabulary).', items: { type: 'string', pattern: '^05\\d{6}$' }, example: ['05112000'] },
  townType: { description: 'Gemeindetyp of one of the case study\'s municipalities.', items: { type: 'string', enum: [...TOWN_TYPES] }, example: ['kreisfreie-stadt'] },
  townSize: { description: 'Einwohnerzahl class of one of the case study\'s municipalities.', items: { type: 'string', enum: [...TOWN_SIZES] }, example: ['100000-500000'] },
  targetGroup: { description: 'Target group, by slug (`targetGroups` of the vocabulary).', items: { type: 'string', maxLength: 100, pattern: SLUG }, example: ['kinder-3-bis-5'] },
  topic: { description: 'Topic, by slug (`topics` of the vocabulary).', items: { type: 'string', maxLength: 100, pattern: SLUG }, example: ['sprachfoerderung'] },
  setting: { description: 'Setting, by slug (`settings` of the vocabulary).', items: { type: 'string', maxLength: 100, pattern: SLUG }, example: ['kita-familienzentrum'] },
  criterion: { description: 'Good-practice criterion, by slug (`criteria` of the vocabulary).', items: { type: 'string', maxLength: 100, pattern: SLUG }, example: ['niedrigschwelligkeit'] },
  status: { description: 'Project status.', items: { type: 'string', enum: [...PROJECT_STATUSES] }, example: ['verstetigt'] },
  fundingStart: { description: `Year the funding started (${FUNDING_YEAR_MIN}–${FUNDING_YEAR_MAX}, four digits).`, items: { type: 'string', pattern: '^(?:20\\d\\d|2100)$' }, example: ['2022'] },
};

type SearchParam = (typeof SEARCH_PARAMS)[number];

function searchParameters(): ParameterObject[] {
  const facet = (key: FacetKey): ParameterObject => ({
    name: key, in: 'query', required: false, style: 'form', explode: true,
    description: `${FACET_PARAMS[key].description} Repeatable (\`${key}=a&${key}=b\`): values of one parameter are OR-ed, different parameters AND-ed. `
      + `At most ${MAX_VALUES_PER_PARAM} values; empty values are ignored, repeated ones count once; a well-formed value that is not a known one is a 400.`,
    schema: { type: 'array', maxItems: MAX_VALUES_PER_PARAM, items: FACET_PARAMS[key].items },
    example: FACET_PARAMS[key].example,
  });
  const byName: Record<SearchParam, ParameterObject> = {
    ...(Object.fromEntries(FACET_KEYS.map((key) => [key, facet(key)])) as Record<FacetKey, ParameterObject>),
    q: {
      name: 'q', in: 'query', required: false,
      description: `Search text (full text over title, teaser, texts, places and terms, with typo tolerance and synonyms). At most ${MAX_QUERY_LENGTH} characters; empty or absent: every case study. Once only.`,
      schema: { type: 'string', maxLength: MAX_QUERY_LENGTH }, example: 'Kita',
    },
    fundingFrom: {
      name: 'fundingFrom', in: 'query', required: false,
      description: 'First year of the funding range: a case study matches when any of its funded years lies in the range. Once only.',
      schema: year, example: 2021,
    },
    fundingTo: {
      name: 'fundingTo', in: 'query', required: false,
      description: 'Last year of the funding range; not before `fundingFrom`. Once only.',
      schema: year, example: 2024,
    },
    sort: {
      name: 'sort', in: 'query', required: false,
      description: 'Order of the hits: `relevance` (default), `newest` (published last first), `title` (A–Z), `fundingStart` (latest start first); ties newest first, then by title. Once only.',
      schema: { type: 'string', enum: Object.keys(SORTS), default: 'relevance' }, example: 'newest',
    },
    page: {
      name: 'page', in: 'query', required: false,
      description: 'Page of hits, from 1; a page beyond the last (or beyond 1 when nothing matched) is a 400. Once only.',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 }, example: 1,
    },
    pageSize: {
      name: 'pageSize', in: 'query', required: false,
      description: `Hits per page, at most ${MAX_PAGE_SIZE}. Once only.`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, example: DEFAULT_PAGE_SIZE,
    },
    locale: {
      name: 'locale', in: 'query', required: false,
      description: 'Language of the case studies searched (one index per language). Once only.',
      schema: { type: 'string', enum: [...LOCALES], default: DEFAULT_LOCALE }, example: DEFAULT_LOCALE,
    },
  };
  return SEARCH_PARAMS.map((name) => byName[name]);
}

function schemas(): Record<string, JsonSchema> {
  const term = ref('Term');
  const fileHead = (dataset: OpenDataDataset, data: JsonSchema) => closed({
    dataset: { const: dataset },
    schemaVersion: { const: OPEN_DATA_VERSION, description: 'Version of the files\' schema; its major version is the `/v1/` of the address.' },
    license: ref('OpenDataLicense'),
    publisher: { const: OPEN_DATA_PUBLISHER },
    source: { type: 'string', format: 'uri', description: 'The site the file comes from.' },
    generatedAt: { type: 'string', format: 'date-time' },
    data,
  }, { description: `The \`${dataset}\` file as JSON: what the file says about itself, then \`data\`.` });
  const taxonomyTerm = (extra: Record<string, JsonSchema> = {}) => closed({
    slug: { type: 'string', pattern: SLUG }, name: closed({ de: text(), en: text() }, { description: 'German and English name (the German one where there is no English one).' }), ...extra,
  });

  const fileData: Record<OpenDataDataset, JsonSchema> = {
    'case-studies': list(ref('OpenDataCaseStudy'), 'Oldest first; German, then English (or the one language asked for).'),
    municipalities: list(ref('OpenDataMunicipality')),
    districts: list(ref('OpenDataDistrict')),
    taxonomies: ref('OpenDataTaxonomies'),
  };

  return {
    Locale: { type: 'string', enum: [...LOCALES] },
    Term: closed({ slug: { type: 'string', description: 'Stable identifier, used in URLs and filters.' }, name: text('Name in the language asked for.') }, { description: 'A term of a vocabulary (target group, topic, setting, criterion, …).' }),
    BuildingBlock: closed({ slug: text(), name: text(), number: { type: 'integer' } }, { description: 'A Baustein of the programme.' }),
    Municipality: closed({
      ags: { type: 'string', pattern: '^\\d{8}$', description: 'Amtlicher Gemeindeschlüssel.' },
      name: text(),
      district: text('Kreis (a kreisfreie Stadt is its own).'),
      districtAgs: { type: 'string', pattern: '^\\d{5}$' },
      region: text('Regierungsbezirk.'),
    }, { description: 'A municipality of a case study, as the search index carries it.' }),
    SearchHit: closed({
      documentId: { type: 'string', minLength: 1, description: 'The case study\'s id, the same in every language.' },
      slug: text('Address of the detail page: `/praxisbeispiele/<slug>` (de), `/en/case-studies/<slug>` (en).'),
      title: text(),
      titleHtml: text('The title as HTML: escaped, the only markup `<mark>` around what matched the query.'),
      teaserHtml: text('The teaser as HTML, like `titleHtml`.'),
      buildingBlock: orNull(ref('BuildingBlock')),
      municipalities: list(ref('Municipality')),
      targetGroups: list(term),
      topics: list(term),
      status: statusOrNull,
      fundingStart: yearOrNull,
      fundingEnd: yearOrNull,
      image: orNull(closed({ url: text('Path or URL of the (small) image.'), alt: text() })),
    }, { description: 'A result card.' }),
    FacetCounts: counts('Number of matching case studies per value.'),
    SearchFacets: closed(Object.fromEntries(FACET_KEYS.map((key) => [key, ref('FacetCounts')])), {
      description: 'Counts per value of every filter parameter. A parameter with a selection counts without its own selection (what choosing another value would give).',
    }),
    Relaxation: closed({
      constraint: { type: 'string', enum: ['q', ...FACET_KEYS, 'funding'], description: 'The search text, a filter parameter, or the funding range (`fundingFrom`/`fundingTo`).' },
      total: { type: 'integer', minimum: 0, description: 'Results without this constraint.' },
    }),
    SearchResponse: closed({
      hits: list(ref('SearchHit')),
      total: { type: 'integer', minimum: 0, description: 'All matches (exact).' },
      page: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
      pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
      pageCount: { type: 'integer', minimum: 0 },
      facets: ref('SearchFacets'),
      relaxations: list(ref('Relaxation'), 'Only when nothing matched (otherwise empty): how many results dropping each active constraint would give, most first.'),
      didYouMean: orNull(ref('DidYouMean')),
    }),
    DidYouMean: closed({
      q: text('The search text with each word the case studies do not use replaced by the closest one they do ("Meinten Sie …?").'),
      total: { type: 'integer', minimum: 1, description: 'What that text finds with the same filters.' },
    }, { description: 'Only when nothing matched and a close spelling finds something; otherwise null.' }),
    SearchProblem: closed({ param: text('The parameter concerned.'), message: text('What is wrong with it.') }),
    SearchBadRequest: closed({
      error: text('Every problem as `param: message`, joined with `; `.'),
      problems: { type: 'array', minItems: 1, items: ref('SearchProblem') },
    }, { description: 'Why the search parameters were refused.' }),
    Error: {
      type: 'object',
      description: 'An error as the server framework (h3/Nitro) answers it for `/api/` requests that do not ask for HTML (`Accept: text/html` gets an error page instead). '
        + 'A refused query parameter has `statusMessage` "Validation Error" and a `message` naming the parameter.',
      properties: {
        error: { const: true },
        url: text('The address asked for.'),
        statusCode: { type: 'integer', minimum: 400, maximum: 599 },
        statusMessage: text(),
        message: text(),
        data: { description: 'Details, when there are any.' },
        stack: { description: 'Only in development.' },
      },
      required: ['statusCode', 'statusMessage', 'message'],
    },
    CaseStudyPlace: {
      type: 'object',
      properties: {
        ags: text(), name: text(), district: text(), districtAgs: text(), region: text(),
        lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] },
        type: textOrNull('As the municipality data names it: "kreisfreie Stadt", "kreisangehörige Stadt" or "Gemeinde".'),
        population: { type: ['integer', 'null'], minimum: 0 },
      },
      required: ['ags', 'name', 'district', 'districtAgs', 'region', 'lat', 'lon'],
      additionalProperties: false,
      description: 'A municipality of the case study; `type` and `population` only when the CMS has them.',
    },
    SimilarTown: closed({ ags: text(), name: text(), count: { type: 'integer', minimum: 1, description: 'Published case studies in that town.' } }, {
      description: 'A town of the same Gemeindetyp and Einwohnerzahl class as one of the case study\'s own, where case studies ran.',
    }),
    CaseStudyPage: closed({
      documentId: { type: 'string', minLength: 1 },
      locale: ref('Locale'),
      slug: text(),
      title: text(),
      teaser: text(),
      buildingBlock: orNull(ref('BuildingBlock')),
      places: list(ref('CaseStudyPlace')),
      targetGroups: list(term), topics: list(term), settings: list(term), criteria: list(term),
      projectStatus: statusOrNull,
      fundingStart: yearOrNull,
      fundingEnd: yearOrNull,
      fundingPhase: textOrNull(),
      html: closed({ description: text(), startingSituation: text(), goals: text(), approach: text(), results: text(), afterFunding: text() }, {
        description: 'The long texts as sanitised HTML (empty string when there is none).',
      }),
      transferability: orNull(closed({
        staffFte: { type: ['number', 'null'], description: 'Staff, in full-time equivalents.' },
        budgetRange: { type: ['string', 'null'], enum: [...BUDGET_RANGES, null], description: 'Yearly budget class.' },
        durationMonths: { type: ['number', 'null'] },
        partnersNeeded: textOrNull(),
        firstStepsHtml: text('Sanitised HTML.'),
      })),
      successFactors: list(text()), pitfalls: list(text()), partners: list(text()),
      provider: orNull(closed({ name: text(), website: textOrNull() })),
      contact: orNull(closed({ organisation: textOrNull(), role: textOrNull(), email: textOrNull(), phone: textOrNull(), website: textOrNull() })),
      links: list(closed({ label: text(), url: { type: 'string', pattern: '^[hH][tT][tT][pP][sS]?://' } }), 'Only http(s) links.'),
      downloads: list(closed({ name: text(), url: text(), sizeKb: { type: ['number', 'null'] }, mime: textOrNull() })),
      images: list(closed({
        url: text(), alt: text(), caption: textOrNull(), credit: textOrNull(), width: { type: ['number', 'null'] }, height: { type: ['number', 'null'] },
      })),
      lastReviewed: { type: ['string', 'null'], format: 'date' },
      publishedAt: { type: ['string', 'null'], format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      slugs: {
        type: 'object', properties: Object.fromEntries(LOCALES.map((locale) => [locale, text()])), additionalProperties: false,
        description: 'The case study\'s slug per language it is published in.',
      },
    }, { description: 'Everything the detail page shows.' }),
    CaseStudyFound: closed({
      kind: { const: 'found' },
      caseStudy: ref('CaseStudyPage'),
      related: list(ref('SearchHit'), 'Up to 6 similar case studies (empty when the search index is unavailable).'),
      similarTowns: list(ref('SimilarTown'), 'Up to 8 towns, most case studies first.'),
    }, { description: 'The case study is published under this slug in this language.' }),
    CaseStudyTranslated: closed({ kind: { const: 'translated' }, slug: text('Its slug in the language asked for.') }, {
      description: 'The slug is the case study\'s slug in the other language; it is published in the language asked for under `slug`.',
    }),
    CaseStudyOtherLanguageOnly: closed({ kind: { const: 'other-language-only' }, locale: ref('Locale'), slug: text() }, {
      description: 'The case study is published only in `locale`, under `slug`.',
    }),
    CaseStudyMoved: closed({ kind: { const: 'moved' }, slug: text('Its current slug.') }, { description: 'The case study was published under this slug once and lives under `slug` now.' }),
    CaseStudyMissing: closed({ kind: { const: 'missing' } }, { description: 'No published case study has (or had) this slug; also the answer for a slug that is not a well-formed slug.' }),
    CaseStudyAnswer: {
      oneOf: ['CaseStudyFound', 'CaseStudyTranslated', 'CaseStudyOtherLanguageOnly', 'CaseStudyMoved', 'CaseStudyMissing'].map(ref),
      discriminator: {
        propertyName: 'kind',
        mapping: {
          found: '#/components/schemas/CaseStudyFound', translated: '#/components/schemas/CaseStudyTranslated',
          'other-language-only': '#/components/schemas/CaseStudyOtherLanguageOnly', moved: '#/components/schemas/CaseStudyMoved', missing: '#/components/schemas/CaseStudyMissing',
        },
      },
    },
    District: closed({ ags: { type: 'string', pattern: '^\\d{5}$' }, name: text('"Kreis Unna", "Rhein-Sieg-Kreis", "Duisburg" (a kreisfreie Stadt).'), region: text() }),
    Town: closed({
      ags: { type: 'string', pattern: '^\\d{8}$' }, name: text(), districtAgs: { type: 'string', pattern: '^\\d{5}$' }, region: text(),
      type: { type: ['string', 'null'], enum: [...TOWN_TYPES, null], description: 'Gemeindetyp; null when the data lacks it.' },
      size: { type: ['string', 'null'], enum: [...TOWN_SIZES, null], description: 'Einwohnerzahl class; null when the population is unknown.' },
      lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] },
    }),
    Vocabulary: closed({
      buildingBlocks: list(ref('BuildingBlock'), 'By number.'),
      targetGroups: list(term), topics: list(term), settings: list(term), criteria: list(term),
      statuses: list(closed({ slug: { type: 'string', enum: [...PROJECT_STATUSES] }, name: text() })),
      townTypes: list(closed({ slug: { type: 'string', enum: [...TOWN_TYPES] }, name: text() })),
      townSizes: list(closed({ slug: { type: 'string', enum: [...TOWN_SIZES] }, name: text() })),
      regions: list(text(), 'Regierungsbezirke, A–Z.'),
      districts: list(ref('District')),
      towns: list(ref('Town'), 'Every municipality of NRW, A–Z.'),
    }, { description: 'Names and hierarchy of every filter value in one language.' }),
    ProgrammeStatistics: closed({
      total: { type: 'integer', minimum: 0, description: 'Published case studies in the language.' },
      counts: closed(Object.fromEntries(STATISTICS_KEYS.map((key) => [key, ref('FacetCounts')])), {
        description: 'Case studies per value, by search parameter (each count links to the search with that parameter).',
      }),
      statusByBuildingBlock: {
        type: 'object',
        description: 'Per Baustein slug: its case studies and their project statuses.',
        additionalProperties: closed({ total: { type: 'integer', minimum: 0 }, status: ref('FacetCounts') }),
      },
    }),
    OpenDataLicense: closed({ id: { type: 'string', enum: Object.keys(OPEN_DATA_LICENSES) }, name: text(), url: { type: 'string', format: 'uri' } }),
    OpenDataFileEntry: closed({
      dataset: { type: 'string', enum: Object.keys(OPEN_DATA_DATASETS) },
      format: { type: 'string', enum: Object.keys(MEDIA_TYPES) },
      path: { type: 'string', enum: OPEN_DATA_FILES.map((file) => file.path) },
      mediaType: { type: 'string', enum: Object.values(MEDIA_TYPES) },
      url: { type: 'string', format: 'uri' },
    }),
    OpenDataFileList: closed({
      schemaVersion: { const: OPEN_DATA_VERSION },
      publisher: { const: OPEN_DATA_PUBLISHER },
      license: ref('OpenDataLicense'),
      files: list(ref('OpenDataFileEntry')),
    }),
    OpenDataCaseStudy: closed({
      documentId: { type: 'string', minLength: 1, description: 'The same in both languages.' },
      locale: ref('Locale'),
      slug: text(),
      url: { type: 'string', format: 'uri', description: 'The detail page.' },
      title: text(), teaser: text(),
      buildingBlock: orNull(ref('BuildingBlock')),
      municipalities: list(ref('Municipality')),
      districts: list(closed({ ags: text(), name: text() })),
      regions: list(text()),
      townTypes: list({ type: 'string', enum: [...TOWN_TYPES] }),
      townSizes: list({ type: 'string', enum: [...TOWN_SIZES] }),
      targetGroups: list(term), topics: list(term), settings: list(term), criteria: list(term),
      status: statusOrNull,
      fundingStart: yearOrNull, fundingEnd: yearOrNull,
      provider: textOrNull(), partners: list(text()),
      description: text('Plain text.'), startingSituation: text('Plain text.'), goals: text('Plain text.'), approach: text('Plain text.'),
      results: text('Plain text.'), transferability: text('Partners needed and first steps, plain text.'),
      successFactors: list(text()), pitfalls: list(text()),
      afterFunding: text('Plain text.'),
      lastReviewed: { type: ['string', 'null'], format: 'date' },
      publishedAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    }, { description: 'A published case study in one language.' }),
    OpenDataDistrict: closed({ ags: text(), name: text(), region: text() }),
    OpenDataMunicipality: closed({
      ags: text(), name: text(), districtAgs: text(), districtName: textOrNull(), region: text(),
      townType: { type: ['string', 'null'], enum: [...TOWN_TYPES, null] }, townTypeName: textOrNull(),
      townSize: { type: ['string', 'null'], enum: [...TOWN_SIZES, null] }, townSizeName: textOrNull(),
      lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] },
    }),
    OpenDataTaxonomyTerm: taxonomyTerm(),
    OpenDataTaxonomies: closed({
      buildingBlocks: list(taxonomyTerm({ number: { type: 'integer' } })),
      ...Object.fromEntries(['targetGroups', 'topics', 'settings', 'criteria', 'statuses', 'townTypes', 'townSizes'].map((name) => [name, list(ref('OpenDataTaxonomyTerm'))])),
    }, { description: 'Every vocabulary with its stable slugs and German and English names.' }),
    ...Object.fromEntries(Object.entries(OPEN_DATA_FILE_SCHEMAS).map(([dataset, name]) => [name, fileHead(dataset as OpenDataDataset, fileData[dataset as OpenDataDataset])])),
    OpenDataFile: {
      oneOf: Object.values(OPEN_DATA_FILE_SCHEMAS).map(ref),
      discriminator: { propertyName: 'dataset', mapping: Object.fromEntries(Object.entries(OPEN_DATA_FILE_SCHEMAS).map(([dataset, name]) => [dataset, `#/components/schemas/${name}`])) },
    },
  };
}

// Realistic values from the demo content (cms/data/demo) and the NRW municipality data.
const BLOCK = { slug: 'gesundes-aufwachsen', name: 'Gesundes Aufwachsen', number: 2 };
const DUISBURG = { ags: '05112000', name: 'Duisburg', district: 'Duisburg', districtAgs: '05112', region: 'Düsseldorf' };
const TARGET_GROUPS = [{ slug: 'kinder-3-bis-5', name: 'Kinder im Kita-Alter (3–5)' }, { slug: 'familien-mit-zuwanderungsgeschichte', name: 'Familien mit Zuwanderungsgeschichte' }];
const TOPICS = [{ slug: 'sprachfoerderung', name: 'Sprachförderung' }, { slug: 'uebergaenge', name: 'Übergänge (Kita–Schule, Schule–Beruf)' }];
const SETTINGS = [{ slug: 'kita-familienzentrum', name: 'Kita und Familienzentrum' }];
const CRITERIA = [{ slug: 'niedrigschwelligkeit', name: 'Niedrigschwellige Arbeitsweise' }];
const SLUG_EXAMPLE = 'spielgruppe-brueckenschlag-kinder-ohne-kita-platz';
const TITLE = 'Spielgruppe Brückenschlag – Frühförderung für Kinder ohne Kita-Platz in Duisburg-Hochfeld';
const TEASER = 'In Duisburg-Hochfeld warten viele Kinder aus neu zugewanderten Familien monatelang auf einen Kita-Platz. Die Spielgruppe Brückenschlag überbrückt diese Zeit mit Sprach- und Bewegungsangeboten.';
const DOCUMENT_ID = 'q8n3vk2c7m1xw5tz9rj4hd6b';

const HIT = {
  documentId: DOCUMENT_ID, slug: SLUG_EXAMPLE, title: TITLE,
  titleHtml: 'Spielgruppe Brückenschlag – Frühförderung für Kinder ohne <mark>Kita</mark>-Platz in Duisburg-Hochfeld',
  teaserHtml: 'In Duisburg-Hochfeld warten viele Kinder aus neu zugewanderten Familien monatelang auf einen <mark>Kita</mark>-Platz. Die Spielgruppe Brückenschlag überbrückt diese Zeit mit Sprach- und Bewegungsangeboten.',
  buildingBlock: BLOCK, municipalities: [DUISBURG], targetGroups: TARGET_GROUPS, topics: TOPICS,
  status: 'verstetigt', fundingStart: 2022, fundingEnd: 2024,
  image: { url: '/uploads/small_spielgruppe_brueckenschlag_3f2a1c.jpg', alt: 'Kinder bauen mit Holzklötzen im Stadtteilbüro Hochfeld' },
};
const RELATED_HIT = {
  documentId: 'b2t7xk9m4c1pz8wq3nv6hr5d', slug: 'familienlotsinnen-geburtsklinik-essen',
  title: 'Willkommen im Leben – Familienlots*innen in der Geburtsklinik für den Essener Norden',
  titleHtml: 'Willkommen im Leben – Familienlots*innen in der Geburtsklinik für den Essener Norden',
  teaserHtml: 'Familienlots*innen besuchen Mütter nach der Geburt noch in der Klinik und begleiten Familien in die Angebote im Stadtteil.',
  buildingBlock: BLOCK, municipalities: [{ ags: '05113000', name: 'Essen', district: 'Essen', districtAgs: '05113', region: 'Düsseldorf' }],
  targetGroups: [{ slug: 'werdende-eltern', name: 'Schwangere und werdende Eltern' }], topics: [{ slug: 'lotsen', name: 'Lotsen, Familiencoaching und Begleitung' }],
  status: 'laufend', fundingStart: 2023, fundingEnd: null, image: null,
};
const emptyFacets = () => Object.fromEntries(FACET_KEYS.map((key) => [key, {}]));

const CASE_STUDY_PAGE = {
  documentId: DOCUMENT_ID, locale: 'de', slug: SLUG_EXAMPLE, title: TITLE, teaser: TEASER,
  buildingBlock: BLOCK,
  places: [{ ...DUISBURG, lat: 51.43906, lon: 6.73543, type: 'kreisfreie Stadt', population: 502211 }],
  targetGroups: TARGET_GROUPS, topics: TOPICS, settings: SETTINGS, criteria: CRITERIA,
  projectStatus: 'verstetigt', fundingStart: 2022, fundingEnd: 2024, fundingPhase: null,
  html: {
    description: '<p>Die Spielgruppe Brückenschlag ist ein niedrigschwelliges Brückenangebot für Kinder zwischen drei und sechs Jahren, die (noch) keinen Kita-Platz haben.</p>',
    startingSituation: '<p>Ende 2021 standen im Quartier rund 300 Kinder im Kita-Alter auf Wartelisten.</p>',
    goals: '<ul><li>Kinder ohne Kita-Platz erhalten regelmäßige, verlässliche Bildungs- und Spielerfahrungen.</li></ul>',
    approach: '<p>Zwei feste Gruppen treffen sich jeweils an vier Vormittagen für drei Stunden.</p>',
    results: '<ul><li>In drei Jahren besuchten <strong>rund 140 Kinder</strong> die Spielgruppe.</li></ul>',
    afterFunding: '<p>Das Jugendamt der Stadt Duisburg hat die Spielgruppe als Regelangebot übernommen.</p>',
  },
  transferability: {
    staffFte: 2.5, budgetRange: '100000-250000', durationMonths: 36,
    partnersNeeded: 'Jugendamt (Kita-Bedarfsplanung), mindestens zwei Kitas im Quartier, Sprachmittlung, geeignete Räume mit Außenfläche',
    firstStepsHtml: '<ol><li>Wartelisten auswerten und den Bedarf im Quartier mit dem Jugendamt klären.</li></ol>',
  },
  successFactors: ['Ein kita-ähnlicher, verlässlicher Tagesablauf gibt Kindern und Eltern Sicherheit.'],
  pitfalls: ['Die Raumsuche dauerte fast ein halbes Jahr und verzögerte den Start.'],
  partners: ['Jugendamt der Stadt Duisburg', 'Gesundheitsamt der Stadt Duisburg'],
  provider: { name: 'Kinderbrücke Rhein-Ruhr e. V.', website: null },
  contact: { organisation: 'Kinderbrücke Rhein-Ruhr e. V.', role: 'Projektleitung', email: 'brueckenschlag@example.org', phone: null, website: null },
  links: [{ label: 'Konzept der Spielgruppe (PDF)', url: 'https://example.org/brueckenschlag/konzept.pdf' }],
  downloads: [],
  images: [{ url: '/uploads/spielgruppe_brueckenschlag_3f2a1c.jpg', alt: 'Kinder bauen mit Holzklötzen im Stadtteilbüro Hochfeld', caption: 'Freispiel am Vormittag', credit: 'Kinderbrücke Rhein-Ruhr e. V.', width: 1600, height: 1067 }],
  lastReviewed: '2025-11-14', publishedAt: '2025-11-20T09:12:44.000Z', updatedAt: '2025-11-20T09:12:44.000Z',
  slugs: { de: SLUG_EXAMPLE, en: 'bridging-playgroup-children-without-nursery-place' },
};

const OPEN_DATA_CASE_STUDY = (siteUrl: string) => ({
  documentId: DOCUMENT_ID, locale: 'de', slug: SLUG_EXAMPLE, url: `${siteUrl}/praxisbeispiele/${SLUG_EXAMPLE}`, title: TITLE, teaser: TEASER,
  buildingBlock: BLOCK, municipalities: [DUISBURG], districts: [{ ags: '05112', name: 'Duisburg' }], regions: ['Düsseldorf'],
  townTypes: ['kreisfreie-stadt'], townSizes: ['ueber-500000'],
  targetGroups: TARGET_GROUPS, topics: TOPICS, settings: SETTINGS, criteria: CRITERIA,
  status: 'verstetigt', fundingStart: 2022, fundingEnd: 2024, provider: 'Kinderbrücke Rhein-Ruhr e. V.', partners: ['Jugendamt der Stadt Duisburg'],
  description: 'Die Spielgruppe Brückenschlag ist ein niedrigschwelliges Brückenangebot für Kinder zwischen drei und sechs Jahren, die (noch) keinen Kita-Platz haben.',
  startingSituation: 'Ende 2021 standen im Quartier rund 300 Kinder im Kita-Alter auf Wartelisten.',
  goals: 'Kinder ohne Kita-Platz erhalten regelmäßige, verlässliche Bildungs- und Spielerfahrungen.',
  approach: 'Zwei feste Gruppen treffen sich jeweils an vier Vormittagen für drei Stunden.',
  results: 'In drei Jahren besuchten rund 140 Kinder die Spielgruppe.',
  transferability: 'Jugendamt (Kita-Bedarfsplanung), mindestens zwei Kitas im Quartier Wartelisten auswerten und den Bedarf im Quartier mit dem Jugendamt klären.',
  successFactors: ['Ein kita-ähnlicher, verlässlicher Tagesablauf gibt Kindern und Eltern Sicherheit.'],
  pitfalls: ['Die Raumsuche dauerte fast ein halbes Jahr und verzögerte den Start.'],
  afterFunding: 'Das Jugendamt der Stadt Duisburg hat die Spielgruppe als Regelangebot übernommen.',
  lastReviewed: '2025-11-14', publishedAt: '2025-11-20T09:12:44.000Z', updatedAt: '2025-11-20T09:12:44.000Z',
});

const jsonContent = (schema: JsonSchema, examples: Record<string, ExampleObject>): Record<string, MediaTypeObject> =>
  ({ 'application/json': { schema, examples } });
const shared = (name: string): RefObject => ({ $ref: `#/components/responses/${name}` });
const COMMON_ERRORS = { 429: shared('TooManyRequests'), '5XX': shared('ServerError') };
const localeParameter: RefObject = { $ref: '#/components/parameters/Locale' };
const noCache: RefObject = { $ref: '#/components/headers/CacheControl' };

/** The versioned operation and its unversioned alias (the same handler). */
function withAlias(versioned: string, alias: string, operation: OperationObject): Record<string, { get: OperationObject }> {
  return {
    [versioned]: { get: operation },
    [alias]: {
      get: {
        ...operation,
        operationId: `${operation.operationId}Unversioned`,
        summary: `${operation.summary} (unversioned alias)`,
        description: `The unversioned alias of \`GET ${versioned}\`: the same operation, parameters and answers (the site's own pages use it). `
          + `New clients should prefer the versioned address.\n\n${operation.description}`,
        deprecated: false,
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the public read API of the site at `siteUrl`, its data under
 * `license` (the configured open-data licence, `openDataLicense()`).
 */
export function openApiDocument(siteUrl: string, license: { name: string; url: string; id?: string }): OpenApiDocument {
  const licenseId = license.id ?? Object.values(OPEN_DATA_LICENSES).find((known) => known.url === license.url)?.id ?? 'CC-BY-4.0';
  const fileLicense = { id: licenseId, name: license.name, url: license.url };
  const fileHead = (dataset: OpenDataDataset) => ({
    dataset, schemaVersion: OPEN_DATA_VERSION, license: fileLicense, publisher: OPEN_DATA_PUBLISHER, source: siteUrl, generatedAt: '2026-03-02T08:15:03.412Z',
  });
  const licenseLabel = `"${license.name.replaceAll('"', '""')}, ${license.url}"`;

  const search: OperationObject = {
    operationId: 'searchCaseStudies',
    summary: 'Search the case studies',
    description: 'Full-text search and filters over the published case studies of one language, with facet counts. '
      + 'Values of one filter parameter are OR-ed, different parameters AND-ed; each filter\'s counts leave out its own selection. '
      + 'Every parameter is checked: an unknown parameter, a single-valued one given twice, a malformed or unknown value, a year outside '
      + `${FUNDING_YEAR_MIN}–${FUNDING_YEAR_MAX}, \`fundingTo\` before \`fundingFrom\`, an oversized parameter or a page beyond the last is a 400 naming each problem.`,
    tags: ['Search'],
    parameters: searchParameters(),
    responses: {
      200: {
        description: 'The page of hits, the total, the facet counts and, when nothing matched, the relaxations and a suggested spelling.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref('SearchResponse'), {
          found: {
            summary: 'q=Kita&topic=sprachfoerderung',
            value: {
              hits: [HIT], total: 1, page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 1,
              facets: {
                ...emptyFacets(), buildingBlock: { 'gesundes-aufwachsen': 1 }, region: { Düsseldorf: 1 }, district: { '05112': 1 }, municipality: { '05112000': 1 },
                townType: { 'kreisfreie-stadt': 1 }, townSize: { 'ueber-500000': 1 }, targetGroup: { 'kinder-3-bis-5': 1, 'familien-mit-zuwanderungsgeschichte': 1 },
                topic: { sprachfoerderung: 1, uebergaenge: 1, elternbildung: 2 }, setting: { 'kita-familienzentrum': 1 }, criterion: { niedrigschwelligkeit: 1 },
                status: { verstetigt: 1 }, fundingStart: { 2022: 1 },
              },
              relaxations: [], didYouMean: null,
            },
          },
          nothingFound: {
            summary: 'q=Kita&district=05978&status=abgeschlossen',
            value: {
              hits: [], total: 0, page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 0, facets: emptyFacets(),
              relaxations: [{ constraint: 'status', total: 2 }, { constraint: 'district', total: 1 }, { constraint: 'q', total: 0 }],
              didYouMean: null,
            },
          },
          misspelt: {
            summary: 'q=Gewalltprevenzion',
            value: {
              hits: [], total: 0, page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 0, facets: emptyFacets(),
              relaxations: [{ constraint: 'q', total: 42 }], didYouMean: { q: 'Gewaltprävention', total: 1 },
            },
          },
        }),
      },
      400: {
        description: 'The parameters were refused; every problem is named.',
        content: jsonContent(ref('SearchBadRequest'), {
          malformed: {
            summary: 'district=5978&pageSize=100',
            value: {
              error: 'district: "5978" must be a 5-digit Kreis AGS such as 05978; pageSize: "100" must be at most 50 results per page',
              problems: [{ param: 'district', message: '"5978" must be a 5-digit Kreis AGS such as 05978' }, { param: 'pageSize', message: '"100" must be at most 50 results per page' }],
            },
          },
          unknown: { summary: 'foo=1', value: { error: 'foo: is not a search parameter', problems: [{ param: 'foo', message: 'is not a search parameter' }] } },
        }),
      },
      ...COMMON_ERRORS,
    },
  };

  const caseStudy: OperationObject = {
    operationId: 'getCaseStudy',
    summary: 'A case study by its slug',
    description: 'A published case study with related case studies and similar towns, or where it is instead: `kind` says which. '
      + 'Every slug gets a 200: one that is not (or no longer) anywhere answers `{"kind":"missing"}`. Only a bad `locale` is a 400.',
    tags: ['Case studies'],
    parameters: [
      { name: 'slug', in: 'path', required: true, description: 'The case study\'s slug in the language asked for.', schema: { type: 'string' }, example: SLUG_EXAMPLE },
      localeParameter,
    ],
    responses: {
      200: {
        description: 'The case study, or where it lives instead.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref('CaseStudyAnswer'), {
          found: { summary: 'Published in the language asked for', value: { kind: 'found', caseStudy: CASE_STUDY_PAGE, related: [RELATED_HIT], similarTowns: [{ ags: '05113000', name: 'Essen', count: 3 }, { ags: '05124000', name: 'Wuppertal', count: 2 }] } },
          translated: { summary: 'An English slug asked for in German', value: { kind: 'translated', slug: 'familienlotsinnen-geburtsklinik-essen' } },
          otherLanguageOnly: { summary: 'Only published in German', value: { kind: 'other-language-only', locale: 'de', slug: 'sprechstunde-am-buedchen-wuppertal' } },
          moved: { summary: 'Renamed', value: { kind: 'moved', slug: SLUG_EXAMPLE } },
          missing: { summary: 'No such case study', value: { kind: 'missing' } },
        }),
      },
      400: shared('BadRequest'),
      ...COMMON_ERRORS,
    },
  };

  const vocabulary: OperationObject = {
    operationId: 'getVocabulary',
    summary: 'Names of every filter value',
    description: 'The Bausteine, target groups, topics, settings, criteria, statuses, Gemeindetypen and Einwohnerzahl classes with their names in one language, '
      + 'and the Regierungsbezirke, Kreise and municipalities of NRW: the values the search accepts and its facet counts use.',
    tags: ['Vocabulary'],
    parameters: [localeParameter],
    responses: {
      200: {
        description: 'The vocabulary.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref('Vocabulary'), {
          de: {
            summary: 'German (shortened)',
            value: {
              buildingBlocks: [{ slug: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft – Bezugspersonen im Quartier', number: 1 }, BLOCK],
              targetGroups: TARGET_GROUPS, topics: TOPICS, settings: SETTINGS, criteria: CRITERIA,
              statuses: PROJECT_STATUSES.map((slug) => ({ slug, name: PROJECT_STATUS_NAMES[slug].de })),
              townTypes: TOWN_TYPES.map((slug) => ({ slug, name: TOWN_TYPE_NAMES[slug].de })),
              townSizes: TOWN_SIZES.map((slug) => ({ slug, name: TOWN_SIZE_NAMES[slug].de })),
              regions: ['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster'],
              districts: [{ ags: '05112', name: 'Duisburg', region: 'Düsseldorf' }, { ags: '05978', name: 'Kreis Unna', region: 'Arnsberg' }],
              towns: [
                { ags: '05112000', name: 'Duisburg', districtAgs: '05112', region: 'Düsseldorf', type: 'kreisfreie-stadt', size: 'ueber-500000', lat: 51.43906, lon: 6.73543 },
                { ags: '05978024', name: 'Lünen', districtAgs: '05978', region: 'Arnsberg', type: 'kreisangehoerige-stadt', size: '50000-100000', lat: 51.61119, lon: 7.50945 },
              ],
            },
          },
        }),
      },
      400: shared('BadRequest'),
      ...COMMON_ERRORS,
    },
  };

  const statistics: OperationObject = {
    operationId: 'getStatistics',
    summary: 'Figures of the programme',
    description: 'How many case studies are published in a language, how they spread over Bausteine, regions, Kreise, towns, target groups, topics, settings, statuses '
      + 'and funding years, and per Baustein how many were continued after the funding.',
    tags: ['Statistics'],
    parameters: [localeParameter],
    responses: {
      200: {
        description: 'The figures.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref('ProgrammeStatistics'), {
          de: {
            summary: 'German case studies',
            value: {
              total: 42,
              counts: {
                buildingBlock: { 'aktive-nachbarschaft': 19, 'gesundes-aufwachsen': 23 },
                region: { Arnsberg: 9, Detmold: 6, Düsseldorf: 14, Köln: 8, Münster: 5 },
                district: { '05112': 3, '05978': 2 },
                municipality: { '05112000': 3, '05978024': 1 },
                targetGroup: { 'kinder-3-bis-5': 11, eltern: 17 },
                topic: { sprachfoerderung: 8, bewegung: 6 },
                setting: { 'kita-familienzentrum': 12 },
                status: { laufend: 15, abgeschlossen: 12, verstetigt: 15 },
                fundingStart: { 2021: 10, 2022: 18, 2023: 14 },
              },
              statusByBuildingBlock: {
                'aktive-nachbarschaft': { total: 19, status: { laufend: 7, abgeschlossen: 6, verstetigt: 6 } },
                'gesundes-aufwachsen': { total: 23, status: { laufend: 8, abgeschlossen: 6, verstetigt: 9 } },
              },
            },
          },
        }),
      },
      400: shared('BadRequest'),
      ...COMMON_ERRORS,
    },
  };

  const fileNames = openDataFileNames();
  const openDataList: OperationObject = {
    operationId: 'listOpenDataFiles',
    summary: 'The open-data files',
    description: 'Every open-data download with its address and media type, the files\' schema version, licence and publisher.',
    tags: ['Open data'],
    responses: {
      200: {
        description: 'The files.',
        content: jsonContent(ref('OpenDataFileList'), {
          files: {
            summary: 'Every file',
            value: { schemaVersion: OPEN_DATA_VERSION, publisher: OPEN_DATA_PUBLISHER, license: fileLicense, files: OPEN_DATA_FILES.map((file) => ({ ...file, url: `${siteUrl}${file.path}` })) },
          },
        }),
      },
      ...COMMON_ERRORS,
    },
  };

  const openDataFile: OperationObject = {
    operationId: 'getOpenDataFile',
    summary: 'An open-data file',
    description: 'A download, streamed and always current: the published case studies of both languages (or of `locale`), the municipalities and Kreise of NRW, or the vocabularies. '
      + 'JSON files start with what the file is (dataset, schema version, licence, publisher, source, time) and carry the records in `data`. '
      + 'CSV files are UTF-8 with a byte-order mark, comma-separated with CRLF line ends, lists joined with " | ", the licence in a last column; '
      + 'the Excel file has the case studies in one sheet and the licence in another. The licence is also in the `Link` header.',
    tags: ['Open data'],
    parameters: [
      {
        name: 'file', in: 'path', required: true, schema: { type: 'string', enum: fileNames }, example: 'case-studies.json',
        description: '`<dataset>.<format>`; any other name is a 404 that lists the files.',
      },
      {
        name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: [...LOCALES] }, example: 'de',
        description: 'Only for `case-studies.*`: the case studies of one language (absent: both). On any other file it is a 400.',
      },
    ],
    responses: {
      200: {
        description: 'The file; its media type follows its format.',
        headers: { Link: { $ref: '#/components/headers/LicenseLink' }, 'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' }, 'Cache-Control': noCache },
        content: {
          [MEDIA_TYPES.json]: {
            schema: ref('OpenDataFile'),
            examples: {
              caseStudies: { summary: 'case-studies.json?locale=de (one record shown)', value: { ...fileHead('case-studies'), data: [OPEN_DATA_CASE_STUDY(siteUrl)] } },
              municipalities: {
                summary: 'municipalities.json (one row shown)',
                value: {
                  ...fileHead('municipalities'),
                  data: [{
                    ags: '05978024', name: 'Lünen', districtAgs: '05978', districtName: 'Kreis Unna', region: 'Arnsberg', townType: 'kreisangehoerige-stadt',
                    townTypeName: TOWN_TYPE_NAMES['kreisangehoerige-stadt'].de, townSize: '50000-100000', townSizeName: TOWN_SIZE_NAMES['50000-100000'].de, lat: 51.61119, lon: 7.50945,
                  }],
                },
              },
              districts: {
                summary: 'districts.json (two rows shown)',
                value: { ...fileHead('districts'), data: [{ ags: '05112', name: 'Duisburg', region: 'Düsseldorf' }, { ags: '05978', name: 'Kreis Unna', region: 'Arnsberg' }] },
              },
              taxonomies: {
                summary: 'taxonomies.json (shortened)',
                value: {
                  ...fileHead('taxonomies'),
                  data: {
                    buildingBlocks: [{ slug: 'gesundes-aufwachsen', name: { de: 'Gesundes Aufwachsen', en: 'Growing up healthy' }, number: 2 }],
                    targetGroups: [{ slug: 'kinder-3-bis-5', name: { de: 'Kinder im Kita-Alter (3–5)', en: 'Pre-school children (3–5)' } }],
                    topics: [{ slug: 'sprachfoerderung', name: { de: 'Sprachförderung', en: 'Language support' } }],
                    settings: [{ slug: 'kita-familienzentrum', name: { de: 'Kita und Familienzentrum', en: 'Nursery and family centre' } }],
                    criteria: [{ slug: 'niedrigschwelligkeit', name: { de: 'Niedrigschwellige Arbeitsweise', en: 'Low-threshold approach' } }],
                    statuses: PROJECT_STATUSES.map((slug) => ({ slug, name: PROJECT_STATUS_NAMES[slug] })),
                    townTypes: TOWN_TYPES.map((slug) => ({ slug, name: TOWN_TYPE_NAMES[slug] })),
                    townSizes: TOWN_SIZES.map((slug) => ({ slug, name: TOWN_SIZE_NAMES[slug] })),
                  },
                },
              },
            },
          },
          [MEDIA_TYPES.csv]: {
            schema: { type: 'string', description: 'The JSON file\'s fields as columns (lists joined with " | "), then `license`.' },
            examples: { districts: { summary: 'districts.csv (two rows shown, without the byte-order mark)', value: `ags,name,region,license\r\n05112,Duisburg,Düsseldorf,${licenseLabel}\r\n05978,Kreis Unna,Arnsberg,${licenseLabel}\r\n` } },
          },
          // Binary: no schema (OpenAPI 3.1, "Considerations for File Uploads").
          [MEDIA_TYPES.xlsx]: {},
        },
      },
      400: shared('BadRequest'),
      404: shared('NotFound'),
      ...COMMON_ERRORS,
    },
  };

  const openApi: OperationObject = {
    operationId: 'getOpenApiDocument',
    summary: 'This description',
    description: 'The OpenAPI 3.1 description of the API (this document).',
    tags: ['API description'],
    responses: {
      200: {
        description: 'The OpenAPI document.',
        headers: { 'Cache-Control': { description: 'Kept for five minutes.', schema: { type: 'string', const: 'public, max-age=300' }, example: 'public, max-age=300' } },
        content: jsonContent({ type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } } }, {
          document: { summary: 'Shortened', value: { openapi: '3.1.0', info: { title: TITLE_OF_API, version: OPEN_DATA_VERSION }, paths: {} } },
        }),
      },
      ...COMMON_ERRORS,
    },
  };

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: TITLE_OF_API,
      version: OPEN_DATA_VERSION,
      description: 'The public, read-only API of the Praxisdatenbank: searching the published good-practice case studies of the NRW programme '
        + '"Zusammen im Quartier – Kinder stärken – Zukunft sichern", reading one with its related case studies, the vocabulary of the filters, '
        + 'the programme\'s figures and the open-data downloads. No key is needed. Requests per minute and client are limited (429 with `Retry-After` beyond). '
        + `The addresses under \`/api/v1/\` are versioned (an unknown version of the open data, such as \`/api/v2/open-data/…\`, is a 404); `
        + 'the unversioned ones the site itself uses answer the same. The data is under the licence named here.',
      license: { name: license.name, url: license.url },
    },
    servers: [{ url: siteUrl }],
    tags: [
      { name: 'Search', description: 'Search and filter the case studies.' },
      { name: 'Case studies', description: 'One case study.' },
      { name: 'Vocabulary', description: 'Names of the filter values.' },
      { name: 'Statistics', description: 'Figures of the programme.' },
      { name: 'Open data', description: `Downloads under ${OPEN_DATA_BASE}.` },
      { name: 'API description', description: 'This document.' },
    ],
    paths: {
      ...withAlias('/api/v1/search', '/api/search', search),
      ...withAlias('/api/v1/case-studies/{slug}', '/api/case-studies/{slug}', caseStudy),
      ...withAlias('/api/v1/vocabulary', '/api/vocabulary', vocabulary),
      ...withAlias('/api/v1/statistics', '/api/statistics', statistics),
      [OPEN_DATA_BASE]: { get: openDataList },
      [`${OPEN_DATA_BASE}/{file}`]: { get: openDataFile },
      '/api/openapi.json': { get: openApi },
    },
    components: {
      schemas: schemas(),
      parameters: {
        Locale: {
          name: 'locale', in: 'query', required: false, description: 'Language of the answer.',
          schema: { type: 'string', enum: [...LOCALES], default: DEFAULT_LOCALE }, example: DEFAULT_LOCALE,
        },
      },
      headers: {
        CacheControl: { description: 'Ask again each time: the answer follows every publication.', schema: { type: 'string' }, example: 'no-cache' },
        LicenseLink: { description: 'The licence of the data.', required: true, schema: { type: 'string' }, example: `<${license.url}>; rel="license"` },
        ContentDisposition: {
          description: 'A download, named `praxisdatenbank-<dataset>[-<locale>]-v<schemaVersion>.<format>`.', required: true,
          schema: { type: 'string', pattern: '^attachment; filename="praxisdatenbank-[a-z-]+-v\\d+\\.\\d+\\.\\d+\\.[a-z]+"$' },
          example: `attachment; filename="praxisdatenbank-case-studies-de-v${OPEN_DATA_VERSION}.json"`,
        },
        RetryAfter: { description: 'Seconds until requests are accepted again.', schema: { type: 'integer', minimum: 1 }, example: 42 },
      },
      responses: {
        BadRequest: {
          description: 'A query parameter was refused.',
          content: jsonContent(ref('Error'), {
            locale: {
              summary: 'locale=fr',
              value: { error: true, url: `${siteUrl}/api/v1/vocabulary?locale=fr`, statusCode: 400, statusMessage: 'Validation Error', message: 'locale: Invalid option: expected one of "de"|"en"', data: {} },
            },
            noLanguages: {
              summary: 'districts.json?locale=de',
              value: { error: true, url: `${siteUrl}${OPEN_DATA_BASE}/districts.json?locale=de`, statusCode: 400, statusMessage: 'Bad Request', message: 'locale: districts has no languages' },
            },
          }),
        },
        NotFound: {
          description: 'No such file.',
          content: jsonContent(ref('Error'), {
            unknownFile: {
              summary: 'districts.xlsx',
              value: {
                error: true, url: `${siteUrl}${OPEN_DATA_BASE}/districts.xlsx`, statusCode: 404, statusMessage: 'Not Found',
                message: `no open-data file "districts.xlsx"; there are ${fileNames.join(', ')}`,
              },
            },
          }),
        },
        TooManyRequests: {
          description: 'Too many requests from this client in the last minute.',
          headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
          content: jsonContent(ref('Error'), {
            limited: {
              summary: 'Rate limit',
              value: { error: true, url: `${siteUrl}/api/v1/search`, statusCode: 429, statusMessage: 'Too Many Requests', message: 'At most 600 requests per minute; please try again in a minute.' },
            },
          }),
        },
        ServerError: {
          description: 'The CMS or the search index could not be reached, or another failure.',
          content: jsonContent(ref('Error'), {
            failure: { summary: 'Unexpected failure', value: { error: true, url: `${siteUrl}/api/v1/search`, statusCode: 500, statusMessage: 'Server Error', message: 'Server Error' } },
          }),
        },
      },
    },
  };
}

