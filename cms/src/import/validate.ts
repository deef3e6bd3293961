// Checks the records of an import file and says every problem as editors read it: the row (Excel
// row, CSV line, or the record's number in JSON), the field by its German label, the bad value and
// the rule ("Zeile 3, Kurzbeschreibung: 369 Zeichen, höchstens 300"). A required column missing
// from a table is one problem, not one per row.
import type { ZodError } from 'zod';
import { CASE_STUDY_FIELDS, KNOWN_FIELDS, recordSchemaFor, type CaseStudyField, type ImportRecord } from '@praxis/search';
import { columnNamed, IMPORT_COLUMNS } from './columns';
import { resolveNames, type NameLists } from './names';
import type { RawRecord } from './parse-file';
import { slugify } from './slugify';

/** What exists in the CMS that records may refer to. */
export interface Vocabulary {
  /** The allowed values of each list (vocabularies, Kommunen, status, budget), read by code or name. */
  names: NameLists;
  /** Slugs of case studies in the import locale → their documentId. */
  slugsInLocale: Map<string, string>;
  /** Slugs of case studies in the default locale → their documentId (targets of `translationOf`). */
  defaultLocaleSlugs: Map<string, string>;
}

export interface ImportIssue {
  /** The record's number in the file (1-based); absent for a problem of the whole file (a missing column). */
  record?: number;
  /** Excel row or CSV line. */
  line?: number;
  /** Where in the record, as the machine format names it: `teaser`, `transferability.budgetRange`, `successFactors.1` (0-based). */
  field: string;
  /** The field as editors read it: the column's German header ("Kommune(n)"). */
  label: string;
  /** 1-based position of the item in a list, where that matters. */
  item?: number;
  /** The value refused, as the file has it. */
  value?: string;
  /** The rule, with the value: "369 Zeichen, höchstens 300". */
  reason: string;
  /** All of it in one sentence: "Zeile 3, Kurzbeschreibung: 369 Zeichen, höchstens 300". */
  message: string;
}

export interface ValidRecord {
  number: number;
  slug: string;
  record: ImportRecord;
}

export interface ValidationResult {
  valid: ValidRecord[];
  issues: ImportIssue[];
  warnings: string[];
  /** Records with a problem (not written). */
  invalid: number;
}

export interface ValidationOptions {
  defaultLocale: boolean;
  /** A table's columns (field names): a required one missing is reported once. Absent for JSON. */
  columns?: ReadonlySet<string>;
}

/** Where a problem's field stands among the columns (`links.1.url` with `links`); unknown ones last. */
function columnIndex(field: string): number {
  const [head, second] = field.split('.');
  const index = IMPORT_COLUMNS.findIndex((column) => column.name === `${head}.${second}` || column.name === head);
  return index === -1 ? IMPORT_COLUMNS.length : index;
}

/** "Zeile 7" (Excel row, CSV line) or, in JSON, "Datensatz 3". */
const placeOf = (record: number, line: number | undefined) => (line ? `Zeile ${line}` : `Datensatz ${record}`);

const germanNumber = (value: number) => value.toLocaleString('de-DE');

/** A value quoted for a message, cut short when long (numbers as a cell shows them: 2024, 1,5). */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value).replace('.', ',') : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** What editors read for a record's path: the column's label, which item of a list, and a link's part. */
function labelOf(path: PropertyKey[]): { label: string; item?: number; part?: string } {
  const [head, second, third] = path;
  const nested = typeof second === 'string' ? columnNamed(`${String(head)}.${second}`) : undefined;
  if (nested) return { label: nested.header };
  const column = columnNamed(String(head));
  const field = (CASE_STUDY_FIELDS as readonly CaseStudyField[]).find((candidate) => candidate.name === head);
  const label = column?.header ?? field?.label?.de ?? (path.length > 0 ? path.map(String).join('.') : 'Datensatz');
  if (typeof second !== 'number') return { label };
  const part = third === 'url' ? 'Adresse' : third === 'label' ? 'Bezeichnung' : undefined;
  return { label, item: second + 1, ...(part ? { part } : {}) };
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], value);
}

/** "fehlt": the title for every record, the other required fields for one that is published. */
function missingReason(field: string): string {
  return field === 'title'
    ? 'fehlt; jedes Praxisbeispiel braucht einen Titel'
    : 'fehlt; Pflichtfeld zum Veröffentlichen (nur ein Entwurf mit „Veröffentlichen: nein“ darf es leer lassen)';
}

type ZodIssue = ZodError['issues'][number];

/** A schema problem as the rule with the value ("369 Zeichen, höchstens 300", "„abc“: ein Datum JJJJ-MM-TT"). */
function ruleOf(issue: ZodIssue, actual: unknown, record: Record<string, unknown>): { reason: string; value?: string; missing?: boolean } {
  const field = String(issue.path[0] ?? '');
  const missing = actual === undefined || actual === null || (Array.isArray(actual) && actual.length === 0 && issue.code === 'too_small');
  if (missing) return { reason: missingReason(field), missing: true };
  const value = typeof actual === 'string' || typeof actual === 'number' ? shown(actual) : undefined;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof actual === 'string')
        return { reason: `${germanNumber(actual.trim().length)} Zeichen, höchstens ${germanNumber(Number(issue.maximum))}` };
      if (issue.origin === 'array' && Array.isArray(actual))
        return { reason: `${germanNumber(actual.length)} Einträge, höchstens ${germanNumber(Number(issue.maximum))}` };
      return { reason: `„${value}“ ist zu groß: ${issue.message}`, value };
    case 'too_small':
      if (issue.origin === 'string') return { reason: field === 'title' ? 'ist leer; jedes Praxisbeispiel braucht einen Titel' : 'ist leer' };
      return { reason: `„${value}“ ist zu klein: ${issue.message}`, value };
    case 'unrecognized_keys':
      return { reason: `unbekannte Felder: ${issue.keys.map((key) => `„${key}“`).join(', ')}` };
    case 'custom':
      // The one refinement: the funding does not end before it starts.
      if (field === 'fundingEnd') return { reason: `„${value}“ liegt vor dem Förderbeginn ${shown(record.fundingStart)}`, value };
      return { reason: value === undefined ? issue.message : `„${value}“ passt nicht: ${issue.message}`, value };
    default:
      if (value === undefined)
        return { reason: `${issue.message} (ist ${Array.isArray(actual) ? 'eine Liste' : typeof actual === 'object' ? 'ein Objekt' : shown(actual)})` };
      return { reason: `„${value}“ passt nicht: ${issue.message}`, value };
  }
}

/** One problem: a record's (with its row) or the whole file's. */
function issueOf(
  where: { record?: number; line?: number },
  field: string,
  details: { item?: number; part?: string; value?: string; reason: string; label?: string },
): ImportIssue {
  const label = details.label ?? labelOf(field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key))).label;
  const place = where.record === undefined ? '' : `${placeOf(where.record, where.line)}, `;
  const item = details.item ? `, ${details.item}. Eintrag` : '';
  const part = details.part ? `${details.part} ` : '';
  // A problem of the record as a whole names no field: "Datensatz 5: muss ein Objekt … sein".
  const named = field === '(record)' ? place.replace(/, $/, '') : `${place}${label}${item}`;
  return {
    ...(where.record !== undefined ? { record: where.record } : {}),
    ...(where.line !== undefined ? { line: where.line } : {}),
    field,
    label,
    ...(details.item ? { item: details.item } : {}),
    ...(details.value !== undefined ? { value: details.value } : {}),
    reason: `${part}${details.reason}`,
    message: `${named}: ${part}${details.reason}`,
  };
}

/** A required column missing from a table, said once. */
function missingColumnIssue(field: string, rows: number, total: number): ImportIssue {
  const column = columnNamed(field)!;
  const reason =
    field === 'title'
      ? 'jede Zeile braucht einen Titel.'
      : `jede Zeile, die veröffentlicht werden soll, braucht sie (${rows === total ? 'alle' : `${rows} von ${total}`} Zeilen dieser Datei).`;
  return { field, label: column.header, reason: `Die Spalte fehlt; ${reason}`, message: `Die Spalte „${column.header}“ fehlt; ${reason}` };
}

/**
 * Checks every record against the schema and the CMS's vocabulary (names or codes) and reports
 * each problem with its row, field, value and rule. Never throws.
 */
export function validateRecords(raw: RawRecord[], vocabulary: Vocabulary, options: ValidationOptions): ValidationResult {
  const result: ValidationResult = { valid: [], issues: [], warnings: [], invalid: 0 };
  const unknownFields = new Map<string, number>();
  const seenSlugs = new Map<string, string>();
  /** Required columns the table lacks → how many rows needed them. */
  const missingColumns = new Map<string, number>();

  for (const { number, line, value } of raw) {
    const where = { record: number, line };
    const before = result.issues.length;
    let lacksColumn = false;
    const issue = (field: string, details: Parameters<typeof issueOf>[2]) => result.issues.push(issueOf(where, field, details));
    const done = (valid?: ValidRecord) => {
      if (valid && result.issues.length === before && !lacksColumn) result.valid.push(valid);
      else result.invalid += 1;
      // A row's problems from left to right, as its columns stand.
      result.issues.splice(before, Infinity, ...result.issues.slice(before).sort((a, b) => columnIndex(a.field) - columnIndex(b.field)));
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issue('(record)', { label: 'Datensatz', reason: 'muss ein Objekt mit benannten Feldern sein' });
      done();
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!KNOWN_FIELDS.has(key)) unknownFields.set(key, (unknownFields.get(key) ?? 0) + 1);
    }
    // Names (and codes) of Kommunen, vocabularies, status and budget read back to codes first.
    const named = resolveNames(value as Record<string, unknown>, vocabulary.names);
    for (const problem of named.problems) issue(problem.field, { value: problem.value, reason: problem.reason });
    const troubled = new Set(named.problems.map((problem) => problem.field));

    const parsed = recordSchemaFor(named.record).safeParse(named.record);
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) {
        const path = zodIssue.path as PropertyKey[];
        const [head, second] = path;
        const column = typeof second === 'string' ? `${String(head)}.${second}` : String(head ?? '(record)');
        if (troubled.has(column)) continue;
        const rule = ruleOf(zodIssue, valueAt(named.record, path), named.record);
        if (rule.missing && options.columns && columnNamed(column) && !options.columns.has(column)) {
          missingColumns.set(column, (missingColumns.get(column) ?? 0) + 1);
          lacksColumn = true;
          continue;
        }
        const { item, part } = labelOf(path);
        issue(path.length > 0 ? path.map(String).join('.') : '(record)', { item, part, value: rule.value, reason: rule.reason });
      }
      done();
      continue;
    }
    const record = parsed.data;
    const slug = record.slug ?? slugify(record.title);
    if (!slug) issue('slug', { reason: 'lässt sich nicht aus dem Titel bilden; bitte eine Adresse (Slug) angeben' });
    const firstUse = seenSlugs.get(slug);
    if (firstUse !== undefined) issue('slug', { value: slug, reason: `„${slug}“ hat auch ${firstUse} dieser Datei` });
    else seenSlugs.set(slug, placeOf(number, line));

    if (record.translationOf !== undefined) {
      if (options.defaultLocale)
        issue('translationOf', { value: record.translationOf, reason: 'nur beim Import einer Übersetzung (eine andere Sprache als Deutsch)' });
      const target = vocabulary.defaultLocaleSlugs.get(record.translationOf);
      if (!target) issue('translationOf', { value: record.translationOf, reason: `kein deutsches Praxisbeispiel mit der Adresse „${record.translationOf}“` });
      const owner = vocabulary.slugsInLocale.get(slug);
      if (target && owner && owner !== target) issue('slug', { value: slug, reason: `„${slug}“ gehört in dieser Sprache schon einem anderen Praxisbeispiel` });
    }
    done({ number, slug, record });
  }

  // The file's problems first: a missing column explains every row's.
  result.issues.unshift(...[...missingColumns].map(([field, rows]) => missingColumnIssue(field, rows, raw.length)));
  for (const [field, count] of unknownFields) {
    result.warnings.push(`Unbekanntes Feld „${field}“ in ${count === 1 ? 'einem Datensatz' : `${count} Datensätzen`} wurde übergangen.`);
  }
  return result;
}
