import type { ZodError } from 'zod';
import { importRecordSchema, KNOWN_FIELDS, type ImportRecord } from './record-schema';
import type { RawRecord } from './parse-file';
import { slugify } from './slugify';

/** What exists in the CMS that records may refer to. */
export interface Vocabulary {
  buildingBlocks: Set<string>;
  targetGroups: Set<string>;
  topics: Set<string>;
  settings: Set<string>;
  criteria: Set<string>;
  municipalities: Set<string>;
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

const REFERENCE_FIELDS = [
  ['targetGroups', 'targetGroups', 'target group'],
  ['topics', 'topics', 'topic'],
  ['settings', 'settings', 'setting'],
  ['criteria', 'criteria', 'quality criterion'],
  ['municipalities', 'municipalities', 'municipality AGS'],
] as const;

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
      issue('(record)', 'must be an object with named fields');
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!KNOWN_FIELDS.has(key)) unknownFields.set(key, (unknownFields.get(key) ?? 0) + 1);
    }
    const parsed = importRecordSchema.safeParse(value);
    if (!parsed.success) {
      for (const problem of describeZodError(parsed.error, value)) issue(problem.field, problem.reason);
      continue;
    }
    const record = parsed.data;
    const before = result.issues.length;
    if (!vocabulary.buildingBlocks.has(record.buildingBlock)) issue('buildingBlock', `unknown Baustein "${record.buildingBlock}"`);
    for (const [field, key, label] of REFERENCE_FIELDS) {
      for (const item of record[field]) {
        if (!vocabulary[key].has(item)) issue(field, `unknown ${label} "${item}"`);
      }
    }
    const slug = record.slug ?? slugify(record.title);
    if (!slug) issue('slug', 'cannot be derived from the title; give a slug');
    const firstUse = seenSlugs.get(slug);
    if (firstUse !== undefined) issue('slug', `"${slug}" is used by record ${firstUse} of this file too`);
    else seenSlugs.set(slug, number);

    if (record.translationOf !== undefined) {
      if (options.defaultLocale) issue('translationOf', 'is only allowed when importing a translation (--locale other than the default)');
      const target = vocabulary.defaultLocaleSlugs.get(record.translationOf);
      if (!target) issue('translationOf', `no case study with slug "${record.translationOf}" in the default locale`);
      const owner = vocabulary.slugsInLocale.get(slug);
      if (target && owner && owner !== target) issue('slug', `"${slug}" already belongs to another case study in this locale`);
    }
    if (result.issues.length === before) result.valid.push({ number, slug, record });
  }

  for (const [field, count] of unknownFields) {
    result.warnings.push(`Unknown field "${field}" in ${count} record${count === 1 ? '' : 's'} was ignored.`);
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
      reason: missing ? 'is required' : issue.message,
    };
  });
}
