// The answers of the public read API (search, case studies, vocabulary, statistics, open data) as
// zod schemas, emitted into the OpenAPI document's components (open-data/openapi/document.ts) by
// z.toJSONSchema. Each fact comes from where the code keeps it: limits and patterns from the
// catalogue of the case study (@praxis/search/catalogue), vocabularies and years from the domain,
// the card's fields from CARD_FIELDS, the open-data files from shared/open-data.ts. At the end,
// each answer's schema is held to the type its handler returns.
import {
  BUDGET_RANGES,
  CARD_FIELDS,
  DISTRICT_AGS_PATTERN,
  EMAIL_MAX,
  FACET_KEYS,
  fieldMax,
  fieldMin,
  FUNDING_YEAR_MAX,
  FUNDING_YEAR_MIN,
  LINK_LIMITS,
  LIST_ITEM_MAX,
  LIST_MAX,
  LOCALES,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MUNICIPALITIES_MAX,
  MUNICIPALITY_AGS_PATTERN,
  PHONE_PATTERN,
  PROJECT_STATUSES,
  STATISTICS_KEYS,
  TOP_TRANSFERRED,
  TOWN_SIZES,
  TOWN_TYPES,
  type Constraint,
  type ProgrammeStatistics,
  type SearchOutcome,
  type SearchResponse as SearchAnswer,
} from '@praxis/search';
import { z } from 'zod';
import type { CaseStudyPage as CaseStudyPageAnswer, SimilarTown as SimilarTownAnswer } from '../../../shared/case-study';
import {
  MEDIA_TYPES,
  OPEN_DATA_DATASETS,
  OPEN_DATA_FILES,
  OPEN_DATA_LICENSES,
  OPEN_DATA_PUBLISHER,
  OPEN_DATA_VERSION,
  type OpenDataDataset,
} from '../../../shared/open-data';
import type { Vocabulary as VocabularyAnswer } from '../../../shared/vocabulary';
import type { CaseStudyAnswer as CaseStudyAnswerType } from '../../api/case-studies/[slug].get';
import { slugParam } from '../../security/request-schemas';
import type { OpenDataCaseStudy as OpenDataCaseStudyAnswer } from '../downloads';
import { component, discriminated } from './json-schema';

const text = (description: string) => z.string().meta({ description });
const count = z.int().min(0);
const year = z.int().min(FUNDING_YEAR_MIN).max(FUNDING_YEAR_MAX);
const coordinate = z.number().nullable();
const municipalityAgs = z.string().regex(MUNICIPALITY_AGS_PATTERN);
const districtAgs = z.string().regex(DISTRICT_AGS_PATTERN);
const listItems = z.array(z.string().max(LIST_ITEM_MAX)).max(LIST_MAX);
/** A closed object whose keys are `keys`, each value `value`. */
const keyed = <Key extends string, Value extends z.ZodType>(keys: readonly Key[], value: Value) =>
  z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<Key, Value>);

export const Locale = component('Locale', z.enum(LOCALES));
export const Term = component(
  'Term',
  z.object({
    slug: slugParam.meta({ description: 'Stable identifier, used in URLs and filters.' }),
    name: text('Name in the language asked for.'),
  }),
  'A term of a vocabulary (target group, topic, setting, criterion, …).',
);
export const BuildingBlock = component('BuildingBlock', z.object({ slug: slugParam, name: z.string(), number: z.int() }), 'A Baustein of the programme.');
export const Municipality = component(
  'Municipality',
  z.object({
    ags: municipalityAgs.meta({ description: 'Amtlicher Gemeindeschlüssel.' }),
    name: z.string(),
    district: text('Kreis (a kreisfreie Stadt is its own).'),
    districtAgs,
    region: text('Regierungsbezirk.'),
  }),
  'A municipality of a case study, as the search index carries it.',
);
const terms = z.array(Term).max(LIST_MAX);

/** What a case study has under the same name in several answers, each once. */
const field = {
  documentId: z.string().min(1).meta({ description: "The case study's id, the same in every language." }),
  locale: Locale,
  slug: slugParam.meta({ description: 'Address of the detail page: `/praxisbeispiele/<slug>` (de), `/en/case-studies/<slug>` (en).' }),
  title: z.string().max(fieldMax('title')),
  teaser: z.string().max(fieldMax('teaser')),
  buildingBlock: BuildingBlock.nullable(),
  municipalities: z.array(Municipality).max(MUNICIPALITIES_MAX),
  targetGroups: terms,
  topics: terms,
  settings: terms,
  criteria: terms,
  status: z.enum(PROJECT_STATUSES).nullable(),
  fundingStart: year.nullable(),
  fundingEnd: year.nullable(),
  image: z.object({ url: text('Path or URL of the (small) image.'), alt: z.string() }).nullable(),
  successFactors: listItems,
  pitfalls: listItems,
  partners: listItems,
  lastReviewed: z.iso.date().nullable(),
  updatedAt: z.iso.datetime(),
};
const pick = <Key extends keyof typeof field>(...keys: readonly Key[]) => Object.fromEntries(keys.map((key) => [key, field[key]])) as Pick<typeof field, Key>;
const CARD = CARD_FIELDS.filter((name): name is Exclude<(typeof CARD_FIELDS)[number], 'teaser'> => name !== 'teaser');

// Search.
export const SearchHit = component(
  'SearchHit',
  z.object({
    ...pick(...CARD),
    titleHtml: text('The title as HTML: escaped, the only markup `<mark>` around what matched the query.'),
    teaserHtml: text('The teaser as HTML, like `titleHtml`.'),
  }),
  'A result card.',
);
export const FacetCounts = component('FacetCounts', z.record(z.string(), count), 'Number of matching case studies per value.');
export const SearchFacets = component(
  'SearchFacets',
  keyed(FACET_KEYS, FacetCounts),
  'Counts per value of every filter parameter. A parameter with a selection counts without its own selection (what choosing another value would give).',
);
export const Relaxation = component(
  'Relaxation',
  z.object({
    constraint: z
      .enum(['q', ...FACET_KEYS, 'near', 'funding'] as const satisfies readonly Constraint[])
      .meta({ description: 'The search text, a filter parameter, the Umkreis (`near`/`radius`) or the funding range (`fundingFrom`/`fundingTo`).' }),
    total: count.meta({ description: 'Results without this constraint.' }),
  }),
);
export const DidYouMean = component(
  'DidYouMean',
  z.object({
    q: text('The search text with each word the case studies do not use replaced by the closest one they do ("Meinten Sie …?").'),
    total: z.int().min(1).meta({ description: 'What that text finds with the same filters.' }),
  }),
  'Only when nothing matched and a close spelling finds something; otherwise null.',
);
export const TownAlternatives = component(
  'TownAlternatives',
  z.object({
    town: z.string().regex(MUNICIPALITY_AGS_PATTERN).meta({ description: 'AGS of the town: `near`, or the one `municipality` chosen.' }),
    alternatives: z.array(
      z.object({
        kind: z.enum(['district', 'nearby', 'similar']).meta({
          description:
            '`district`: in its Kreis (not for a kreisfreie Stadt); `nearby`: within 25 km (or the next wider radius than the one asked); `similar`: in towns of its Gemeindetyp and Einwohnerzahl class.',
        }),
        query: text('The alternative search, as parameters for `/api/search` and the search page (the place filters replaced, the rest kept).'),
        total: count.meta({ description: 'What the alternative search finds.' }),
      }),
    ),
  }),
  '"Kommunen wie meine": only when the search names one town; otherwise null.',
);
export const SearchResponse = component(
  'SearchResponse',
  z.object({
    hits: z.array(SearchHit).max(MAX_PAGE_SIZE),
    total: count.meta({ description: 'All matches (exact).' }),
    page: z.int().min(1).max(MAX_PAGE),
    pageSize: z.int().min(1).max(MAX_PAGE_SIZE),
    pageCount: count,
    facets: SearchFacets,
    relaxations: z
      .array(Relaxation)
      .meta({ description: 'Only when nothing matched (otherwise empty): how many results dropping each active constraint would give, most first.' }),
    didYouMean: DidYouMean.nullable(),
    townAlternatives: TownAlternatives.nullable(),
  }),
);
export const SearchProblem = component('SearchProblem', z.object({ param: text('The parameter concerned.'), message: text('What is wrong with it.') }));
export const SearchBadRequest = component(
  'SearchBadRequest',
  z.object({
    error: text('Every problem as `param: message`, joined with `; `.'),
    problems: z.array(SearchProblem).min(1),
  }),
  'Why the search parameters were refused.',
);

export const ErrorAnswer = component(
  'Error',
  z.looseObject({
    error: z.literal(true).optional(),
    url: text('The address asked for.').optional(),
    statusCode: z.int().min(400).max(599),
    statusMessage: z.string(),
    message: z.string(),
    data: z.unknown().meta({ description: 'Details, when there are any.' }).optional(),
    stack: z.unknown().meta({ description: 'Only in development.' }).optional(),
  }),
  'An error as the server framework (h3/Nitro) answers it for `/api/` requests that do not ask for HTML (`Accept: text/html` gets an error page instead). ' +
    'A refused query parameter has `statusMessage` "Validation Error" and a `message` naming the parameter.',
);

// One case study.
export const CaseStudyPlace = component(
  'CaseStudyPlace',
  z.object({
    ...Municipality.shape,
    lat: coordinate,
    lon: coordinate,
    type: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'As the municipality data names it: "kreisfreie Stadt", "kreisangehörige Stadt" or "Gemeinde".' }),
    population: count.nullable().optional(),
  }),
  'A municipality of the case study; `type` and `population` only when the CMS has them.',
);
export const SimilarTown = component(
  'SimilarTown',
  z.object({ ags: municipalityAgs, name: z.string(), count: z.int().min(1).meta({ description: 'Published case studies in that town.' }) }),
  "A town of the same Gemeindetyp and Einwohnerzahl class as one of the case study's own, where case studies ran.",
);
export const Transfer = component(
  'Transfer',
  z.object({
    town: z.string(),
    ags: municipalityAgs,
    since: z.int().meta({ description: 'The year the Kommune started.' }),
    text: z.string().meta({ description: 'What was adopted, in the words of the report (reviewed by the editors).' }),
    locale: Locale,
  }),
  'A Kommune that took the case study over ("Übertragen nach"), from a published report of "Nachnutzung melden".',
);
export const CaseStudyPage = component(
  'CaseStudyPage',
  z.object({
    ...pick('documentId', 'locale', 'slug', 'title', 'teaser', 'buildingBlock'),
    places: z.array(CaseStudyPlace).max(MUNICIPALITIES_MAX),
    ...pick('targetGroups', 'topics', 'settings', 'criteria'),
    projectStatus: field.status,
    ...pick('fundingStart', 'fundingEnd'),
    fundingPhase: z.string().max(fieldMax('fundingPhase')).nullable(),
    html: z
      .object({
        description: z.string(),
        startingSituation: z.string(),
        goals: z.string(),
        approach: z.string(),
        results: z.string(),
        afterFunding: z.string(),
      })
      .meta({ description: 'The long texts as sanitised HTML (empty string when there is none).' }),
    transferability: z
      .object({
        staffFte: z.number().min(fieldMin('staffFte')).max(fieldMax('staffFte')).nullable().meta({ description: 'Staff, in full-time equivalents.' }),
        budgetRange: z.enum(BUDGET_RANGES).nullable().meta({ description: 'Yearly budget class.' }),
        durationMonths: z.int().min(fieldMin('transferability.durationMonths')).max(fieldMax('transferability.durationMonths')).nullable(),
        partnersNeeded: z.string().max(fieldMax('transferability.partnersNeeded')).nullable(),
        firstStepsHtml: text('Sanitised HTML.'),
      })
      .nullable(),
    ...pick('successFactors', 'pitfalls', 'partners'),
    provider: z.object({ name: z.string().max(fieldMax('provider')), website: z.string().nullable() }).nullable(),
    contact: z
      .object({
        organisation: z.string().max(fieldMax('contact.organisation')).nullable(),
        role: z.string().max(fieldMax('contact.role')).nullable(),
        email: z.string().max(EMAIL_MAX).nullable(),
        phone: z.string().regex(PHONE_PATTERN).nullable(),
        website: z.string().max(fieldMax('contact.website')).nullable(),
      })
      .nullable(),
    // The loader keeps http(s) links, in any case; a JSON Schema pattern has no `i` flag.
    links: z
      .array(
        z.object({
          label: z.string().max(LINK_LIMITS.label),
          url: z
            .string()
            .max(LINK_LIMITS.url)
            .regex(/^[hH][tT][tT][pP][sS]?:\/\//),
        }),
      )
      .max(fieldMax('links'))
      .meta({ description: 'Only http(s) links.' }),
    downloads: z.array(z.object({ name: z.string(), url: z.string(), sizeKb: z.number().nullable(), mime: z.string().nullable() })),
    images: z.array(
      z.object({
        url: z.string(),
        alt: z.string(),
        caption: z.string().nullable(),
        credit: z.string().nullable(),
        width: z.number().nullable(),
        height: z.number().nullable(),
      }),
    ),
    lastReviewed: field.lastReviewed,
    publishedAt: z.iso.datetime().nullable(),
    updatedAt: field.updatedAt,
    slugs: z
      .object(Object.fromEntries(LOCALES.map((locale) => [locale, slugParam.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<typeof slugParam>>)
      .meta({ description: "The case study's slug per language it is published in." }),
  }),
  'Everything the detail page shows.',
);

export const CaseStudyFound = component(
  'CaseStudyFound',
  z.object({
    kind: z.literal('found'),
    caseStudy: CaseStudyPage,
    related: z.array(SearchHit).meta({ description: 'Up to 6 similar case studies (empty when the search index is unavailable).' }),
    similarTowns: z.array(SimilarTown).meta({ description: 'Up to 8 towns, most case studies first.' }),
    transfers: z.array(Transfer).meta({ description: 'Kommunen that took it over, the latest first.' }),
  }),
  'The case study is published under this slug in this language.',
);
export const CaseStudyTranslated = component(
  'CaseStudyTranslated',
  z.object({ kind: z.literal('translated'), slug: slugParam.meta({ description: 'Its slug in the language asked for.' }) }),
  "The slug is the case study's slug in the other language; it is published in the language asked for under `slug`.",
);
export const CaseStudyOtherLanguageOnly = component(
  'CaseStudyOtherLanguageOnly',
  z.object({ kind: z.literal('other-language-only'), locale: Locale, slug: slugParam }),
  'The case study is published only in `locale`, under `slug`.',
);
export const CaseStudyMoved = component(
  'CaseStudyMoved',
  z.object({ kind: z.literal('moved'), slug: slugParam.meta({ description: 'Its current slug.' }) }),
  'The case study was published under this slug once and lives under `slug` now.',
);
export const CaseStudyMissing = component(
  'CaseStudyMissing',
  z.object({ kind: z.literal('missing') }),
  'No published case study has (or had) this slug; also the answer for a slug that is not a well-formed slug.',
);
export const CaseStudyAnswer = component(
  'CaseStudyAnswer',
  discriminated('kind', [CaseStudyFound, CaseStudyTranslated, CaseStudyOtherLanguageOnly, CaseStudyMoved, CaseStudyMissing]),
);

// Vocabulary and statistics.
const townType = z.enum(TOWN_TYPES);
const townSize = z.enum(TOWN_SIZES);
export const District = component(
  'District',
  z.object({
    ags: districtAgs,
    name: text('"Kreis Unna", "Rhein-Sieg-Kreis", "Duisburg" (a kreisfreie Stadt).'),
    region: z.string(),
  }),
);
export const Town = component(
  'Town',
  z.object({
    ags: municipalityAgs,
    name: z.string(),
    districtAgs,
    region: z.string(),
    type: townType.nullable().meta({ description: 'Gemeindetyp; null when the data lacks it.' }),
    size: townSize.nullable().meta({ description: 'Einwohnerzahl class; null when the population is unknown.' }),
    lat: coordinate,
    lon: coordinate,
  }),
);
const named = <Slug extends z.ZodType>(slug: Slug) => z.array(z.object({ slug, name: z.string() }));
export const Vocabulary = component(
  'Vocabulary',
  z.object({
    buildingBlocks: z.array(BuildingBlock).meta({ description: 'By number.' }),
    targetGroups: z.array(Term),
    topics: z.array(Term),
    settings: z.array(Term),
    criteria: z.array(Term),
    statuses: named(z.enum(PROJECT_STATUSES)),
    townTypes: named(townType),
    townSizes: named(townSize),
    regions: z.array(z.string()).meta({ description: 'Regierungsbezirke, A–Z.' }),
    districts: z.array(District),
    towns: z.array(Town).meta({ description: 'Every municipality of NRW, A–Z.' }),
  }),
  'Names and hierarchy of every filter value in one language.',
);
export const ProgrammeStatisticsSchema = component(
  'ProgrammeStatistics',
  z.object({
    total: count.meta({ description: 'Published case studies in the language.' }),
    counts: keyed(STATISTICS_KEYS, FacetCounts).meta({
      description: 'Case studies per value, by search parameter (each count links to the search with that parameter).',
    }),
    statusByBuildingBlock: z
      .record(z.string(), z.object({ total: count, status: FacetCounts }))
      .meta({ description: 'Per Baustein slug: its case studies and their project statuses.' }),
    transfers: z
      .object({
        transfers: count.meta({
          description: 'Case study–Kommune pairs of the published transfer reports ("Nachnutzung"); a Kommune reporting one case study twice counts once.',
        }),
        towns: count.meta({ description: 'Distinct Kommunen that took at least one case study over.' }),
        caseStudies: count.meta({ description: 'Case studies taken over at all.' }),
        top: z
          .array(z.object({ slug: z.string(), title: z.string(), towns: count }))
          .max(TOP_TRANSFERRED)
          .meta({ description: `The case studies taken over by most Kommunen, then by title; at most ${TOP_TRANSFERRED}.` }),
      })
      .meta({ description: 'Taken over in other Kommunen, from the published transfer reports.' }),
  }),
);

// Open data.
export const OpenDataLicense = component('OpenDataLicense', z.object({ id: z.enum(Object.keys(OPEN_DATA_LICENSES)), name: z.string(), url: z.url() }));
export const OpenDataFileEntry = component(
  'OpenDataFileEntry',
  z.object({
    dataset: z.enum(Object.keys(OPEN_DATA_DATASETS) as OpenDataDataset[]),
    format: z.enum(Object.keys(MEDIA_TYPES) as (keyof typeof MEDIA_TYPES)[]),
    path: z.enum(OPEN_DATA_FILES.map((file) => file.path)),
    mediaType: z.enum(Object.values(MEDIA_TYPES)),
    url: z.url(),
  }),
);
export const OpenDataFileList = component(
  'OpenDataFileList',
  z.object({
    schemaVersion: z.literal(OPEN_DATA_VERSION),
    publisher: z.literal(OPEN_DATA_PUBLISHER),
    license: OpenDataLicense,
    files: z.array(OpenDataFileEntry),
  }),
);
const plainText = text('Plain text.');
export const OpenDataCaseStudy = component(
  'OpenDataCaseStudy',
  z.object({
    ...pick('documentId', 'locale', 'slug'),
    url: z.url().meta({ description: 'The detail page.' }),
    ...pick('title', 'teaser', 'buildingBlock', 'municipalities'),
    districts: z.array(z.object({ ags: districtAgs, name: z.string() })),
    regions: z.array(z.string()),
    townTypes: z.array(townType),
    townSizes: z.array(townSize),
    ...pick('targetGroups', 'topics', 'settings', 'criteria', 'status', 'fundingStart', 'fundingEnd'),
    provider: z.string().max(fieldMax('provider')).nullable(),
    ...pick('partners'),
    description: plainText,
    startingSituation: plainText,
    goals: plainText,
    approach: plainText,
    results: plainText,
    transferability: text('Partners needed and first steps run together, plain text. Deprecated since 1.1.0: the fields below have them apart.'),
    staffFte: z.number().nullable().meta({ description: 'Staff, in full-time equivalents (since 1.1.0).' }),
    budgetRange: z
      .object({ slug: z.enum(BUDGET_RANGES), name: z.string() })
      .nullable()
      .meta({ description: "Yearly budget class: its code and its name in the case study's language (since 1.1.0)." }),
    durationMonths: z.int().nullable().meta({ description: 'Duration in months (since 1.1.0).' }),
    partnersNeeded: z.string().nullable().meta({ description: 'Partners needed to do the same (since 1.1.0).' }),
    firstSteps: text('First steps, plain text (since 1.1.0).'),
    ...pick('successFactors', 'pitfalls'),
    afterFunding: text('What became of it after the funding, plain text.'),
    contact: z
      .object({ organisation: z.string().nullable(), email: z.string().nullable() })
      .meta({ description: 'Whom to ask: organisation and e-mail address as the detail page shows them (since 1.1.0).' }),
    lastReviewed: field.lastReviewed,
    publishedAt: z.iso.datetime(),
    updatedAt: field.updatedAt,
  }),
  'A published case study in one language.',
);
export const OpenDataDistrict = component('OpenDataDistrict', z.object({ ags: districtAgs, name: z.string(), region: z.string() }));
export const OpenDataMunicipality = component(
  'OpenDataMunicipality',
  z.object({
    ags: municipalityAgs,
    name: z.string(),
    districtAgs,
    districtName: z.string().nullable(),
    region: z.string(),
    townType: townType.nullable(),
    townTypeName: z.string().nullable(),
    townSize: townSize.nullable(),
    townSizeName: z.string().nullable(),
    lat: coordinate,
    lon: coordinate,
  }),
);
const bothNames = z.object({ de: z.string(), en: z.string() }).meta({ description: 'German and English name (the German one where there is no English one).' });
export const OpenDataTaxonomyTerm = component('OpenDataTaxonomyTerm', z.object({ slug: slugParam, name: bothNames }));
export const OpenDataTaxonomies = component(
  'OpenDataTaxonomies',
  z.object({
    buildingBlocks: z.array(z.object({ slug: slugParam, name: bothNames, number: z.int() })),
    ...keyed(['targetGroups', 'topics', 'settings', 'criteria', 'statuses', 'townTypes', 'townSizes'], z.array(OpenDataTaxonomyTerm)).shape,
  }),
  'Every vocabulary with its stable slugs and German and English names.',
);

/** One open-data file as JSON: what it says about itself, then `data`. */
function openDataFile<Dataset extends OpenDataDataset, Data extends z.ZodType>(id: string, dataset: Dataset, data: Data) {
  return component(
    id,
    z.object({
      dataset: z.literal(dataset),
      schemaVersion: z.literal(OPEN_DATA_VERSION).meta({ description: "Version of the files' schema; its major version is the `/v1/` of the address." }),
      license: OpenDataLicense,
      publisher: z.literal(OPEN_DATA_PUBLISHER),
      source: z.url().meta({ description: 'The site the file comes from.' }),
      generatedAt: z.iso.datetime(),
      data,
    }),
    `The \`${dataset}\` file as JSON: what the file says about itself, then \`data\`.`,
  );
}
export const OpenDataFile = component(
  'OpenDataFile',
  discriminated('dataset', [
    openDataFile(
      'OpenDataCaseStudiesFile',
      'case-studies',
      z.array(OpenDataCaseStudy).meta({ description: 'Oldest first; German, then English (or the one language asked for).' }),
    ),
    openDataFile('OpenDataMunicipalitiesFile', 'municipalities', z.array(OpenDataMunicipality)),
    openDataFile('OpenDataDistrictsFile', 'districts', z.array(OpenDataDistrict)),
    openDataFile('OpenDataTaxonomiesFile', 'taxonomies', OpenDataTaxonomies),
  ]),
);

/** The schema's answers fit the handler's type, and have no top-level field the type lacks. */
type Describes<Schema extends z.ZodType, Answer> =
  z.output<Schema> extends Answer ? ([Exclude<keyof z.output<Schema>, keyof Answer>] extends [never] ? true : false) : false;
type Holds<Check extends true> = Check;
/** Fails the typecheck when a handler's answer and its schema here part: a field added, renamed, dropped or retyped. */
export type AnswersDescribed = [
  Holds<Describes<typeof SearchResponse, SearchAnswer>>,
  Holds<Describes<typeof SearchBadRequest, Extract<SearchOutcome, { status: 400 }>['body']>>,
  Holds<Describes<typeof CaseStudyAnswer, CaseStudyAnswerType>>,
  Holds<Describes<typeof CaseStudyPage, CaseStudyPageAnswer>>,
  Holds<Describes<typeof SimilarTown, SimilarTownAnswer>>,
  Holds<Describes<typeof Vocabulary, VocabularyAnswer>>,
  Holds<Describes<typeof ProgrammeStatisticsSchema, ProgrammeStatistics>>,
  Holds<Describes<typeof OpenDataCaseStudy, OpenDataCaseStudyAnswer>>,
];
