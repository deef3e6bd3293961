// The admin's import and export (the page "Import & Export"): the same importer as
// `npm run import` (cms/src/import), run in the CMS itself, so it also works on SQLite while the
// CMS runs. An import checks first and writes nothing; writing runs in the background with its
// progress readable, one import at a time. The Excel and CSV files are for editors: German headers
// and names instead of codes (Kommunen, vocabularies, status, budget); the import reads them, and
// the codes of older files and of JSON (the machine format).
import type { Core } from '@strapi/strapi';
import { asEditorialWork, type Actor } from '../history/actor';
import { CASE_STUDY } from '../editorial/roles';
import { IMPORT_COLUMNS } from '../import/columns';
import { exportRecords, valueLists } from '../import/export-records';
import type { ImportReport } from '../import/run-import';
import { recordToNamedRow, type Cell } from '../import/table-rows';
import { nameLists } from '../import/names';
import { buildWorkbook } from '../import/workbook';

interface Importer {
  importContent(fileName: string, content: Uint8Array, options: object): Promise<ImportReport>;
}

export interface ImportJob {
  fileName: string;
  locale: string;
  startedAt: Date;
  finishedAt: Date | null;
  done: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
}

let current: ImportJob | undefined;

export const currentImportJob = () => current ?? null;

async function locales(strapi: Core.Strapi): Promise<{ all: string[]; defaultLocale: string }> {
  const i18n = strapi.plugin('i18n').service('locales') as { getDefaultLocale(): Promise<string>; find(): Promise<{ code: string }[]> };
  const defaultLocale = await i18n.getDefaultLocale();
  const all = (await i18n.find()).map((entry) => entry.code).sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));
  return { all, defaultLocale };
}

export async function isKnownLocale(strapi: Core.Strapi, locale: string): Promise<boolean> {
  return (await locales(strapi)).all.includes(locale);
}

const importer = (strapi: Core.Strapi) => strapi.service('api::case-study.importer') as unknown as Importer;

/** The dry run: every problem and what a real import would do, nothing written. */
export function checkImport(strapi: Core.Strapi, fileName: string, content: Uint8Array, locale: string, createsOrganisations: boolean): Promise<ImportReport> {
  return importer(strapi).importContent(fileName, content, { locale, dryRun: true, createsOrganisations });
}

/**
 * Starts writing in the background; false when an import is already running. Invalid records
 * stop everything unless `validOnly` ("gültige übernehmen"); `publishing` says whether records
 * are published as the file says (Chefredaktion's choice) or arrive as drafts "Zur Prüfung".
 */
export function startImport(
  strapi: Core.Strapi,
  fileName: string,
  content: Uint8Array,
  options: { locale: string; validOnly: boolean; publishing: 'from-file' | 'for-review'; createsOrganisations: boolean; actor: Actor },
): boolean {
  if (current && !current.finishedAt) return false;
  const job: ImportJob = { fileName, locale: options.locale, startedAt: new Date(), finishedAt: null, done: 0, total: 0, report: null, error: null };
  current = job;
  // The editor who started it stands behind every change it makes (the editorial record).
  asEditorialWork(options.actor, 'import', () =>
    importer(strapi).importContent(fileName, content, {
      locale: options.locale,
      skipInvalid: options.validOnly,
      publishing: options.publishing,
      createsOrganisations: options.createsOrganisations,
      onProgress: (done: number, total: number) => Object.assign(job, { done, total }),
    }),
  )
    .then((report) => (job.report = report))
    .catch((error: unknown) => {
      job.error = (error as Error).message;
      strapi.log.error(`[import] ${fileName}: ${job.error}`);
    })
    .finally(() => (job.finishedAt = new Date()));
  return true;
}

/**
 * The case studies an admin list filter shows (its `filters` in the list's language), as
 * documentIds; throws Strapi's ValidationError for a filter it does not understand.
 */
export async function filteredDocumentIds(strapi: Core.Strapi, filters: object, locale: string): Promise<string[]> {
  const entries = (await strapi.documents(CASE_STUDY).findMany({ filters, locale, status: 'draft', fields: ['documentId'] } as never)) as {
    documentId: string;
  }[];
  return [...new Set(entries.map((entry) => entry.documentId))];
}

/** All case studies (or those of `documentIds`) of both languages, a sheet each, in the import format, with the explanations and values. */
export async function exportWorkbook(strapi: Core.Strapi, documentIds?: string[]): Promise<Buffer> {
  const { all, defaultLocale } = await locales(strapi);
  const values = await valueLists(strapi);
  const names = nameLists(values);
  const sheets = [];
  for (const locale of all)
    sheets.push({ locale, rows: (await exportRecords(strapi, locale, defaultLocale, documentIds)).map((record) => recordToNamedRow(record, names)) });
  return buildWorkbook(sheets, values);
}

/** The empty template: the same workbook without case studies. */
export async function templateWorkbook(strapi: Core.Strapi): Promise<Buffer> {
  const { all } = await locales(strapi);
  return buildWorkbook(
    all.map((locale) => ({ locale, rows: [] })),
    await valueLists(strapi),
  );
}

/** A CSV cell as German Excel reads it: a decimal with a comma ("1.5" would become the 1st of May), quoted where needed. */
const csvCell = (value: Cell) => {
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One language (all case studies, or those of `documentIds`) as CSV in the import format, as the
 * Excel sheet has it (German headers, names): `;`-separated with a byte-order mark, as German Excel opens it.
 */
export async function exportCsv(strapi: Core.Strapi, locale: string, documentIds?: string[]): Promise<string> {
  const { defaultLocale } = await locales(strapi);
  const names = nameLists(await valueLists(strapi));
  const rows = (await exportRecords(strapi, locale, defaultLocale, documentIds)).map((record) => recordToNamedRow(record, names));
  const header = IMPORT_COLUMNS.map((column) => csvCell(column.header)).join(';');
  return `\uFEFF${[header, ...rows.map((row) => IMPORT_COLUMNS.map(({ name }) => csvCell(row[name] ?? '')).join(';'))].join('\r\n')}\r\n`;
}
