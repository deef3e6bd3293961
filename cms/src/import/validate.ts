import type { ZodError } from 'zod';
import { KEYED_TAXONOMIES, KNOWN_FIELDS, recordSchemaFor, type ImportRecord, type KeyedTaxonomyField } from '@praxis/search';
import type { RawRecord } from './parse-file';
import { slugify } from './slugify';

/** What exists in the CMS that records may refer to. */
export interface Vocabulary {
  /** The keys (slug or AGS) of each vocabulary's entries, per case-study relation. */
  keys: Record<KeyedTaxonomyField, Set<string>>;
  /** Slugs of case studies in the import locale → their documentId. */
  slugsInLocale: Map<string, string>;
  /** Slugs of case studies in the default locale → their documentId (targets of `translationOf`). */
  defaultLocaleSlugs: Map<string, string>;
}

export interface ImportIssue {
  record: number;
  line?: number;
  field: string;
  reason: string;
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
}

/**
 * Checks every record against the schema and the CMS's vocabulary and reports
 * each problem with its record number, field and reason. Never throws.
 */
export function validateRecords(raw: RawRecord[], vocabulary: Vocabulary, options: { defaultLocale: boolean }): ValidationResult {
  const result: ValidationResult = { valid: [], issues: [], warnings: [] };
  const unknownFields = new Map<string, number>();
  const seenSlugs = new Map<string, number>();

  for (const { number, line, value } of raw) {
    const issue = (field: string, reason: string) => result.issues.push({ record: number, line, field, reason });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issue('(record)', 'muss ein Objekt mit benannten Feldern sein');
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!KNOWN_FIELDS.has(key)) unknownFields.set(key, (unknownFields.get(key) ?? 0) + 1);
    }
    const parsed = recordSchemaFor(value).safeParse(value);
    if (!parsed.success) {
      for (const problem of describeZodError(parsed.error, value)) issue(problem.field, problem.reason);
      continue;
    }
    const record = parsed.data;
    const before = result.issues.length;
    for (const { field, entryName } of KEYED_TAXONOMIES) {
      const named: string | string[] | undefined = record[field];
      for (const item of [named ?? []].flat()) {
        if (!vocabulary.keys[field].has(item)) issue(field, `${entryName} „${item}“ gibt es nicht`);
      }
    }
    const slug = record.slug ?? slugify(record.title);
    if (!slug) issue('slug', 'lässt sich nicht aus dem Titel bilden; bitte einen Slug angeben');
    const firstUse = seenSlugs.get(slug);
    if (firstUse !== undefined) issue('slug', `„${slug}“ hat auch Datensatz ${firstUse} dieser Datei`);
    else seenSlugs.set(slug, number);

    if (record.translationOf !== undefined) {
      if (options.defaultLocale) issue('translationOf', 'nur beim Import einer Übersetzung (eine andere Sprache als Deutsch)');
      const target = vocabulary.defaultLocaleSlugs.get(record.translationOf);
      if (!target) issue('translationOf', `kein deutsches Praxisbeispiel mit dem Slug „${record.translationOf}“`);
      const owner = vocabulary.slugsInLocale.get(slug);
      if (target && owner && owner !== target) issue('slug', `„${slug}“ gehört in dieser Sprache schon einem anderen Praxisbeispiel`);
    }
    if (result.issues.length === before) result.valid.push({ number, slug, record });
  }

  for (const [field, count] of unknownFields) {
    result.warnings.push(`Unbekannte Spalte „${field}“ in ${count === 1 ? 'einem Datensatz' : `${count} Datensätzen`} wurde übergangen.`);
  }
  return result;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], value);
}

function describeZodError(error: ZodError, value: object): { field: string; reason: string }[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) == null;
    return {
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(record)',
      reason: missing ? 'fehlt (Pflichtfeld)' : issue.message,
    };
  });
}
