// A streaming .xlsx (SpreadsheetML) writer: the rows are turned into XML and deflated as the
// consumer reads, so a workbook of 10,000 long rows never sits in memory as a whole.
// Strings are written inline (t="inlineStr"): a shared-strings table would need every row first.
import { Readable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import type { Cell } from './spreadsheet';
import { escapeXml } from './xml';

export interface XlsxSheet {
  /** Made acceptable to Excel (forbidden characters, 31 characters, unique in the workbook). */
  name: string;
  /** The first row, bold and frozen. */
  headers: string[];
  /** Read only as fast as the workbook is consumed. */
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
  /** Width in characters per column; by default from the headers (see xlsxColumnWidth). */
  widths?: number[];
}

// Beyond this a cell makes Excel report the file as damaged.
const MAX_XLSX_TEXT_LENGTH = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

// Excel forbids these in sheet names and allows at most 31 characters.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME_LENGTH = 31;

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;

// Excel reads "_xHHHH_" in a string as an escaped character; a literal one keeps its "_" as "_x005F_".
const XSTRING_ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

// Rows are joined into text of about this many characters (small enough for V8's young
// generation), which is encoded into a reused buffer that is deflated when full: fewer, larger
// deflate calls, each of which allocates its output. Measured best for memory in the 10,000-row
// benchmark (see the report of the change).
const BATCH_CHARACTERS = 16 * 1024;
const DEFLATE_INPUT_BYTES = 64 * 1024;
const COMPRESSION_LEVEL = 6;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const STYLE_BOLD = 1;

/** Column width for content whose longest line has this many characters: a little padding, within readable limits. */
export function xlsxColumnWidth(characters: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, characters + 2));
}

/**
 * The workbook as a byte stream that reads the next rows only when its consumer wants more
 * (a Node Readable: h3's sendStream pipes it with backpressure; a web ReadableStream it would not).
 * Text is always a string cell, never a formula; null, '' and non-finite numbers are empty cells.
 * Destroying the stream (e.g. when the client goes away) ends the row iterators.
 */
export function xlsxStream(sheets: XlsxSheet[]): Readable {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
  return Readable.from(workbookChunks(sheets), { objectMode: false });
}

async function* workbookChunks(sheets: XlsxSheet[]): AsyncGenerator<Buffer> {
  const names = uniqueSheetNames(sheets.map((sheet) => sheet.name));
  let output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else output.push(chunk);
  });
  /** What the archive produced since the last call, as one chunk. */
  const produced = (): Buffer | undefined => {
    if (failure) throw failure;
    if (output.length === 0) return undefined;
    const chunk = output.length === 1 ? output[0]! : Buffer.concat(output);
    output = [];
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  };
  const input = new Uint8Array(DEFLATE_INPUT_BYTES);
  const encoder = new TextEncoder();
  /** Adds a file to the archive; its text is given piece by piece, the last with final = true. */
  const addFile = (path: string) => {
    const file = new ZipDeflate(path, { level: COMPRESSION_LEVEL });
    zip.add(file);
    let filled = 0;
    return (text: string, final: boolean) => {
      for (let rest = text; ; ) {
        const { read, written } = encoder.encodeInto(rest, input.subarray(filled));
        filled += written;
        rest = rest.slice(read);
        if (!rest && !final) return;
        // ZipDeflate copies what it is given, so the buffer can be refilled.
        file.push(input.subarray(0, filled), !rest && final);
        filled = 0;
        if (!rest) return;
      }
    };
  };

  for (const [path, xml] of packageParts(names)) addFile(path)(XML_DECLARATION + xml, true);
  for (const [index, sheet] of sheets.entries()) {
    const push = addFile(`xl/worksheets/sheet${index + 1}.xml`);
    const writer = new SheetWriter();
    let text = XML_DECLARATION + sheetStart(sheet, index === 0) + writer.row(sheet.headers, STYLE_BOLD);
    for await (const row of sheet.rows) {
      text += writer.row(row);
      if (text.length < BATCH_CHARACTERS) continue;
      push(text, false);
      text = '';
      const chunk = produced();
      if (chunk) yield chunk;
    }
    push(`${text}</sheetData></worksheet>`, true);
    const chunk = produced();
    if (chunk) yield chunk;
  }
  zip.end();
  const chunk = produced();
  if (chunk) yield chunk;
}

/** Rows of one sheet as XML, numbered from 1, with A1-style cell references. */
class SheetWriter {
  private rowNumber = 0;
  private readonly columns: string[] = [];

  row(cells: readonly Cell[], style = 0): string {
    const number = ++this.rowNumber;
    if (number > MAX_ROWS) throw new Error(`A sheet holds at most ${MAX_ROWS} rows`);
    if (cells.length > MAX_COLUMNS) throw new Error(`A sheet holds at most ${MAX_COLUMNS} columns`);
    const styleAttribute = style ? ` s="${style}"` : '';
    let xml = `<row r="${number}">`;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (cell === null || cell === undefined) continue;
      const reference = `${this.columns[column] ??= columnName(column)}${number}`;
      if (typeof cell === 'number') {
        if (Number.isFinite(cell)) xml += `<c r="${reference}"${styleAttribute}><v>${cell}</v></c>`;
        continue;
      }
      const text = xmlText(cell);
      if (text) xml += `<c r="${reference}"${styleAttribute} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    }
    return `${xml}</row>`;
  }
}

/** A, B, …, Z, AA, AB, … for a zero-based column index. */
function columnName(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** A cell's text within Excel's limits as XML character data, characters XML forbids dropped. */
function xmlText(text: string): string {
  // After escapeXml: dropping a character could form an "_xHHHH_"; entities never do.
  return escapeXml(xlsxText(text)).replace(XSTRING_ESCAPE_LIKE, '_x005F_$1');
}

function xlsxText(text: string): string {
  // Excel's line break inside a cell is LF alone; XML readers would turn CR LF into LF anyway.
  const lines = text.replace(/\r\n?/g, '\n');
  return lines.length > MAX_XLSX_TEXT_LENGTH ? lines.slice(0, MAX_XLSX_TEXT_LENGTH) : lines;
}

function safeSheetName(name: string): string {
  // Excel also refuses a name that starts or ends with an apostrophe.
  const trimEnds = (text: string) => text.replace(/^['\s]+|['\s]+$/g, '');
  const cleaned = trimEnds(trimEnds(name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ')).slice(0, MAX_SHEET_NAME_LENGTH));
  return cleaned || 'Sheet1';
}

/** Safe names, made unique (Excel compares them case-insensitively) with " (2)", " (3)", …. */
function uniqueSheetNames(requested: string[]): string[] {
  const taken = new Set<string>();
  return requested.map((name) => {
    const base = safeSheetName(name);
    let unique = base;
    for (let count = 2; taken.has(unique.toLowerCase()); count++) {
      const suffix = ` (${count})`;
      unique = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    }
    taken.add(unique.toLowerCase());
    return unique;
  });
}

/** Start of a worksheet up to its open sheetData: frozen first row, column widths. */
function sheetStart(sheet: XlsxSheet, selected: boolean): string {
  const widths = sheet.widths ?? sheet.headers.map((header) => xlsxColumnWidth(header.length));
  const cols = widths.map((width, column) => `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`).join('');
  return (
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/** Every part of the package but the worksheets, as [path, XML without declaration]. */
function packageParts(names: string[]): [string, string][] {
  const sheetOverrides = names
    .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const sheetRelationships = names
    .map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
    .join('');
  const sheetEntries = names.map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    [
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        sheetOverrides +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/core.xml',
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        '</cp:coreProperties>',
    ],
    [
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PACKAGE_REL_NS}">${sheetRelationships}` +
        `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    [
      'xl/styles.xml',
      // cellXfs: 0 normal, 1 (STYLE_BOLD) bold.
      `<styleSheet xmlns="${MAIN_NS}">` +
        '<fonts count="2">' +
        '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
        '</fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2">' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '</cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        '</styleSheet>',
    ],
  ];
}
