// The names editors read in place of codes: Kommunen as "Lemgo (Kreis Lippe)", the vocabularies,
// the project status and the budget range by their German names (the template's sheet "Werte").
// The export writes names; the import reads names or codes (the files of before, and JSON, the
// machine format, have codes), forgivingly: case, spaces and punctuation do not matter, and a
// Kommune may leave out its "(Kreis …)" where its name is unique in NRW.
import { KEYED_TAXONOMIES } from '@praxis/search';
import { IMPORT_COLUMNS, type ImportColumn, type ValueList } from './columns';
import type { ValueEntry, ValueLists } from './workbook';

/** The columns whose cells name an entry of a list (publish's "ja"/"nein" the table rows read themselves). */
export const NAMED_COLUMNS: readonly (ImportColumn & { values: ValueList })[] = IMPORT_COLUMNS.filter(
  (column): column is ImportColumn & { values: ValueList } => column.values !== undefined && column.values !== 'yesNo',
);

const normal = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
/** Letters and digits only: "Lemgo, Kreis Lippe" = "Lemgo (Kreis Lippe)", "10000 - 50000" = "10.000–50.000 €". */
const loose = (text: string) => normal(text).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Other ways of naming an entry: its aliases, and its name without what the brackets add
 * ("Jugendliche" for "Jugendliche (14–17)", "Lemgo" for "Lemgo (Kreis Lippe)"), read where unique.
 */
function aliasesOf(entry: ValueEntry): string[] {
  const bare = /^(.+?)\s*\([^)]*\)$/.exec(entry.name)?.[1];
  return [...(entry.aliases ?? []), ...(bare ? [bare] : [])];
}

/** What a cell's text names: one entry, several (ambiguous), or none. */
export type Lookup = { value: string } | { ambiguous: string[] } | { unknown: true; closest?: string };

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** One list of allowed values, looked up by code, name or alias. */
export class NameList {
  private readonly codes = new Set<string>();
  /** Each way of writing an entry, strictest first: code and name, then aliases, then letters and digits only. */
  private readonly levels: Map<string, Set<string>>[] = [new Map(), new Map(), new Map()];
  private readonly names = new Map<string, string>();

  constructor(readonly entries: readonly ValueEntry[]) {
    const add = (level: number, key: string, value: string) => {
      const map = this.levels[level]!;
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(value);
    };
    for (const entry of entries) {
      this.codes.add(entry.value);
      this.names.set(entry.value, entry.name);
      add(0, normal(entry.value), entry.value);
      add(0, normal(entry.name), entry.value);
      for (const alias of aliasesOf(entry)) add(1, normal(alias), entry.value);
      for (const text of [entry.value, entry.name, ...aliasesOf(entry)]) add(2, loose(text), entry.value);
    }
  }

  /** The entry a cell names; the code itself first, so codes always read as before. */
  lookup(text: string): Lookup {
    if (this.codes.has(text)) return { value: text };
    for (const [level, map] of this.levels.entries()) {
      const found = map.get(level === 2 ? loose(text) : normal(text));
      if (found?.size === 1) return { value: [...found][0]! };
      if (found && found.size > 1) return { ambiguous: [...found].map((value) => this.names.get(value)!) };
    }
    return { unknown: true, ...this.closest(text) };
  }

  /** The entry whose name is a slip of the keyboard away (a letter or two), if any. */
  private closest(text: string): { closest?: string } {
    const wanted = loose(text);
    // A number (a Gemeindeschlüssel) a digit off is another town, not a slip.
    if (wanted.length < 3 || /^\d+$/.test(wanted)) return {};
    let best: { distance: number; name: string } | undefined;
    for (const entry of this.entries) {
      for (const candidate of [entry.value, entry.name, ...aliasesOf(entry)].filter((name) => !/^\d+$/.test(name))) {
        const distance = editDistance(wanted, loose(candidate));
        if (!best || distance < best.distance) best = { distance, name: entry.name };
      }
    }
    return best && best.distance <= Math.max(1, Math.floor(wanted.length / 4)) ? { closest: best.name } : {};
  }

  /** The name a cell shows for a code: its name when that reads back to the code alone, else the code. */
  nameOf(code: string): string {
    const name = this.names.get(code);
    if (name === undefined) return code;
    const back = this.lookup(name);
    return 'value' in back && back.value === code ? name : code;
  }

  /** The names, in the list's order. */
  allNames(): string[] {
    return this.entries.map((entry) => entry.name);
  }
}

export type NameLists = Record<ValueList, NameList>;

export function nameLists(values: ValueLists): NameLists {
  return Object.fromEntries(Object.entries(values).map(([list, entries]) => [list, new NameList(entries)])) as NameLists;
}

/** A Kommune to show when a name is not one ("Lemgo (Kreis Lippe)": a name with its Kreis, as the list has them). */
const EXAMPLE_TOWN = '05766044';
/** At most this many allowed names are listed in a message; longer lists are in the sheet "Werte". */
const LISTED_NAMES = 12;

/** The lists that are no vocabulary, as a message says a value is none of them. */
const NOT_ONE: Partial<Record<ValueList, string>> = { statuses: 'kein Projektstatus', budgetRanges: 'kein Budgetrahmen' };

/** Why a cell's text names nothing of its list, and what it could name instead. */
function unknownReason(list: ValueList, column: ImportColumn, text: string, names: NameList, closest: string | undefined): string {
  const hint = closest ? `meinten Sie „${closest}“?` : undefined;
  if (list === 'municipalities') {
    const example = names.entries.find((entry) => entry.value === EXAMPLE_TOWN) ?? names.entries[0];
    const choose = hint ?? `bitte den Namen wählen${example ? `, z. B. „${example.name}“` : ''}`;
    return /^\d{7,8}$/.test(text) ? `Eine Kommune mit dem Gemeindeschlüssel „${text}“ gibt es nicht; ${choose}` : `„${text}“ ist keine NRW-Kommune; ${choose}`;
  }
  const all = names.allNames();
  const allowed = hint ?? (all.length <= LISTED_NAMES ? `erlaubt: ${all.join(', ')}` : `die Namen stehen im Blatt „Werte“ der Vorlage`);
  const taxonomy = KEYED_TAXONOMIES.find((entry) => entry.field === column.name);
  // The vocabularies say it as the submission form's messages do ("Das Handlungsfeld „x“ gibt es nicht").
  if (taxonomy) return `${taxonomy.entryName} „${text}“ gibt es nicht; ${allowed}`;
  return `„${text}“ ist ${NOT_ONE[list] ?? 'hier nicht erlaubt'}; ${allowed}`;
}

function ambiguousReason(list: ValueList, text: string, candidates: string[]): string {
  const choices = candidates.map((name) => `„${name}“`).join(' oder ');
  return list === 'municipalities' ? `„${text}“ gibt es in NRW mehrmals: bitte ${choices} wählen` : `„${text}“ passt auf mehrere: bitte ${choices} wählen`;
}

/** A cell's value that names nothing of its list (or several entries). */
export interface NameProblem {
  /** The column's field name (`municipalities`, `transferability.budgetRange`). */
  field: string;
  /** 1-based position in a list of several. */
  item?: number;
  value: string;
  reason: string;
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  const [head, child] = path.split('.', 2) as [string, string | undefined];
  return child ? (record[head] as Record<string, unknown> | undefined)?.[child] : record[head];
}

function setAt(record: Record<string, unknown>, path: string, value: unknown): void {
  const [head, child] = path.split('.', 2) as [string, string | undefined];
  if (!child) {
    if (value === undefined) delete record[head];
    else record[head] = value;
    return;
  }
  const parent = record[head];
  if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
    const copy = { ...(parent as Record<string, unknown>) };
    if (value === undefined) delete copy[child];
    else copy[child] = value;
    record[head] = copy;
  }
}

/**
 * A record with the names of its cells read back to codes. A value that names nothing (or several
 * entries) is a problem and left out of the record, so that the schema's check does not report it again.
 */
export function resolveNames(record: Record<string, unknown>, lists: NameLists): { record: Record<string, unknown>; problems: NameProblem[] } {
  const resolved = { ...record };
  const problems: NameProblem[] = [];
  for (const column of NAMED_COLUMNS) {
    const current = valueAt(resolved, column.name);
    if (current === undefined || current === null) continue;
    const names = lists[column.values];
    const read = (text: string, item?: number): string | undefined => {
      const found = names.lookup(text.trim());
      if ('value' in found) return found.value;
      const reason =
        'ambiguous' in found
          ? ambiguousReason(column.values, text.trim(), found.ambiguous)
          : unknownReason(column.values, column, text.trim(), names, found.closest);
      problems.push({ field: column.name, ...(item ? { item } : {}), value: text.trim(), reason });
      return undefined;
    };
    if (typeof current === 'string') setAt(resolved, column.name, read(current));
    else if (Array.isArray(current) && current.every((item) => typeof item === 'string')) {
      const items = current as string[];
      const codes = items.map((item, index) => read(item, items.length > 1 ? index + 1 : undefined));
      setAt(
        resolved,
        column.name,
        codes.filter((code): code is string => code !== undefined),
      );
    }
    // Anything else (a number, an object) is the schema's to refuse.
  }
  return { record: resolved, problems };
}

/** A record (codes) with the names editors read, for the export's cells. */
export function namedRecord(record: Record<string, unknown>, lists: NameLists): Record<string, unknown> {
  const named = { ...record };
  for (const column of NAMED_COLUMNS) {
    const current = valueAt(named, column.name);
    const names = lists[column.values];
    if (typeof current === 'string') setAt(named, column.name, names.nameOf(current));
    else if (Array.isArray(current))
      setAt(
        named,
        column.name,
        current.map((code) => (typeof code === 'string' ? names.nameOf(code) : code)),
      );
  }
  return named;
}
