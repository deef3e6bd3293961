// The open-data downloads (/api/v1/open-data/<dataset>.<format>): every published case study of
// both languages and the reference data, under the licence OPEN_DATA_LICENSE names, in a stable
// schema (OPEN_DATA_VERSION). Case studies are streamed a page at a time from the search index,
// which the CMS updates on every publish, so a file is always current and never held in memory.
import { Readable } from 'node:stream';
import type { H3Event } from 'h3';
import { budgetRangeName, LOCALES, publishedDocuments, townClassName, type Locale, type OpenDataDocument } from '@praxis/search';
import { z } from 'zod';
import { caseStudyPath } from '../../shared/case-study';
import {
  MEDIA_TYPES,
  OPEN_DATA_DATASETS,
  OPEN_DATA_LICENSES,
  OPEN_DATA_PUBLISHER,
  OPEN_DATA_VERSION,
  type OpenDataDataset,
  type OpenDataFormat,
  type OpenDataLicense,
} from '../../shared/open-data';
import { CSV_BOM, csvRow, type Cell } from '../exports/spreadsheet';
import { xlsxStream } from '../exports/xlsx-stream';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';
import { parseWith } from '../security/request-schemas';

/** The licence configured for the downloads; an unknown one stops the site at start (plugins/open-data-license.ts). */
export function openDataLicense(): OpenDataLicense {
  const id = useRuntimeConfig().openDataLicense;
  const license = OPEN_DATA_LICENSES[id];
  if (!license) throw new Error(`OPEN_DATA_LICENSE "${id}" is none of ${Object.keys(OPEN_DATA_LICENSES).join(', ')}`);
  return license;
}

/** What every file says about itself, first. */
function fileHead(dataset: OpenDataDataset) {
  const license = openDataLicense();
  return {
    dataset,
    schemaVersion: OPEN_DATA_VERSION,
    license: { id: license.id, name: license.name, url: license.url },
    publisher: OPEN_DATA_PUBLISHER,
    source: useRuntimeConfig().public.siteUrl,
    generatedAt: new Date().toISOString(),
  };
}

const LIST_SEPARATOR = ' | ';

/** A case study as the open data has it: ids, names and plain text, each list once as slugs and once as names. */
export function toOpenDataCaseStudy(document: OpenDataDocument, siteUrl: string) {
  const { municipalities } = document;
  // A document indexed before 1.1.0 has no `effort` until the reconciliation re-indexes it.
  const effort = document.effort ?? null;
  return {
    documentId: document.documentId,
    locale: document.locale,
    slug: document.slug,
    url: `${siteUrl}${caseStudyPath(document.locale, document.slug)}`,
    title: document.title,
    teaser: document.teaser,
    buildingBlock: document.buildingBlock,
    municipalities,
    districts: [...new Map(municipalities.map((town) => [town.districtAgs, { ags: town.districtAgs, name: town.district }])).values()],
    regions: [...new Set(municipalities.map((town) => town.region))],
    townTypes: document.townTypes,
    townSizes: document.townSizes,
    targetGroups: document.targetGroups,
    topics: document.topics,
    settings: document.settings,
    criteria: document.criteria,
    status: document.status,
    fundingStart: document.fundingStart,
    fundingEnd: document.fundingEnd,
    provider: document.provider,
    partners: document.partners,
    description: document.description,
    startingSituation: document.startingSituation,
    goals: document.goals,
    approach: document.approach,
    results: document.results,
    // Since 1.1.0 each fact apart (below); kept for 1.0 readers.
    transferability: document.transferability,
    staffFte: effort?.staffFte ?? null,
    budgetRange: effort?.budgetRange ? { slug: effort.budgetRange, name: budgetRangeName(effort.budgetRange, document.locale) } : null,
    durationMonths: effort?.durationMonths ?? null,
    partnersNeeded: effort?.partnersNeeded ?? null,
    firstSteps: effort?.firstSteps ?? '',
    successFactors: document.successFactors,
    pitfalls: document.pitfalls,
    afterFunding: document.afterFunding,
    contact: { organisation: document.contact?.organisation ?? null, email: document.contact?.email ?? null },
    lastReviewed: document.lastReviewed,
    publishedAt: new Date(document.publishedAt).toISOString(),
    updatedAt: new Date(document.updatedAt).toISOString(),
  };
}

export type OpenDataCaseStudy = ReturnType<typeof toOpenDataCaseStudy>;

const joined = (values: string[]) => values.join(LIST_SEPARATOR);
const slugs = (terms: { slug: string }[]) => joined(terms.map((term) => term.slug));
const names = (terms: { name: string }[]) => joined(terms.map((term) => term.name));

/** The columns of the CSV and Excel files: the JSON's fields, lists joined with " | ", the licence last. */
const CASE_STUDY_COLUMNS: [string, (record: OpenDataCaseStudy) => Cell][] = [
  ['documentId', (r) => r.documentId],
  ['locale', (r) => r.locale],
  ['slug', (r) => r.slug],
  ['url', (r) => r.url],
  ['title', (r) => r.title],
  ['teaser', (r) => r.teaser],
  ['buildingBlock', (r) => r.buildingBlock?.slug ?? null],
  ['buildingBlockName', (r) => r.buildingBlock?.name ?? null],
  ['municipalityAgs', (r) => joined(r.municipalities.map((town) => town.ags))],
  ['municipalityNames', (r) => names(r.municipalities)],
  ['districtAgs', (r) => joined(r.districts.map((district) => district.ags))],
  ['districtNames', (r) => names(r.districts)],
  ['regions', (r) => joined(r.regions)],
  ['townTypes', (r) => joined(r.townTypes)],
  ['townSizes', (r) => joined(r.townSizes)],
  ['targetGroups', (r) => slugs(r.targetGroups)],
  ['targetGroupNames', (r) => names(r.targetGroups)],
  ['topics', (r) => slugs(r.topics)],
  ['topicNames', (r) => names(r.topics)],
  ['settings', (r) => slugs(r.settings)],
  ['settingNames', (r) => names(r.settings)],
  ['criteria', (r) => slugs(r.criteria)],
  ['criterionNames', (r) => names(r.criteria)],
  ['status', (r) => r.status],
  ['fundingStart', (r) => r.fundingStart],
  ['fundingEnd', (r) => r.fundingEnd],
  ['provider', (r) => r.provider],
  ['partners', (r) => joined(r.partners)],
  ['description', (r) => r.description],
  ['startingSituation', (r) => r.startingSituation],
  ['goals', (r) => r.goals],
  ['approach', (r) => r.approach],
  ['results', (r) => r.results],
  ['transferability', (r) => r.transferability],
  ['staffFte', (r) => r.staffFte],
  ['budgetRange', (r) => r.budgetRange?.slug ?? null],
  ['budgetRangeName', (r) => r.budgetRange?.name ?? null],
  ['durationMonths', (r) => r.durationMonths],
  ['partnersNeeded', (r) => r.partnersNeeded],
  ['firstSteps', (r) => r.firstSteps],
  ['successFactors', (r) => joined(r.successFactors)],
  ['pitfalls', (r) => joined(r.pitfalls)],
  ['afterFunding', (r) => r.afterFunding],
  ['contactOrganisation', (r) => r.contact.organisation],
  ['contactEmail', (r) => r.contact.email],
  ['lastReviewed', (r) => r.lastReviewed],
  ['publishedAt', (r) => r.publishedAt],
  ['updatedAt', (r) => r.updatedAt],
];

// Case studies per request to the index for the Excel file (the JSON and CSV files take the search
// package's default, 250). exceljs allocates fast, so V8 collects its young generation several
// times while one page is written: the documents still waiting survive, are promoted to the old
// generation, which only a full collection frees, and the site grew with the file. Smaller pages,
// each document let go once converted, keep the growth flat (bench:open-data, 10,000 and 20,000
// case studies: the site +51 and +88 MB with whole pages of 250, +25 and +28 MB so).
const XLSX_PAGE_SIZE = 100;

/** The published case studies of the languages asked for, one at a time, read `pageSize` at a time. */
async function* caseStudies(locales: readonly Locale[], pageSize?: number): AsyncGenerator<OpenDataCaseStudy> {
  const siteUrl = useRuntimeConfig().public.siteUrl;
  for (const locale of locales) {
    for await (const page of publishedDocuments(useMeilisearch(), locale, pageSize)) {
      const documents: (OpenDataDocument | undefined)[] = page;
      for (let index = 0; index < documents.length; index++) {
        const document = documents[index]!;
        documents[index] = undefined; // let go once converted (see XLSX_PAGE_SIZE)
        yield toOpenDataCaseStudy(document, siteUrl);
      }
    }
  }
}

/** Rows of a reference dataset: plain objects whose values are cells. */
type ReferenceRows = Record<string, Cell>[];

async function referenceData(dataset: Exclude<OpenDataDataset, 'case-studies'>): Promise<ReferenceRows | Record<string, unknown>> {
  const { byLocale } = await loadVocabulary();
  const [de, en] = [byLocale.de!, byLocale.en!];
  const districtNames = new Map(de.districts.map((district) => [district.ags, district.name]));
  if (dataset === 'districts') return de.districts.map((district) => ({ ags: district.ags, name: district.name, region: district.region }));
  if (dataset === 'municipalities') {
    return de.towns.map((town) => ({
      ags: town.ags,
      name: town.name,
      districtAgs: town.districtAgs,
      districtName: districtNames.get(town.districtAgs) ?? null,
      region: town.region,
      townType: town.type,
      townTypeName: town.type ? townClassName(town.type, 'de') : null,
      townSize: town.size,
      townSizeName: town.size ? townClassName(town.size, 'de') : null,
      lat: town.lat,
      lon: town.lon,
    }));
  }
  // Taxonomies: every vocabulary with its stable slugs and the German and English names.
  const both = <Term extends { slug: string; name: string }>(german: Term[], english: Term[]) =>
    german.map((term) => ({
      ...term,
      name: { de: term.name, en: english.find((other) => other.slug === term.slug)?.name ?? term.name },
    }));
  return {
    buildingBlocks: both(de.buildingBlocks, en.buildingBlocks),
    targetGroups: both(de.targetGroups, en.targetGroups),
    topics: both(de.topics, en.topics),
    settings: both(de.settings, en.settings),
    criteria: both(de.criteria, en.criteria),
    statuses: both(de.statuses, en.statuses),
    townTypes: both(de.townTypes, en.townTypes),
    townSizes: both(de.townSizes, en.townSizes),
  };
}

async function* jsonFile(dataset: OpenDataDataset, records: AsyncIterable<unknown> | Iterable<unknown> | Record<string, unknown>): AsyncGenerator<string> {
  const head = JSON.stringify(fileHead(dataset));
  if (!(Symbol.asyncIterator in records) && !(Symbol.iterator in records)) {
    yield `${head.slice(0, -1)},"data":${JSON.stringify(records)}}\n`;
    return;
  }
  yield `${head.slice(0, -1)},"data":[`;
  let first = true;
  for await (const record of records as AsyncIterable<unknown>) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]}\n';
}

async function* csvFile<Row>(columns: [string, (row: Row) => Cell][], rows: AsyncIterable<Row> | Iterable<Row>, license: string): AsyncGenerator<string> {
  yield CSV_BOM + csvRow([...columns.map(([name]) => name), 'license'], ',');
  for await (const row of rows) yield csvRow([...columns.map(([, value]) => value(row)), license], ',');
}

async function* tableRows<Row>(columns: [string, (row: Row) => Cell][], rows: AsyncIterable<Row> | Iterable<Row>, license: string): AsyncGenerator<Cell[]> {
  for await (const row of rows) yield [...columns.map(([, value]) => value(row)), license];
}

const columnsOf = (rows: ReferenceRows): [string, (row: Record<string, Cell>) => Cell][] =>
  Object.keys(rows[0] ?? {}).map((name) => [name, (row) => row[name] ?? null]);

const fileQuery = z.object({ locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')} (or absent for both)` }).optional() });

/** `GET /api/v1/open-data/<dataset>.<format>`: a download, streamed, its licence in a `Link` header and in the file. */
export async function openDataFile(event: H3Event, file: string): Promise<Readable> {
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  const dataset = match?.[1] as OpenDataDataset | undefined;
  const format = match?.[2] as OpenDataFormat | undefined;
  if (!dataset || !format || !Object.hasOwn(OPEN_DATA_DATASETS, dataset) || !(OPEN_DATA_DATASETS[dataset] as readonly string[]).includes(format)) {
    const offered = Object.entries(OPEN_DATA_DATASETS)
      .flatMap(([name, formats]) => formats.map((each) => `${name}.${each}`))
      .join(', ');
    throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `no open-data file "${file}"; there are ${offered}` });
  }
  const { locale } = await getValidatedQuery(event, parseWith(fileQuery));
  if (locale && dataset !== 'case-studies')
    throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: `locale: ${dataset} has no languages` });
  const license = openDataLicense();
  const label = `${license.name}, ${license.url}`;
  setResponseHeaders(event, {
    'content-type': format === 'xlsx' ? MEDIA_TYPES.xlsx : `${MEDIA_TYPES[format]}; charset=utf-8`,
    'content-disposition': `attachment; filename="praxisdatenbank-${dataset}${locale ? `-${locale}` : ''}-v${OPEN_DATA_VERSION}.${format}"`,
    link: `<${license.url}>; rel="license"`,
    'cache-control': 'no-cache',
  });

  const stream = await fileStream(dataset, format, locale, label);
  // A client that goes away ends the stream, and with it the reading from the index.
  event.node.res.once('close', () => stream.destroy());
  return stream;
}

async function fileStream(dataset: OpenDataDataset, format: OpenDataFormat, locale: Locale | undefined, label: string): Promise<Readable> {
  if (dataset === 'case-studies') {
    const locales = locale ? [locale] : LOCALES;
    if (format === 'json') return Readable.from(jsonFile(dataset, caseStudies(locales)));
    if (format === 'csv') return Readable.from(csvFile(CASE_STUDY_COLUMNS, caseStudies(locales), label));
    const records = caseStudies(locales, XLSX_PAGE_SIZE);
    return xlsxStream([
      { name: 'case-studies', headers: [...CASE_STUDY_COLUMNS.map(([name]) => name), 'license'], rows: tableRows(CASE_STUDY_COLUMNS, records, label) },
      {
        name: 'license',
        headers: ['field', 'value'],
        rows: Object.entries(fileHead(dataset)).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]),
      },
    ]);
  }
  const data = await referenceData(dataset);
  if (format === 'json' || !Array.isArray(data)) return Readable.from(jsonFile(dataset, data));
  return Readable.from(csvFile(columnsOf(data), data, label));
}
