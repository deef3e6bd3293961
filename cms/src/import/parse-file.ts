import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { KNOWN_FIELDS, LIST_FIELDS } from './record-schema';

/** One record as read from the file, before validation. */
export interface RawRecord {
  /** 1-based position in the file. */
  number: number;
  /** Line in the file where the record starts (CSV only). */
  line?: number;
  value: unknown;
}

export class ImportFileError extends Error {}

/** Reads a JSON or CSV import file's text into raw records; throws ImportFileError on unreadable input. */
export function parseImportFile(fileName: string, content: string): RawRecord[] {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return parseJson(content);
  if (extension === '.csv') return parseCsv(content);
  throw new ImportFileError(`Unsupported file type "${extension || fileName}": use a .json or .csv file.`);
}

function parseJson(content: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(data) ? data : (data as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) {
    throw new ImportFileError('A JSON import file must be an array of records or an object with a "records" array.');
  }
  return records.map((value, index) => ({ number: index + 1, value }));
}

/** German spreadsheets export `;`-separated CSV, others `,`: take the one the header line uses. */
function detectDelimiter(content: string): string {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

function parseCsv(content: string): RawRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(content, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim()),
      delimiter: detectDelimiter(content),
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as typeof rows;
  } catch (error) {
    throw new ImportFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  let startLine = 2;
  return rows.map(({ record, info }, index) => {
    const raw = { number: index + 1, line: startLine, value: csvRowToRecord(record) };
    startLine = info.lines + 1;
    return raw;
  });
}

const NUMBER_FIELDS = new Set(['fundingStart', 'fundingEnd', 'staffFte', 'transferability.durationMonths']);
const TRUE_WORDS = new Set(['true', 'ja', 'yes', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'nein', 'no', '0']);

/** Turns a CSV row of strings into the shape of a JSON record. */
export function csvRowToRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, rawValue] of Object.entries(row)) {
    const value = rawValue.trim();
    if (value === '') continue;
    const [field, child] = column.split('.', 2) as [string, string | undefined];
    let parsed: unknown = value;
    if (field === 'links') parsed = splitList(value).map(parseLink);
    else if (LIST_FIELDS.has(field)) parsed = splitList(value);
    else if (field === 'publish') parsed = TRUE_WORDS.has(value.toLowerCase()) ? true : FALSE_WORDS.has(value.toLowerCase()) ? false : value;
    else if (NUMBER_FIELDS.has(column) && /^-?\d+([.,]\d+)?$/.test(value)) parsed = Number(value.replace(',', '.'));
    if (child && KNOWN_FIELDS.has(field)) {
      const parent = (record[field] ??= {}) as Record<string, unknown>;
      parent[child] = parsed;
    } else {
      record[column] = parsed;
    }
  }
  return record;
}

function splitList(value: string): string[] {
  return value.split(';').map((item) => item.trim()).filter(Boolean);
}

/** A CSV link is `Label|https://…` or just the URL. */
function parseLink(item: string): { label: string; url: string } {
  const separator = item.lastIndexOf('|');
  if (separator === -1) return { label: item, url: item };
  return { label: item.slice(0, separator).trim(), url: item.slice(separator + 1).trim() };
}
