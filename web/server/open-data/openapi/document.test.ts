import { Validator } from '@seriousme/openapi-schema-validator';
import {
  BUDGET_RANGES,
  DEFAULT_PAGE_SIZE,
  FACET_KEYS,
  fieldMax,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  MAX_VALUES_PER_PARAM,
  MUNICIPALITY_AGS_PATTERN,
  parseSearchParams,
  RADII_KM,
  SEARCH_PARAMS,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  TOWN_TYPES,
} from '@praxis/search';
import { describe, expect, it } from 'vitest';
import { conformsTo, examplesConform } from './conformance';
import { OPEN_DATA_DATASETS, OPEN_DATA_LICENSES, OPEN_DATA_VERSION } from '../../../shared/open-data';
import { openApiDocument, type OpenApiDocument } from './document';

const SITE = 'https://praxisdatenbank.example';
const LICENSE = OPEN_DATA_LICENSES['DL-DE-BY-2.0']!;
const document = openApiDocument(SITE, LICENSE);

type Parameter = { name: string; in: string; description?: string; schema?: { enum?: unknown[] }; example?: unknown };
const operation = (path: string) => document.paths[path]!.get;
const parameters = (path: string) => (operation(path).parameters ?? []) as Parameter[];
type ResponseWithExamples = { content: { 'application/json': { examples: Record<string, unknown> } } };

async function openApiProblems(candidate: unknown): Promise<unknown> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(candidate) as Record<string, unknown>);
  return result.valid ? (validator.version === '3.1' ? undefined : `version ${validator.version}`) : result.errors;
}

describe('openApiDocument', () => {
  it('is a valid OpenAPI 3.1 document (and the validator refuses a broken one)', async () => {
    expect(await openApiProblems(document)).toBeUndefined();
    const broken = structuredClone(document) as Partial<OpenApiDocument>;
    delete broken.info;
    expect(await openApiProblems(broken)).toBeDefined();
    const badResponse = structuredClone(document) as unknown as { paths: Record<string, { get: { responses: unknown } }> };
    badResponse.paths['/api/v1/search']!.get.responses = { 200: { content: {} } };
    expect(await openApiProblems(badResponse)).toBeDefined();
  });

  it('is plain JSON, served as it is built', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('names the site, the schema version and the configured licence', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.info).toMatchObject({
      title: 'Praxisdatenbank „Zusammen im Quartier“ – API',
      version: OPEN_DATA_VERSION,
      license: { name: LICENSE.name, url: LICENSE.url },
    });
    expect(document.servers).toEqual([{ url: SITE }]);
  });

  it('has examples that conform to their schemas, and every schema compiles strictly', () => {
    expect(examplesConform(document)).toEqual([]);
  });

  it('finds an example that does not conform', () => {
    const broken = structuredClone(document) as unknown as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> }> } }
      >;
    };
    const examples = broken.paths['/api/v1/search']!.get.responses['200']!.content['application/json']!.examples;
    (examples.found!.value.hits as Record<string, unknown>[])[0]!.fundingStart = '2022';
    delete examples.nothingFound!.value.relaxations;
    // The alias shares the operation's examples: each problem shows under both addresses.
    expect(examplesConform(broken)).toEqual(
      ['~1api~1v1~1search', '~1api~1search'].flatMap((path) => [
        `/paths/${path}/get/responses/200/content/application~1json/examples/found: /hits/0/fundingStart must be integer,null [#/properties/fundingStart/type]`,
        `/paths/${path}/get/responses/200/content/application~1json/examples/nothingFound: / must have required property 'relaxations' [#/required]`,
      ]),
    );
  });

  it('offers exactly the open-data files of OPEN_DATA_DATASETS', () => {
    const files = Object.entries(OPEN_DATA_DATASETS).flatMap(([dataset, formats]) => formats.map((format) => `${dataset}.${format}`));
    const file = parameters('/api/v1/open-data/{file}').find((parameter) => parameter.name === 'file');
    expect(file).toMatchObject({ in: 'path', required: true });
    expect(file!.schema!.enum).toEqual(files);
    expect(files).toContain('case-studies.xlsx');
  });

  it('describes every search parameter, on the versioned address and its alias', () => {
    for (const path of ['/api/v1/search', '/api/search']) {
      const described = parameters(path);
      expect(described.map((parameter) => parameter.name)).toEqual([...SEARCH_PARAMS]);
      for (const parameter of described) {
        expect(parameter.in).toBe('query');
        expect(parameter.description, parameter.name).toMatch(/\w{3}/);
        expect(parameter.schema, parameter.name).toBeDefined();
      }
    }
    for (const key of FACET_KEYS) expect(parameters('/api/v1/search').find((parameter) => parameter.name === key)!.schema).toMatchObject({ type: 'array' });
  });

  it("takes the search parameters from the parser's zod schemas: limits, patterns, enums, defaults, and examples it accepts", () => {
    const described = parameters('/api/v1/search');
    const schemaOf = (name: string) => described.find((parameter) => parameter.name === name)!.schema;
    expect(schemaOf('q')).toEqual({ type: 'string', maxLength: MAX_QUERY_LENGTH });
    expect(schemaOf('topic')).toEqual({
      type: 'array',
      maxItems: MAX_VALUES_PER_PARAM,
      items: { type: 'string', maxLength: SLUG_MAX_LENGTH, pattern: SLUG_PATTERN.source },
    });
    expect(schemaOf('townType')).toMatchObject({ items: { enum: [...TOWN_TYPES] } });
    expect(schemaOf('municipality')).toMatchObject({ items: { pattern: MUNICIPALITY_AGS_PATTERN.source } });
    expect(schemaOf('page')).toEqual({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 });
    expect(schemaOf('pageSize')).toEqual({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE });
    const query = new URLSearchParams();
    for (const { name, example } of described) for (const value of [example].flat()) query.append(name, String(value));
    expect(schemaOf('radius')).toEqual({ type: 'string', enum: RADII_KM.map(String) });
    // The example town of `near` must be one the parser knows.
    const towns = new Map([[String(query.get('near')), { lat: 52.09124, lon: 9.09768, districtAgs: '05766', kreisfrei: false, type: null, size: null }]]);
    expect(parseSearchParams(query, { towns }).problems).toEqual([]);
  });

  it("takes the case study's limits and patterns from the catalogue", () => {
    type Properties = Record<string, Record<string, unknown> & { properties?: Properties }>;
    const propertiesOf = (name: string) => (document.components.schemas[name] as { properties: Properties }).properties;
    const page = propertiesOf('CaseStudyPage');
    expect(page.title).toMatchObject({ maxLength: fieldMax('title') });
    expect(page.teaser).toMatchObject({ maxLength: fieldMax('teaser') });
    expect(page.slug).toMatchObject({ maxLength: SLUG_MAX_LENGTH, pattern: SLUG_PATTERN.source });
    expect(page.transferability!.properties!.budgetRange).toMatchObject({ enum: [...BUDGET_RANGES, null] });
    expect(propertiesOf('Municipality').ags).toMatchObject({ pattern: MUNICIPALITY_AGS_PATTERN.source });
    expect(propertiesOf('SearchHit').title).toEqual(page.title);
    expect(propertiesOf('OpenDataCaseStudy').fundingStart).toEqual(page.fundingStart);
  });

  it('describes each unversioned alias as the same operation', () => {
    for (const [versioned, alias] of [
      ['/api/v1/search', '/api/search'],
      ['/api/v1/case-studies/{slug}', '/api/case-studies/{slug}'],
      ['/api/v1/vocabulary', '/api/vocabulary'],
      ['/api/v1/statistics', '/api/statistics'],
    ] as const) {
      const { operationId, summary: _summary, description, deprecated, 'x-alias-of': aliasOf, responses, ...rest } = operation(alias);
      const {
        operationId: versionedId,
        summary: _versionedSummary,
        description: _description,
        responses: versionedResponses,
        ...versionedRest
      } = operation(versioned);
      expect(rest).toEqual(versionedRest);
      expect(operationId).toBe(`${versionedId}Unversioned`);
      expect(deprecated).toBe(false);
      expect(aliasOf).toBe(versioned);
      expect(description).toContain('unversioned alias');
      if (!versioned.includes('case-studies')) expect(responses).toEqual(versionedResponses);
    }
  });

  it('documents the 404 of an unknown slug under /api/v1 and the 200 "missing" of the alias the site uses', () => {
    const examplesOf = (path: string, status: number) =>
      Object.keys((operation(path).responses[status] as unknown as ResponseWithExamples).content['application/json'].examples);
    expect(examplesOf('/api/v1/case-studies/{slug}', 404)).toEqual(['unknownSlug']);
    expect(examplesOf('/api/v1/case-studies/{slug}', 200)).not.toContain('missing');
    expect(examplesOf('/api/case-studies/{slug}', 200)).toContain('missing');
    expect(operation('/api/case-studies/{slug}').responses[404]).toBeUndefined();
    expect(operation('/api/v1/case-studies/{slug}').description).toContain('404');
  });

  it('checks answers against the operations: the right shapes conform, wrong ones do not', () => {
    expect(conformsTo(document, 'get', '/api/case-studies/{slug}', 200, { kind: 'missing' })).toEqual([]);
    const unknownSlug = { error: true, url: `${SITE}/api/v1/case-studies/x`, statusCode: 404, statusMessage: 'Not Found', message: 'no such slug' };
    expect(conformsTo(document, 'get', '/api/v1/case-studies/{slug}', 404, unknownSlug)).toEqual([]);
    expect(conformsTo(document, 'get', '/api/case-studies/{slug}', 404, unknownSlug)).not.toEqual([]);
    expect(conformsTo(document, 'get', '/api/case-studies/{slug}', 200, { kind: 'moved', slug: 'neuer-name' })).toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/case-studies/{slug}', 200, { kind: 'gone' })).not.toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/case-studies/{slug}', 200, { kind: 'missing', slug: 'x' })).not.toEqual([]);
    const validationError = {
      error: true,
      url: `${SITE}/api/v1/vocabulary?locale=fr`,
      statusCode: 400,
      statusMessage: 'Validation Error',
      message: 'locale: Invalid option',
      data: {},
    };
    expect(conformsTo(document, 'get', '/api/v1/vocabulary', 400, validationError)).toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/vocabulary', 400, { error: 'locale' })).not.toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/open-data/{file}', 404, { ...validationError, statusCode: 404, statusMessage: 'Not Found' })).toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/search', 503, { ...validationError, statusCode: 503, statusMessage: 'Service Unavailable' })).toEqual([]);
    expect(
      conformsTo(document, 'get', '/api/v1/search', 400, {
        error: 'q: must be at most 200 characters',
        problems: [{ param: 'q', message: 'must be at most 200 characters' }],
      }),
    ).toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/search', 400, { error: 'x', problems: [] })).not.toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/search', 418, {})).toEqual(['418 is not a documented response of GET /api/v1/search']);
    expect(conformsTo(document, 'get', '/api/v2/search', 200, {})).toEqual(['GET /api/v2/search is not described']);
    const emptySearch = {
      hits: [],
      total: 0,
      page: 1,
      pageSize: 20,
      pageCount: 0,
      facets: Object.fromEntries(FACET_KEYS.map((key) => [key, {}])),
      relaxations: [],
      didYouMean: null,
      townAlternatives: null,
    };
    expect(conformsTo(document, 'get', '/api/v1/search', 200, emptySearch)).toEqual([]);
    expect(conformsTo(document, 'get', '/api/v1/search', 200, { ...emptySearch, facets: { ...emptySearch.facets, colour: {} } })).toEqual([
      '/facets must NOT have additional properties (colour) [#/additionalProperties]',
    ]);
  });

  it('maps every case-study kind to the variant that has it', () => {
    const schemas = document.components.schemas;
    const answer = schemas.CaseStudyAnswer as { oneOf: { $ref: string }[]; discriminator: { mapping: Record<string, string> } };
    expect(Object.values(answer.discriminator.mapping).sort()).toEqual(answer.oneOf.map((variant) => variant.$ref).sort());
    for (const [kind, target] of Object.entries(answer.discriminator.mapping)) {
      const variant = schemas[target.replace('#/components/schemas/', '')] as { properties: { kind: { const: string } } };
      expect(variant.properties.kind.const).toBe(kind);
    }
  });
});
