import writeXlsxFile from 'write-excel-file/node';
import type { Cell as XlsxCell, SheetData } from 'write-excel-file/node';

export type Cell = string | number | null;

/** A sheet to export: one header row, then the data rows. */
export interface Table {
  headers: string[];
  rows: Cell[][];
}

/** German Excel splits CSV at ';' (its list separator, since ',' is the decimal mark); English Excel at ','. */
export type CsvDelimiter = ';' | ',';

// Excel starts a formula with these (OWASP "CSV Injection"): a cell "=HYPERLINK(…)" from a
// submitted title would run when the export is opened. A leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

// Excel shows a UTF-8 CSV as Windows-1252 (umlauts garbled) unless the file starts with a BOM.
const BOM = '\uFEFF';
const CRLF = '\r\n';

// Beyond this a cell makes Excel report the file as damaged.
const MAX_XLSX_TEXT_LENGTH = 32_767;

// Excel forbids these in sheet names and allows at most 31 characters; write-excel-file throws on either.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME_LENGTH = 31;

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;

/**
 * RFC 4180 CSV for Excel: UTF-8 with BOM, CRLF line ends, a field quoted when it holds the
 * delimiter, a quote, CR or LF. Numbers are written without thousands separators, with a decimal
 * comma for ';' (what German Excel reads as a number) and a point for ','.
 */
export function toCsv(table: Table, delimiter: CsvDelimiter): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter));
  return BOM + lines.map((line) => line + CRLF).join('');
}

function csvField(cell: Cell, delimiter: CsvDelimiter): string {
  const text = typeof cell === 'number' ? csvNumber(cell, delimiter) : guardFormula(cell ?? '');
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvNumber(value: number, delimiter: CsvDelimiter): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return delimiter === ';' ? text.replace('.', ',') : text;
}

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * An .xlsx workbook with one sheet: bold, frozen header row, columns as wide as their content
 * (within limits), numbers as numbers. Text is always written as a string cell, never as a
 * formula, so no injection guard is needed here.
 */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const data: SheetData = [
    table.headers.map((header): XlsxCell => ({ value: xlsxText(header), type: String, fontWeight: 'bold' })),
    ...table.rows.map((row) => row.map(xlsxCell)),
  ];
  return writeXlsxFile(data, {
    sheet: safeSheetName(sheetName),
    stickyRowsCount: 1,
    columns: columnWidths(table).map((width) => ({ width })),
  }).toBuffer();
}

function xlsxCell(cell: Cell): XlsxCell {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, type: Number } : null;
  return { value: xlsxText(cell), type: String };
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

/** Width in characters of each column: its longest line, header included, within readable limits. */
function columnWidths(table: Table): number[] {
  return table.headers.map((header, column) => {
    let longest = header.length;
    for (const row of table.rows) {
      const cell = row[column];
      if (cell === null || cell === undefined) continue;
      for (const line of String(cell).split('\n')) longest = Math.max(longest, line.length);
    }
    return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, longest + 2));
  });
}
