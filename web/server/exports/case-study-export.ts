// "Herunterladen" of a search (every hit, not one page) or a Merkliste as CSV or Excel: one row per
// case study with readable headers in the page's language and the address of its detail page.
import type { Readable } from 'node:stream';
import type { H3Event } from 'h3';
import {
  BOOKMARK_PARAM,
  bookmarkedDocuments,
  budgetRangeName,
  matchingDocuments,
  parseSearchParams,
  projectStatusName,
  townClassName,
  type ExportDocument,
  type Locale,
} from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import { bookmarkIdsOf } from '../search/bookmark-ids';
import { useMeilisearch } from '../search/meilisearch';
import { loadVocabulary } from '../search/vocabulary';
import { MESSAGES } from '../site/messages';
import { type Cell, type Table, toCsv, toXlsx } from './spreadsheet';
/** A download has every hit, in the search's own order: its page does not matter; the address decides the language. */
const IGNORED_PARAMS = ['page', 'pageSize', 'locale'];

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const unique = (values: string[]) => [...new Set(values)];
const day = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** The table of an export: German or English headers, names instead of codes, one row per case study. */
export function caseStudyTable(documents: ExportDocument[], locale: Locale, siteUrl: string): Table {
  const messages = MESSAGES[locale];
  const columns = messages.export.columns;
  const names = (terms: { name: string }[]) => terms.map((term) => term.name).join('; ');
  const fields: [string, (document: ExportDocument) => Cell][] = [
    [columns.title, (d) => d.title],
    [columns.teaser, (d) => d.teaser],
    [
      columns.buildingBlock,
      (d) => (d.buildingBlock ? `${messages.home.bausteinNumber.replace('{number}', String(d.buildingBlock.number))}: ${d.buildingBlock.name}` : null),
    ],
    [columns.municipalities, (d) => d.municipalities.map((town) => town.name).join('; ')],
    [columns.districts, (d) => unique(d.municipalities.map((town) => town.district)).join('; ')],
    [columns.regions, (d) => unique(d.municipalities.map((town) => town.region)).join('; ')],
    [columns.townTypes, (d) => d.townTypes.map((code) => townClassName(code, locale)).join('; ')],
    [columns.townSizes, (d) => d.townSizes.map((code) => townClassName(code, locale)).join('; ')],
    [columns.targetGroups, (d) => names(d.targetGroups)],
    [columns.topics, (d) => names(d.topics)],
    [columns.settings, (d) => names(d.settings)],
    [columns.criteria, (d) => names(d.criteria)],
    [columns.status, (d) => (d.status ? projectStatusName(d.status, locale) : null)],
    [columns.fundingStart, (d) => d.fundingStart],
    [columns.fundingEnd, (d) => d.fundingEnd],
    [columns.provider, (d) => d.provider],
    [columns.partners, (d) => d.partners.join('; ')],
    // What it takes to do the same; `?? null`: a document indexed before these fields existed has none until re-indexed.
    [columns.staffFte, (d) => d.effort?.staffFte ?? null],
    [columns.budgetRange, (d) => (d.effort?.budgetRange ? budgetRangeName(d.effort.budgetRange, locale) : null)],
    [columns.durationMonths, (d) => d.effort?.durationMonths ?? null],
    [columns.partnersNeeded, (d) => d.effort?.partnersNeeded ?? null],
    [columns.firstSteps, (d) => d.effort?.firstSteps || null],
    [columns.successFactors, (d) => d.successFactors.join('; ')],
    [columns.pitfalls, (d) => d.pitfalls.join('; ')],
    [columns.afterFunding, (d) => d.afterFunding || null],
    [columns.contactOrganisation, (d) => d.contact?.organisation ?? null],
    [columns.contactEmail, (d) => d.contact?.email ?? null],
    [columns.lastReviewed, (d) => d.lastReviewed],
    [columns.publishedAt, (d) => day(d.publishedAt)],
    [columns.updatedAt, (d) => day(d.updatedAt)],
    [columns.url, (d) => `${siteUrl}${caseStudyPath(locale, d.slug)}`],
  ];
  return { headers: fields.map(([header]) => header), rows: documents.map((document) => fields.map(([, value]) => value(document))) };
}

/**
 * `/export.csv`, `/export.xlsx` (and under `/en/`): with the search page's parameters every case
 * study that search matches; with `ids=…` the Merkliste. Malformed parameters are a 400 naming them.
 */
export async function exportCaseStudies(event: H3Event, locale: Locale, format: ExportFormat): Promise<string | Readable> {
  const params = new URLSearchParams(getRequestURL(event).search);
  for (const name of IGNORED_PARAMS) params.delete(name);
  const messages = MESSAGES[locale].export;
  let documents: ExportDocument[];
  let fileName: string;
  if (params.has(BOOKMARK_PARAM)) {
    const others = [...params.keys()].filter((name) => name !== BOOKMARK_PARAM);
    if (others.length > 0) throw badRequest(`${BOOKMARK_PARAM} (a Merkliste) cannot be combined with search parameters (${unique(others).join(', ')})`);
    documents = await bookmarkedDocuments(useMeilisearch(), locale, bookmarkIdsOf(event));
    fileName = messages.bookmarksFile;
  } else {
    const parsed = parseSearchParams(params, (await loadVocabulary()).known);
    if (!parsed.state) throw badRequest(parsed.problems.map((problem) => `${problem.param}: ${problem.message}`).join('; '));
    documents = await matchingDocuments(useMeilisearch(), { ...parsed.state, locale });
    fileName = messages.searchFile;
  }
  const table = caseStudyTable(documents, locale, useRuntimeConfig().public.siteUrl);
  setResponseHeader(event, 'content-type', CONTENT_TYPES[format]);
  setResponseHeader(event, 'content-disposition', `attachment; filename="${fileName}-${new Date().toISOString().slice(0, 10)}.${format}"`);
  setResponseHeader(event, 'cache-control', 'no-cache');
  // German Excel splits CSV columns at semicolons, English Excel at commas.
  if (format === 'csv') return toCsv(table, locale === 'de' ? ';' : ',');
  const workbook = toXlsx(table, messages.sheet);
  // A client that goes away ends the workbook's writing.
  event.node.res.once('close', () => workbook.destroy());
  return workbook;
}

function badRequest(message: string) {
  return createError({ statusCode: 400, statusMessage: 'Bad Request', message });
}
