import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readWorksheetRows } from './workbook';
import { rowToRecord } from './table-rows';

/** One record as read from the file, before validation. */
export interface RawRecord {
  /** 1-based position in the file. */
  number: number;
  /** Line (CSV) or row (Excel) where the record starts. */
  line?: number;
  value: unknown;
}

export class ImportFileError extends Error {}

/**
 * Reads a JSON, CSV or Excel (.xlsx) import file into raw records; throws ImportFileError on
 * unreadable input. An Excel file's sheet for `locale` is read (as the export names it), else its first sheet.
 */
export async function parseImportFile(fileName: string, content: Uint8Array | string, locale: string): Promise<RawRecord[]> {
  const extension = extname(fileName).toLowerCase();
  const text = () => (typeof content === 'string' ? content : new TextDecoder().decode(content));
  if (extension === '.json') return parseJson(text());
  if (extension === '.csv') return parseCsv(text());
  if (extension === '.xlsx') return parseWorkbook(typeof content === 'string' ? Buffer.from(content, 'binary') : content, locale);
  throw new ImportFileError(`Dateityp „${extension || fileName}“ wird nicht gelesen: bitte eine .xlsx-, .csv- oder .json-Datei.`);
}

async function parseWorkbook(content: Uint8Array, locale: string): Promise<RawRecord[]> {
  const rows = await readWorksheetRows(content, locale).catch((error: unknown) => {
    throw error instanceof ImportFileError ? error : new ImportFileError(`Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx): ${(error as Error).message}`);
  });
  return rows.map(({ row, cells }, index) => ({ number: index + 1, line: row, value: rowToRecord(cells) }));
}

function parseJson(content: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`Die Datei ist kein gültiges JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(data) ? data : (data as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) {
    throw new ImportFileError('Eine JSON-Importdatei ist eine Liste von Datensätzen oder ein Objekt mit der Liste „records“.');
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
    throw new ImportFileError(`Die Datei ist kein gültiges CSV: ${(error as Error).message}`);
  }
  let startLine = 2;
  return rows.map(({ record, info }, index) => {
    const raw = { number: index + 1, line: startLine, value: rowToRecord(record) };
    startLine = info.lines + 1;
    return raw;
  });
}
