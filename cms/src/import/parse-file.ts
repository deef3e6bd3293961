import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { columnOfHeader } from './columns';
import { rowToRecord } from './table-rows';
import { readWorksheet, type SheetText } from './workbook';

/** One record as read from the file, before validation. */
export interface RawRecord {
  /** 1-based position in the file. */
  number: number;
  /** Line (CSV) or row (Excel) where the record starts. */
  line?: number;
  value: unknown;
}

/** A file's records, and for a table (CSV, Excel) which columns its header names. */
export interface ParsedFile {
  records: RawRecord[];
  /** The field names of the table's columns; absent for JSON, whose records name their fields themselves. */
  columns?: ReadonlySet<string>;
  warnings: string[];
}

/** A file the import cannot read, said in German for editors (never a library's own words). */
export class ImportFileError extends Error {}

type Content = 'workbook' | 'old-excel' | 'text' | 'binary' | 'empty';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** What the bytes are, whatever the file's name says: an .xlsx is a ZIP (PK\x03\x04), a CSV or JSON is text. */
function contentOf(bytes: Uint8Array): Content {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'workbook';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'old-excel';
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return 'text';
  // Text has no control characters but tab, line breaks and form feed.
  const sample = bytes.subarray(0, 64 * 1024);
  return sample.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ? 'binary' : 'text';
}

/** Text in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode-Text"), else Windows-1252 (German Excel's plain "CSV"). */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const SAVE_AS_XLSX = 'Bitte die Tabelle in Excel öffnen und als „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8“ speichern.';

/**
 * Reads a JSON, CSV or Excel (.xlsx) import file into raw records; throws ImportFileError (German)
 * on unreadable input. What the content is decides, not the name: a CSV renamed .xlsx is read as
 * CSV (with a warning). An Excel file's sheet for `locale` is read (as the export names it), else its first sheet.
 */
export async function parseImportFile(fileName: string, content: Uint8Array | string, locale: string): Promise<ParsedFile> {
  const extension = extname(fileName).toLowerCase();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const kind = contentOf(bytes);
  const named = `Die Datei „${fileName}“`;
  switch (kind) {
    case 'empty':
      throw new ImportFileError(`${named} ist leer.`);
    case 'old-excel':
      throw new ImportFileError(`${named} ist im alten Excel-Format (.xls), das der Import nicht liest. ${SAVE_AS_XLSX}`);
    case 'binary':
      throw new ImportFileError(`${named} ist keine Tabelle: weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV- oder JSON-Datei. ${SAVE_AS_XLSX}`);
    case 'workbook': {
      const parsed = await parseWorkbook(fileName, bytes, locale);
      if (extension !== '.xlsx') parsed.warnings.unshift(`${named} ist eine Excel-Arbeitsmappe und wurde als solche gelesen.`);
      return parsed;
    }
    case 'text': {
      const text = typeof content === 'string' ? content : decodeText(bytes);
      const looksLikeJson = /^\uFEFF?\s*[[{]/.test(text);
      if (extension === '.json' || (extension !== '.csv' && looksLikeJson)) return parseJson(text);
      if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return parseCsv(text);
      if (extension === '.xlsx') {
        const parsed = parseCsv(text, `${named} ist keine Excel-Arbeitsmappe (.xlsx), sondern Text`);
        parsed.warnings.unshift(`${named} ist keine Excel-Arbeitsmappe, sondern Text; sie wurde als CSV gelesen.`);
        return parsed;
      }
      throw new ImportFileError(`Dateityp „${extension || fileName}“ wird nicht gelesen: bitte eine .xlsx-, .csv- oder .json-Datei.`);
    }
  }
}

async function parseWorkbook(fileName: string, content: Uint8Array, locale: string): Promise<ParsedFile> {
  let sheet: SheetText | null;
  try {
    sheet = await readWorksheet(content, locale);
  } catch {
    // exceljs and its zip reader say why in English ("Can't find end of central directory"): editors read this instead.
    throw new ImportFileError(
      `Die Datei „${fileName}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx): eine ZIP-Datei, aber beschädigt oder in einem anderen Format (etwa OpenDocument oder Word). ${SAVE_AS_XLSX}`,
    );
  }
  if (!sheet) throw new ImportFileError(`Die Datei „${fileName}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx): sie hat kein Tabellenblatt.`);
  return tableRecords(sheet);
}

/**
 * A table's rows as records: each header names a column by its German header or its field name
 * (any case); a column the import does not know is left out with a warning, and so is a table
 * without any column it knows.
 */
function tableRecords({ header, rows }: SheetText, notATable?: string): ParsedFile {
  const warnings: string[] = [];
  const columnAt: (string | undefined)[] = header.map((text) => columnOfHeader(text)?.name);
  const unknown = header.filter((text, index) => text.trim() !== '' && !columnAt[index]);
  if (columnAt.every((name) => !name)) {
    const named = header.some((text) => text.trim() !== '') ? `In der ersten Zeile steht keine Spalte, die der Import kennt` : `Die erste Zeile ist leer`;
    throw new ImportFileError(
      `${notATable ? `${notATable}. ` : ''}${named}; dort stehen die Namen der Spalten, z. B. „Titel“, „Kurzbeschreibung“, „Kommune(n)“ (die leere Vorlage hat alle).`,
    );
  }
  for (const text of unknown) warnings.push(`Die Spalte „${text.trim()}“ kennt der Import nicht; sie wurde übergangen.`);
  const seen = new Map<string, string>();
  header.forEach((text, index) => {
    const name = columnAt[index];
    if (!name) return;
    const first = seen.get(name);
    if (first !== undefined) {
      warnings.push(`Die Spalten „${first}“ und „${text.trim()}“ meinen dasselbe Feld; gelesen wird je Zeile die erste, die etwas enthält.`);
    } else seen.set(name, text.trim());
  });
  const records = rows.map(({ line, cells }, index) => {
    const row: Record<string, string> = {};
    cells.forEach((text, column) => {
      const name = columnAt[column];
      if (name && (row[name] ?? '').trim() === '') row[name] = text;
    });
    return { number: index + 1, line, value: rowToRecord(row) };
  });
  return { records, columns: new Set(columnAt.filter((name): name is string => name !== undefined)), warnings };
}

function parseJson(content: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 says where ("… (line 3 column 7)"), in English: keep the place, say the rest in German.
    const place = /line (\d+) column (\d+)/.exec((error as Error).message);
    const where = place
      ? `: Fehler in Zeile ${place[1]}, Zeichen ${place[2]}`
      : /end of JSON input/i.test((error as Error).message)
        ? ': sie endet mitten in einem Wert'
        : '';
    throw new ImportFileError(`Die Datei ist kein gültiges JSON${where}.`);
  }
  const records = Array.isArray(data) ? data : (data as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) {
    throw new ImportFileError('Eine JSON-Importdatei ist eine Liste von Datensätzen oder ein Objekt mit der Liste „records“.');
  }
  return { records: records.map((value, index) => ({ number: index + 1, value })), warnings: [] };
}

/** German spreadsheets export `;`-separated CSV, others `,`: take the one the header line uses. */
function detectDelimiter(content: string): string {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** csv-parse's complaint (English, with a code) as editors read it. */
function csvProblem(error: unknown, delimiter: string): string {
  const { code, lines, record } = error as { code?: string; lines?: number; record?: unknown[] };
  const at = lines ? ` (Zeile ${lines})` : '';
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `Zeile ${lines} hat ${record ? `${record.length} ${record.length === 1 ? 'Spalte' : 'Spalten'}` : 'mehr oder weniger Spalten'}, die Kopfzeile eine andere Zahl. Steht ein „${delimiter}“ im Text? Dann gehört der Text in Anführungszeichen.`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Ein Anführungszeichen wird nicht geschlossen${at}.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `Ein Anführungszeichen steht mitten in einem Wert${at}; Anführungszeichen im Text werden verdoppelt („"“ → „""“).`;
    default:
      return `Sie lässt sich nicht als Tabelle lesen${at}.`;
  }
}

function parseCsv(content: string, notATable?: string): ParsedFile {
  const delimiter = detectDelimiter(content);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(content, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false, info: true }) as unknown as typeof parsed;
  } catch (error) {
    throw new ImportFileError(`${notATable ? `${notATable}. ` : ''}Die Datei ist kein gültiges CSV: ${csvProblem(error, delimiter)}`);
  }
  const [head, ...body] = parsed;
  if (!head) throw new ImportFileError('Die Datei ist leer.');
  let startLine = head.info.lines + 1;
  const rows = body.map(({ record, info }) => {
    const row = { line: startLine, cells: record };
    startLine = info.lines + 1;
    return row;
  });
  return tableRecords({ header: head.record, rows: rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')) }, notATable);
}
