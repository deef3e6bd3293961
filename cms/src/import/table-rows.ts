// A record in the import format ↔ one row of the table form (CSV or Excel): the same columns
// (columns.ts) both ways, so that an exported file imports again unchanged. Rows are keyed by the
// column's field name; the files' headers are mapped to it when read (parse-file.ts) and written
// (workbook.ts, the CSV export).
import { IMPORT_COLUMNS } from './columns';
import { KNOWN_FIELDS, LIST_FIELDS } from '@praxis/search';
import { namedRecord, type NameLists } from './names';

export type Cell = string | number;

const NUMBER_COLUMNS = new Set(IMPORT_COLUMNS.filter((column) => column.number).map((column) => column.name));
const TRUE_WORDS = new Set(['true', 'ja', 'yes', '1', 'x', 'veröffentlichen', 'veröffentlicht']);
const FALSE_WORDS = new Set(['false', 'nein', 'no', '0', 'entwurf', 'als entwurf']);

/** A record (JSON shape) as one table row, keyed by column name, with the codes; empty fields are empty cells. */
export function recordToRow(record: Record<string, unknown>): Record<string, Cell> {
  return rowOf(record);
}

/** The same with the names editors read instead of codes (Kommunen, vocabularies, status, budget): the export's rows. */
export function recordToNamedRow(record: Record<string, unknown>, names: NameLists): Record<string, Cell> {
  return rowOf(namedRecord(record, names));
}

function rowOf(shown: Record<string, unknown>): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const { name } of IMPORT_COLUMNS) {
    const [field, child] = name.split('.', 2) as [string, string | undefined];
    const value = child ? (shown[field] as Record<string, unknown> | undefined)?.[child] : shown[field];
    if (value === undefined || value === null) row[name] = '';
    else if (field === 'links') row[name] = listCell((value as { label: string; url: string }[]).map((link) => `${link.label}|${link.url}`));
    else if (Array.isArray(value)) row[name] = listCell(value as string[]);
    else if (typeof value === 'boolean') row[name] = value ? 'ja' : 'nein';
    else row[name] = value as Cell;
  }
  return row;
}

/**
 * List items one per line. A single item containing `;` gets a final line break: a one-line
 * cell is read as `;`-separated (as hand-written CSV has it), which would split it.
 */
function listCell(items: string[]): string {
  const cell = items.join('\n');
  return items.length === 1 && cell.includes(';') ? `${cell}\n` : cell;
}

/** One table row (cells as text, keyed by column name) in the shape of a JSON record. */
export function rowToRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, rawValue] of Object.entries(row)) {
    const value = rawValue.trim();
    if (value === '') continue;
    const [field, child] = column.split('.', 2) as [string, string | undefined];
    let parsed: unknown = value;
    // Lists are split on the untrimmed cell: a final line break marks a one-item list (listCell).
    if (field === 'links') parsed = splitList(rawValue).map(parseLink);
    else if (LIST_FIELDS.has(field)) parsed = splitList(rawValue);
    else if (field === 'publish') parsed = TRUE_WORDS.has(value.toLowerCase()) ? true : FALSE_WORDS.has(value.toLowerCase()) ? false : value;
    else if (NUMBER_COLUMNS.has(column) && /^-?\d+([.,]\d+)?$/.test(value)) parsed = Number(value.replace(',', '.'));
    if (child && KNOWN_FIELDS.has(field)) {
      const parent = (record[field] ??= {}) as Record<string, unknown>;
      parent[child] = parsed;
    } else {
      record[column] = parsed;
    }
  }
  return record;
}

/** List items are one per line in a cell (what the export writes); a one-line cell may separate them with `;`. */
function splitList(value: string): string[] {
  return value
    .split(/\r?\n/.test(value) ? /\r?\n/ : ';')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A link is `Label|https://…` or just the URL. */
function parseLink(item: string): { label: string; url: string } {
  const separator = item.lastIndexOf('|');
  if (separator === -1) return { label: item, url: item };
  return { label: item.slice(0, separator).trim(), url: item.slice(separator + 1).trim() };
}
