import type { Readable } from 'node:stream';
import { xlsxColumnWidth, xlsxStream } from './xlsx-stream';

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

/** Excel shows a UTF-8 CSV as Windows-1252 (umlauts garbled) unless the file starts with this BOM. */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * RFC 4180 CSV for Excel: UTF-8 with BOM, CRLF line ends, a field quoted when it holds the
 * delimiter, a quote, CR or LF. Numbers are written without thousands separators, with a decimal
 * comma for ';' (what German Excel reads as a number) and a point for ','.
 */
export function toCsv(table: Table, delimiter: CsvDelimiter): string {
  return CSV_BOM + csvRow(table.headers, delimiter) + table.rows.map((row) => csvRow(row, delimiter)).join('');
}

/** One CSV record, CRLF included, as toCsv writes it: to stream a CSV, write CSV_BOM, then record after record. */
export function csvRow(row: readonly Cell[], delimiter: CsvDelimiter): string {
  return row.map((cell) => csvField(cell, delimiter)).join(delimiter) + CRLF;
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
 * An .xlsx workbook with one sheet, as a stream to send: bold, frozen header row, columns as wide
 * as their content (within limits), numbers as numbers. Text is always written as a string cell,
 * never as a formula, so no injection guard is needed here. The widths need every row first; rows
 * produced one at a time go to xlsxStream instead.
 */
export function toXlsx(table: Table, sheetName: string): Readable {
  return xlsxStream([{ name: sheetName, headers: table.headers, rows: table.rows, widths: columnWidths(table) }]);
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
    return xlsxColumnWidth(longest);
  });
}
