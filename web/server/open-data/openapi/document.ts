// The OpenAPI 3.1 description of the site's public read API (GET /api/openapi.json): search,
// case studies, vocabulary, statistics and the open-data downloads. The schemas are not written
// here: the search parameters' come from the zod schemas the search parses them with
// (SEARCH_PARAM_SCHEMAS of search/src/query.ts), the answers' from the zod schemas of
// server/open-data/openapi/schemas.ts (limits and patterns from the catalogue of the case study), both
// through z.toJSONSchema. What stays here is the prose, the examples and the operations.
import {
  budgetRangeName,
  DEFAULT_LOCALE,
  DEFAULT_PAGE_SIZE,
  FACET_KEYS,
  FUNDING_YEAR_MAX,
  FUNDING_YEAR_MIN,
  LOCALES,
  PROJECT_STATUSES,
  PROJECT_STATUS_NAMES,
  SEARCH_PARAM_SCHEMAS,
  SEARCH_PARAMS,
  TOWN_SIZE_NAMES,
  TOWN_SIZES,
  TOWN_TYPE_NAMES,
  TOWN_TYPES,
} from '@praxis/search';
import type { z } from 'zod';
import {
  MEDIA_TYPES,
  OPEN_DATA_BASE,
  OPEN_DATA_DATASETS,
  OPEN_DATA_FILES,
  OPEN_DATA_LICENSES,
  OPEN_DATA_PUBLISHER,
  OPEN_DATA_VERSION,
  type OpenDataDataset,
} from '../../../shared/open-data';
import { localeQuery } from '../../security/request-schemas';
import { componentSchemas, jsonSchema, ref, type JsonSchema } from './json-schema';
import {
  CaseStudyAnswer,
  ErrorAnswer,
  OpenDataFile,
  OpenDataFileList,
  ProgrammeStatisticsSchema,
  SearchBadRequest,
  SearchResponse,
  Vocabulary,
} from './schemas';

export type { JsonSchema };
type RefObject = { $ref: string };
interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}
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
interface HeaderObject {
  description: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
}
interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, ExampleObject>;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | RefObject>;
  content?: Record<string, MediaTypeObject>;
}
interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated?: boolean;
  /** On an unversioned alias: the versioned path it repeats (the documentation page shows the pair as one entry). */
  'x-alias-of'?: string;
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

/** Every open-data file, `<dataset>.<format>`, from OPEN_DATA_DATASETS. */
export function openDataFileNames(): string[] {
  return Object.entries(OPEN_DATA_DATASETS).flatMap(([dataset, formats]) => formats.map((format) => `${dataset}.${format}`));
}

/** A query parameter from its zod schema: the description and example its `.meta()` carries, the rest as its schema; a list is repeated (`a=1&a=2`). */
function queryParameter(name: string, zodSchema: z.ZodType): ParameterObject {
  const { description, example, ...schema } = jsonSchema(zodSchema, 'input');
  if (typeof description !== 'string') throw new Error(`the parameter ${name} has no description`);
  return { name, in: 'query', required: false, ...(schema.type === 'array' ? { style: 'form', explode: true } : {}), description, schema, example };
}

// Realistic values from the demo content (cms/data/demo) and the NRW municipality data.
const BLOCK = { slug: 'gesundes-aufwachsen', name: 'Gesundes Aufwachsen', number: 2 };
const DUISBURG = { ags: '05112000', name: 'Duisburg', district: 'Duisburg', districtAgs: '05112', region: 'Düsseldorf' };
const TARGET_GROUPS = [
  { slug: 'kinder-3-bis-5', name: 'Kinder im Kita-Alter (3–5)' },
  { slug: 'familien-mit-zuwanderungsgeschichte', name: 'Familien mit Zuwanderungsgeschichte' },
];
const TOPICS = [
  { slug: 'sprachfoerderung', name: 'Sprachförderung' },
  { slug: 'uebergaenge', name: 'Übergänge (Kita–Schule, Schule–Beruf)' },
];
const SETTINGS = [{ slug: 'kita-familienzentrum', name: 'Kita und Familienzentrum' }];
const CRITERIA = [{ slug: 'niedrigschwelligkeit', name: 'Niedrigschwellige Arbeitsweise' }];
const SLUG_EXAMPLE = 'spielgruppe-brueckenschlag-kinder-ohne-kita-platz';
const TITLE = 'Spielgruppe Brückenschlag – Frühförderung für Kinder ohne Kita-Platz in Duisburg-Hochfeld';
const TEASER =
  'In Duisburg-Hochfeld warten viele Kinder aus neu zugewanderten Familien monatelang auf einen Kita-Platz. Die Spielgruppe Brückenschlag überbrückt diese Zeit mit Sprach- und Bewegungsangeboten.';
const DOCUMENT_ID = 'q8n3vk2c7m1xw5tz9rj4hd6b';

const HIT = {
  documentId: DOCUMENT_ID,
  slug: SLUG_EXAMPLE,
  title: TITLE,
  titleHtml: 'Spielgruppe Brückenschlag – Frühförderung für Kinder ohne <mark>Kita</mark>-Platz in Duisburg-Hochfeld',
  teaserHtml:
    'In Duisburg-Hochfeld warten viele Kinder aus neu zugewanderten Familien monatelang auf einen <mark>Kita</mark>-Platz. Die Spielgruppe Brückenschlag überbrückt diese Zeit mit Sprach- und Bewegungsangeboten.',
  buildingBlock: BLOCK,
  municipalities: [DUISBURG],
  targetGroups: TARGET_GROUPS,
  topics: TOPICS,
  status: 'verstetigt',
  fundingStart: 2022,
  fundingEnd: 2024,
  image: { url: '/uploads/small_spielgruppe_brueckenschlag_3f2a1c.jpg', alt: 'Kinder bauen mit Holzklötzen im Stadtteilbüro Hochfeld' },
};
const RELATED_HIT = {
  documentId: 'b2t7xk9m4c1pz8wq3nv6hr5d',
  slug: 'familienlotsinnen-geburtsklinik-essen',
  title: 'Willkommen im Leben – Familienlots*innen in der Geburtsklinik für den Essener Norden',
  titleHtml: 'Willkommen im Leben – Familienlots*innen in der Geburtsklinik für den Essener Norden',
  teaserHtml: 'Familienlots*innen besuchen Mütter nach der Geburt noch in der Klinik und begleiten Familien in die Angebote im Stadtteil.',
  buildingBlock: BLOCK,
  municipalities: [{ ags: '05113000', name: 'Essen', district: 'Essen', districtAgs: '05113', region: 'Düsseldorf' }],
  targetGroups: [{ slug: 'werdende-eltern', name: 'Schwangere und werdende Eltern' }],
  topics: [{ slug: 'lotsen', name: 'Lotsen, Familiencoaching und Begleitung' }],
  status: 'laufend',
  fundingStart: 2023,
  fundingEnd: null,
  image: null,
};
const emptyFacets = () => Object.fromEntries(FACET_KEYS.map((key) => [key, {}]));

const CASE_STUDY_PAGE = {
  documentId: DOCUMENT_ID,
  locale: 'de',
  slug: SLUG_EXAMPLE,
  title: TITLE,
  teaser: TEASER,
  buildingBlock: BLOCK,
  places: [{ ...DUISBURG, lat: 51.43906, lon: 6.73543, type: 'kreisfreie Stadt', population: 502211 }],
  targetGroups: TARGET_GROUPS,
  topics: TOPICS,
  settings: SETTINGS,
  criteria: CRITERIA,
  projectStatus: 'verstetigt',
  fundingStart: 2022,
  fundingEnd: 2024,
  fundingPhase: null,
  html: {
    description:
      '<p>Die Spielgruppe Brückenschlag ist ein niedrigschwelliges Brückenangebot für Kinder zwischen drei und sechs Jahren, die (noch) keinen Kita-Platz haben.</p>',
    startingSituation: '<p>Ende 2021 standen im Quartier rund 300 Kinder im Kita-Alter auf Wartelisten.</p>',
    goals: '<ul><li>Kinder ohne Kita-Platz erhalten regelmäßige, verlässliche Bildungs- und Spielerfahrungen.</li></ul>',
    approach: '<p>Zwei feste Gruppen treffen sich jeweils an vier Vormittagen für drei Stunden.</p>',
    results: '<ul><li>In drei Jahren besuchten <strong>rund 140 Kinder</strong> die Spielgruppe.</li></ul>',
    afterFunding: '<p>Das Jugendamt der Stadt Duisburg hat die Spielgruppe als Regelangebot übernommen.</p>',
  },
  transferability: {
    staffFte: 2.5,
    budgetRange: '100000-250000',
    durationMonths: 36,
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
  images: [
    {
      url: '/uploads/spielgruppe_brueckenschlag_3f2a1c.jpg',
      alt: 'Kinder bauen mit Holzklötzen im Stadtteilbüro Hochfeld',
      caption: 'Freispiel am Vormittag',
      credit: 'Kinderbrücke Rhein-Ruhr e. V.',
      width: 1600,
      height: 1067,
    },
  ],
  lastReviewed: '2025-11-14',
  publishedAt: '2025-11-20T09:12:44.000Z',
  updatedAt: '2025-11-20T09:12:44.000Z',
  slugs: { de: SLUG_EXAMPLE, en: 'bridging-playgroup-children-without-nursery-place' },
};

const OPEN_DATA_CASE_STUDY = (siteUrl: string) => ({
  documentId: DOCUMENT_ID,
  locale: 'de',
  slug: SLUG_EXAMPLE,
  url: `${siteUrl}/praxisbeispiele/${SLUG_EXAMPLE}`,
  title: TITLE,
  teaser: TEASER,
  buildingBlock: BLOCK,
  municipalities: [DUISBURG],
  districts: [{ ags: '05112', name: 'Duisburg' }],
  regions: ['Düsseldorf'],
  townTypes: ['kreisfreie-stadt'],
  townSizes: ['ueber-500000'],
  targetGroups: TARGET_GROUPS,
  topics: TOPICS,
  settings: SETTINGS,
  criteria: CRITERIA,
  status: 'verstetigt',
  fundingStart: 2022,
  fundingEnd: 2024,
  provider: 'Kinderbrücke Rhein-Ruhr e. V.',
  partners: ['Jugendamt der Stadt Duisburg'],
  description:
    'Die Spielgruppe Brückenschlag ist ein niedrigschwelliges Brückenangebot für Kinder zwischen drei und sechs Jahren, die (noch) keinen Kita-Platz haben.',
  startingSituation: 'Ende 2021 standen im Quartier rund 300 Kinder im Kita-Alter auf Wartelisten.',
  goals: 'Kinder ohne Kita-Platz erhalten regelmäßige, verlässliche Bildungs- und Spielerfahrungen.',
  approach: 'Zwei feste Gruppen treffen sich jeweils an vier Vormittagen für drei Stunden.',
  results: 'In drei Jahren besuchten rund 140 Kinder die Spielgruppe.',
  transferability: `${CASE_STUDY_PAGE.transferability.partnersNeeded} Wartelisten auswerten und den Bedarf im Quartier mit dem Jugendamt klären.`,
  staffFte: CASE_STUDY_PAGE.transferability.staffFte,
  budgetRange: { slug: CASE_STUDY_PAGE.transferability.budgetRange, name: budgetRangeName(CASE_STUDY_PAGE.transferability.budgetRange, 'de') },
  durationMonths: CASE_STUDY_PAGE.transferability.durationMonths,
  partnersNeeded: CASE_STUDY_PAGE.transferability.partnersNeeded,
  firstSteps: 'Wartelisten auswerten und den Bedarf im Quartier mit dem Jugendamt klären.',
  successFactors: CASE_STUDY_PAGE.successFactors,
  pitfalls: CASE_STUDY_PAGE.pitfalls,
  afterFunding: 'Das Jugendamt der Stadt Duisburg hat die Spielgruppe als Regelangebot übernommen.',
  contact: { organisation: CASE_STUDY_PAGE.contact.organisation, email: CASE_STUDY_PAGE.contact.email },
  lastReviewed: '2025-11-14',
  publishedAt: '2025-11-20T09:12:44.000Z',
  updatedAt: '2025-11-20T09:12:44.000Z',
});

const jsonContent = (schema: JsonSchema, examples: Record<string, ExampleObject>): Record<string, MediaTypeObject> => ({
  'application/json': { schema, examples },
});
const shared = (name: string): RefObject => ({ $ref: `#/components/responses/${name}` });
const COMMON_ERRORS = { 429: shared('TooManyRequests'), '5XX': shared('ServerError') };
const localeParameter: RefObject = { $ref: '#/components/parameters/Locale' };
const noCache: RefObject = { $ref: '#/components/headers/CacheControl' };

/**
 * The versioned operation and its unversioned alias (the same handler); `aliasDiffers` replaces
 * what the alias answers differently (only the case study's: a 200 instead of a 404).
 */
function withAlias(
  versioned: string,
  alias: string,
  operation: OperationObject,
  aliasDiffers: Pick<Partial<OperationObject>, 'description' | 'responses'> = {},
): Record<string, { get: OperationObject }> {
  return {
    [versioned]: { get: operation },
    [alias]: {
      get: {
        ...operation,
        operationId: `${operation.operationId}Unversioned`,
        summary: `${operation.summary} (unversioned alias)`,
        description:
          `The unversioned alias of \`GET ${versioned}\`: the same operation, parameters and answers (the site's own pages use it). ` +
          `New clients should prefer the versioned address.\n\n${aliasDiffers.description ?? operation.description}`,
        deprecated: false,
        'x-alias-of': versioned,
        ...(aliasDiffers.responses ? { responses: aliasDiffers.responses } : {}),
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
    dataset,
    schemaVersion: OPEN_DATA_VERSION,
    license: fileLicense,
    publisher: OPEN_DATA_PUBLISHER,
    source: siteUrl,
    generatedAt: '2026-03-02T08:15:03.412Z',
  });
  const licenseLabel = `"${license.name.replaceAll('"', '""')}, ${license.url}"`;

  const search: OperationObject = {
    operationId: 'searchCaseStudies',
    summary: 'Search the case studies',
    description:
      'Full-text search and filters over the published case studies of one language, with facet counts. ' +
      "Values of one filter parameter are OR-ed, different parameters AND-ed; each filter's counts leave out its own selection. " +
      'Every parameter is checked: an unknown parameter, a single-valued one given twice, a malformed or unknown value, a year outside ' +
      `${FUNDING_YEAR_MIN}–${FUNDING_YEAR_MAX}, \`fundingTo\` before \`fundingFrom\`, an oversized parameter or a page beyond the last is a 400 naming each problem.`,
    tags: ['Search'],
    parameters: SEARCH_PARAMS.map((name) => queryParameter(name, SEARCH_PARAM_SCHEMAS[name])),
    responses: {
      200: {
        description:
          'The page of hits, the total, the facet counts; when nothing matched, the relaxations and a suggested spelling; when the search names one town, its alternatives ("Kommunen wie meine").',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref(SearchResponse), {
          found: {
            summary: 'q=Kita&topic=sprachfoerderung',
            value: {
              hits: [HIT],
              total: 1,
              page: 1,
              pageSize: DEFAULT_PAGE_SIZE,
              pageCount: 1,
              facets: {
                ...emptyFacets(),
                buildingBlock: { 'gesundes-aufwachsen': 1 },
                region: { Düsseldorf: 1 },
                district: { '05112': 1 },
                municipality: { '05112000': 1 },
                townType: { 'kreisfreie-stadt': 1 },
                townSize: { 'ueber-500000': 1 },
                targetGroup: { 'kinder-3-bis-5': 1, 'familien-mit-zuwanderungsgeschichte': 1 },
                topic: { sprachfoerderung: 1, uebergaenge: 1, elternbildung: 2 },
                setting: { 'kita-familienzentrum': 1 },
                criterion: { niedrigschwelligkeit: 1 },
                status: { verstetigt: 1 },
                fundingStart: { 2022: 1 },
              },
              relaxations: [],
              didYouMean: null,
              townAlternatives: null,
            },
          },
          nothingFound: {
            summary: 'q=Kita&district=05978&status=abgeschlossen',
            value: {
              hits: [],
              total: 0,
              page: 1,
              pageSize: DEFAULT_PAGE_SIZE,
              pageCount: 0,
              facets: emptyFacets(),
              relaxations: [
                { constraint: 'status', total: 2 },
                { constraint: 'district', total: 1 },
                { constraint: 'q', total: 0 },
              ],
              didYouMean: null,
              townAlternatives: null,
            },
          },
          townWithoutHits: {
            summary: 'buildingBlock=gesundes-aufwachsen&municipality=05766028 (Extertal)',
            value: {
              hits: [],
              total: 0,
              page: 1,
              pageSize: DEFAULT_PAGE_SIZE,
              pageCount: 0,
              facets: emptyFacets(),
              relaxations: [
                { constraint: 'municipality', total: 21 },
                { constraint: 'buildingBlock', total: 0 },
              ],
              didYouMean: null,
              townAlternatives: {
                town: '05766028',
                alternatives: [
                  { kind: 'district', query: 'buildingBlock=gesundes-aufwachsen&district=05766', total: 1 },
                  { kind: 'nearby', query: 'buildingBlock=gesundes-aufwachsen&near=05766028&radius=25', total: 1 },
                  { kind: 'similar', query: 'buildingBlock=gesundes-aufwachsen&townType=gemeinde&townSize=unter-20000', total: 1 },
                ],
              },
            },
          },
          misspelt: {
            summary: 'q=Gewalltprevenzion',
            value: {
              hits: [],
              total: 0,
              page: 1,
              pageSize: DEFAULT_PAGE_SIZE,
              pageCount: 0,
              facets: emptyFacets(),
              relaxations: [{ constraint: 'q', total: 42 }],
              didYouMean: { q: 'Gewaltprävention', total: 1 },
              townAlternatives: null,
            },
          },
        }),
      },
      400: {
        description: 'The parameters were refused; every problem is named.',
        content: jsonContent(ref(SearchBadRequest), {
          malformed: {
            summary: 'district=5978&pageSize=100',
            value: {
              error: 'district: "5978" must be a 5-digit Kreis AGS such as 05978; pageSize: "100" must be at most 50 results per page',
              problems: [
                { param: 'district', message: '"5978" must be a 5-digit Kreis AGS such as 05978' },
                { param: 'pageSize', message: '"100" must be at most 50 results per page' },
              ],
            },
          },
          unknown: { summary: 'foo=1', value: { error: 'foo: is not a search parameter', problems: [{ param: 'foo', message: 'is not a search parameter' }] } },
        }),
      },
      ...COMMON_ERRORS,
    },
  };

  const caseStudyFound = {
    found: {
      summary: 'Published in the language asked for',
      value: {
        kind: 'found',
        caseStudy: CASE_STUDY_PAGE,
        related: [RELATED_HIT],
        similarTowns: [
          { ags: '05113000', name: 'Essen', count: 3 },
          { ags: '05124000', name: 'Wuppertal', count: 2 },
        ],
        transfers: [
          {
            town: 'Bielefeld',
            ags: '05711000',
            since: 2024,
            text: 'Die Lotsinnen an zwei Geburtskliniken, mit Hebammen statt Sozialarbeiterinnen.',
            locale: 'de',
          },
        ],
      },
    },
    translated: { summary: 'An English slug asked for in German', value: { kind: 'translated', slug: 'familienlotsinnen-geburtsklinik-essen' } },
    otherLanguageOnly: {
      summary: 'Only published in German',
      value: { kind: 'other-language-only', locale: 'de', slug: 'sprechstunde-am-buedchen-wuppertal' },
    },
    moved: { summary: 'Renamed', value: { kind: 'moved', slug: SLUG_EXAMPLE } },
  };
  const caseStudyAnswers = (examples: Record<string, ExampleObject>): ResponseObject => ({
    description: 'The case study, or where it lives instead.',
    headers: { 'Cache-Control': noCache },
    content: jsonContent(ref(CaseStudyAnswer), examples),
  });
  const caseStudy: OperationObject = {
    operationId: 'getCaseStudy',
    summary: 'A case study by its slug',
    description:
      'A published case study with related case studies and similar towns, or where it is instead: `kind` says which. ' +
      'A slug that is nowhere (no case study, no translation, no earlier name) is a 404 with a JSON problem body; a bad `locale` is a 400.',
    tags: ['Case studies'],
    parameters: [
      {
        name: 'slug',
        in: 'path',
        required: true,
        description: "The case study's slug in the language asked for.",
        schema: { type: 'string' },
        example: SLUG_EXAMPLE,
      },
      localeParameter,
    ],
    responses: {
      200: caseStudyAnswers(caseStudyFound),
      400: shared('BadRequest'),
      404: {
        description: 'No published case study has this slug, in any language or under an earlier name.',
        content: jsonContent(ref(ErrorAnswer), {
          unknownSlug: {
            summary: 'An unknown slug',
            value: {
              error: true,
              url: `${siteUrl}/api/v1/case-studies/gibt-es-nicht?locale=de`,
              statusCode: 404,
              statusMessage: 'Not Found',
              message: 'no published case study has this slug, in any language or under an earlier name',
            },
          },
        }),
      },
      ...COMMON_ERRORS,
    },
  };
  // The site's own pages read the alias and show their 404 page for `{"kind":"missing"}`.
  const caseStudyAlias = {
    description:
      'A published case study with related case studies and similar towns, or where it is instead: `kind` says which. ' +
      'Unlike `/api/v1/`, every slug gets a 200: one that is nowhere answers `{"kind":"missing"}`. Only a bad `locale` is a 400.',
    responses: {
      200: caseStudyAnswers({ ...caseStudyFound, missing: { summary: 'No such case study', value: { kind: 'missing' } } }),
      400: shared('BadRequest'),
      ...COMMON_ERRORS,
    },
  };

  const vocabulary: OperationObject = {
    operationId: 'getVocabulary',
    summary: 'Names of every filter value',
    description:
      'The Bausteine, target groups, topics, settings, criteria, statuses, Gemeindetypen and Einwohnerzahl classes with their names in one language, ' +
      'and the Regierungsbezirke, Kreise and municipalities of NRW: the values the search accepts and its facet counts use.',
    tags: ['Vocabulary'],
    parameters: [localeParameter],
    responses: {
      200: {
        description: 'The vocabulary.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref(Vocabulary), {
          de: {
            summary: 'German (shortened)',
            value: {
              buildingBlocks: [{ slug: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft – Bezugspersonen im Quartier', number: 1 }, BLOCK],
              targetGroups: TARGET_GROUPS,
              topics: TOPICS,
              settings: SETTINGS,
              criteria: CRITERIA,
              statuses: PROJECT_STATUSES.map((slug) => ({ slug, name: PROJECT_STATUS_NAMES[slug].de })),
              townTypes: TOWN_TYPES.map((slug) => ({ slug, name: TOWN_TYPE_NAMES[slug].de })),
              townSizes: TOWN_SIZES.map((slug) => ({ slug, name: TOWN_SIZE_NAMES[slug].de })),
              regions: ['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster'],
              districts: [
                { ags: '05112', name: 'Duisburg', region: 'Düsseldorf' },
                { ags: '05978', name: 'Kreis Unna', region: 'Arnsberg' },
              ],
              towns: [
                {
                  ags: '05112000',
                  name: 'Duisburg',
                  districtAgs: '05112',
                  region: 'Düsseldorf',
                  type: 'kreisfreie-stadt',
                  size: 'ueber-500000',
                  lat: 51.43906,
                  lon: 6.73543,
                },
                {
                  ags: '05978024',
                  name: 'Lünen',
                  districtAgs: '05978',
                  region: 'Arnsberg',
                  type: 'kreisangehoerige-stadt',
                  size: '50000-100000',
                  lat: 51.61119,
                  lon: 7.50945,
                },
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
    description:
      'How many case studies are published in a language, how they spread over Bausteine, regions, Kreise, towns, target groups, topics, settings, statuses ' +
      'and funding years, and per Baustein how many were continued after the funding.',
    tags: ['Statistics'],
    parameters: [localeParameter],
    responses: {
      200: {
        description: 'The figures.',
        headers: { 'Cache-Control': noCache },
        content: jsonContent(ref(ProgrammeStatisticsSchema), {
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
              transfers: {
                transfers: 4,
                towns: 4,
                caseStudies: 3,
                top: [
                  { slug: 'familienlotsinnen-geburtsklinik-essen', title: 'Familienlotsinnen in der Geburtsklinik', towns: 2 },
                  { slug: 'sprechstunde-am-buedchen-wuppertal', title: 'Sprechstunde am Büdchen', towns: 1 },
                ],
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
    description: "Every open-data download with its address and media type, the files' schema version, licence and publisher.",
    tags: ['Open data'],
    responses: {
      200: {
        description: 'The files.',
        content: jsonContent(ref(OpenDataFileList), {
          files: {
            summary: 'Every file',
            value: {
              schemaVersion: OPEN_DATA_VERSION,
              publisher: OPEN_DATA_PUBLISHER,
              license: fileLicense,
              files: OPEN_DATA_FILES.map((file) => ({ ...file, url: `${siteUrl}${file.path}` })),
            },
          },
        }),
      },
      ...COMMON_ERRORS,
    },
  };

  const openDataFile: OperationObject = {
    operationId: 'getOpenDataFile',
    summary: 'An open-data file',
    description:
      'A download, streamed and always current: the published case studies of both languages (or of `locale`), the municipalities and Kreise of NRW, or the vocabularies. ' +
      'JSON files start with what the file is (dataset, schema version, licence, publisher, source, time) and carry the records in `data`. ' +
      'CSV files are UTF-8 with a byte-order mark, comma-separated with CRLF line ends, lists joined with " | ", the licence in a last column; ' +
      'the Excel file has the case studies in one sheet and the licence in another. The licence is also in the `Link` header.',
    tags: ['Open data'],
    parameters: [
      {
        name: 'file',
        in: 'path',
        required: true,
        schema: { type: 'string', enum: fileNames },
        example: 'case-studies.json',
        description: '`<dataset>.<format>`; any other name is a 404 that lists the files.',
      },
      {
        name: 'locale',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: [...LOCALES] },
        example: 'de',
        description: 'Only for `case-studies.*`: the case studies of one language (absent: both). On any other file it is a 400.',
      },
    ],
    responses: {
      200: {
        description: 'The file; its media type follows its format.',
        headers: {
          Link: { $ref: '#/components/headers/LicenseLink' },
          'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' },
          'Cache-Control': noCache,
        },
        content: {
          [MEDIA_TYPES.json]: {
            schema: ref(OpenDataFile),
            examples: {
              caseStudies: {
                summary: 'case-studies.json?locale=de (one record shown)',
                value: { ...fileHead('case-studies'), data: [OPEN_DATA_CASE_STUDY(siteUrl)] },
              },
              municipalities: {
                summary: 'municipalities.json (one row shown)',
                value: {
                  ...fileHead('municipalities'),
                  data: [
                    {
                      ags: '05978024',
                      name: 'Lünen',
                      districtAgs: '05978',
                      districtName: 'Kreis Unna',
                      region: 'Arnsberg',
                      townType: 'kreisangehoerige-stadt',
                      townTypeName: TOWN_TYPE_NAMES['kreisangehoerige-stadt'].de,
                      townSize: '50000-100000',
                      townSizeName: TOWN_SIZE_NAMES['50000-100000'].de,
                      lat: 51.61119,
                      lon: 7.50945,
                    },
                  ],
                },
              },
              districts: {
                summary: 'districts.json (two rows shown)',
                value: {
                  ...fileHead('districts'),
                  data: [
                    { ags: '05112', name: 'Duisburg', region: 'Düsseldorf' },
                    { ags: '05978', name: 'Kreis Unna', region: 'Arnsberg' },
                  ],
                },
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
            examples: {
              districts: {
                summary: 'districts.csv (two rows shown, without the byte-order mark)',
                value: `ags,name,region,license\r\n05112,Duisburg,Düsseldorf,${licenseLabel}\r\n05978,Kreis Unna,Arnsberg,${licenseLabel}\r\n`,
              },
            },
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
        headers: {
          'Cache-Control': { description: 'Kept for five minutes.', schema: { type: 'string', const: 'public, max-age=300' }, example: 'public, max-age=300' },
        },
        content: jsonContent(
          {
            type: 'object',
            required: ['openapi', 'info', 'paths'],
            properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
          },
          {
            document: { summary: 'Shortened', value: { openapi: '3.1.0', info: { title: TITLE_OF_API, version: OPEN_DATA_VERSION }, paths: {} } },
          },
        ),
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
      description:
        'The public, read-only API of the Praxisdatenbank: searching the published good-practice case studies of the NRW programme ' +
        '"Zusammen im Quartier – Kinder stärken – Zukunft sichern", reading one with its related case studies, the vocabulary of the filters, ' +
        "the programme's figures and the open-data downloads. No key is needed. Requests per minute and client are limited (429 with `Retry-After` beyond). " +
        `The addresses under \`/api/v1/\` are versioned (an unknown version of the open data, such as \`/api/v2/open-data/…\`, is a 404); ` +
        'the unversioned ones the site itself uses answer the same. The data is under the licence named here.',
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
      ...withAlias('/api/v1/case-studies/{slug}', '/api/case-studies/{slug}', caseStudy, caseStudyAlias),
      ...withAlias('/api/v1/vocabulary', '/api/vocabulary', vocabulary),
      ...withAlias('/api/v1/statistics', '/api/statistics', statistics),
      [OPEN_DATA_BASE]: { get: openDataList },
      [`${OPEN_DATA_BASE}/{file}`]: { get: openDataFile },
      '/api/openapi.json': { get: openApi },
    },
    components: {
      schemas: componentSchemas(),
      parameters: {
        Locale: queryParameter('locale', localeQuery.shape.locale.meta({ description: 'Language of the answer.', example: DEFAULT_LOCALE })),
      },
      headers: {
        CacheControl: { description: 'Ask again each time: the answer follows every publication.', schema: { type: 'string' }, example: 'no-cache' },
        LicenseLink: { description: 'The licence of the data.', required: true, schema: { type: 'string' }, example: `<${license.url}>; rel="license"` },
        ContentDisposition: {
          description: 'A download, named `praxisdatenbank-<dataset>[-<locale>]-v<schemaVersion>.<format>`.',
          required: true,
          schema: { type: 'string', pattern: '^attachment; filename="praxisdatenbank-[a-z-]+-v\\d+\\.\\d+\\.\\d+\\.[a-z]+"$' },
          example: `attachment; filename="praxisdatenbank-case-studies-de-v${OPEN_DATA_VERSION}.json"`,
        },
        RetryAfter: { description: 'Seconds until requests are accepted again.', schema: { type: 'integer', minimum: 1 }, example: 42 },
      },
      responses: {
        BadRequest: {
          description: 'A query parameter was refused.',
          content: jsonContent(ref(ErrorAnswer), {
            locale: {
              summary: 'locale=fr',
              value: {
                error: true,
                url: `${siteUrl}/api/v1/vocabulary?locale=fr`,
                statusCode: 400,
                statusMessage: 'Validation Error',
                message: 'locale: Invalid option: expected one of "de"|"en"',
                data: {},
              },
            },
            noLanguages: {
              summary: 'districts.json?locale=de',
              value: {
                error: true,
                url: `${siteUrl}${OPEN_DATA_BASE}/districts.json?locale=de`,
                statusCode: 400,
                statusMessage: 'Bad Request',
                message: 'locale: districts has no languages',
              },
            },
          }),
        },
        NotFound: {
          description: 'No such file.',
          content: jsonContent(ref(ErrorAnswer), {
            unknownFile: {
              summary: 'districts.xlsx',
              value: {
                error: true,
                url: `${siteUrl}${OPEN_DATA_BASE}/districts.xlsx`,
                statusCode: 404,
                statusMessage: 'Not Found',
                message: `no open-data file "districts.xlsx"; there are ${fileNames.join(', ')}`,
              },
            },
          }),
        },
        TooManyRequests: {
          description: 'Too many requests from this client in the last minute.',
          headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
          content: jsonContent(ref(ErrorAnswer), {
            limited: {
              summary: 'Rate limit',
              value: {
                error: true,
                url: `${siteUrl}/api/v1/search`,
                statusCode: 429,
                statusMessage: 'Too Many Requests',
                message: 'At most 600 requests per minute; please try again in a minute.',
              },
            },
          }),
        },
        ServerError: {
          description: 'The CMS or the search index could not be reached, or another failure.',
          content: jsonContent(ref(ErrorAnswer), {
            failure: {
              summary: 'Unexpected failure',
              value: { error: true, url: `${siteUrl}/api/v1/search`, statusCode: 500, statusMessage: 'Server Error', message: 'Server Error' },
            },
          }),
        },
      },
    },
  };
}
