// A record of the import format ↔ the case study as the CMS stores it, field by field from the
// catalogue (@praxis/search, catalogue/fields.ts): each field with an import column is read from and
// written to where the CMS keeps it (`staffFte` of the record is `transferability.staffFte` in the
// CMS, `status` is `projectStatus`). A new field in the catalogue with a column maps both ways
// without a line here; a new kind of field needs its case below.
import { CASE_STUDY_FIELDS, cmsPathOf, taxonomyOfField, type CaseStudyField, type TaxonomyField } from '@praxis/search';

/** The catalogue's fields that the import and the CMS both know (not `translationOf` and `publish`, which only the import has). */
export const STORED_RECORD_FIELDS: readonly CaseStudyField[] = (CASE_STUDY_FIELDS as readonly CaseStudyField[]).filter(
  (field) => field.column && cmsPathOf(field) !== null,
);

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function valueAt(object: Record<string, unknown> | undefined, path: string): unknown {
  const [head, child] = path.split('.', 2) as [string, string | undefined];
  const value = object?.[head];
  return child ? (value as Record<string, unknown> | null | undefined)?.[child] : value;
}

/** Sets `path` (one level of component at most); a component's object appears with its first value. */
function setAt(object: Record<string, unknown>, path: string, value: unknown): void {
  const [head, child] = path.split('.', 2) as [string, string | undefined];
  if (child) ((object[head] ??= {}) as Record<string, unknown>)[child] = value;
  else object[head] = value;
}

/** What a vocabulary's entry is named by in a record (slug, AGS, or the organisation's name). */
const keyOf = (field: CaseStudyField) => taxonomyOfField(field.name as TaxonomyField).key;

/** A stored value (relations populated with their key) as the record writes it. */
function toRecordValue(field: CaseStudyField, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  switch (field.kind) {
    case 'relation':
      return (value as Record<string, unknown>)[keyOf(field)];
    case 'relations':
      return (value as Record<string, unknown>[]).map((entry) => entry[keyOf(field)]);
    case 'lines':
      return (value as { text: string }[]).map((entry) => entry.text);
    case 'links':
      return (value as { label: string; url: string }[]).map(({ label, url }) => ({ label, url }));
    case 'decimal':
      return Number(value);
    default:
      return value;
  }
}

/**
 * A stored case study as a record's fields, empty ones left out as a hand-written record would;
 * `populate` says which relations and components to load for it.
 */
export function storedToRecordFields(entry: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of STORED_RECORD_FIELDS) {
    const value = toRecordValue(field, valueAt(entry, cmsPathOf(field)!));
    if (!isEmpty(value)) setAt(record, field.name, value);
  }
  return record;
}

/** What to populate of a stored case study for {@link storedToRecordFields}. */
export const RECORD_POPULATE: Record<string, true | { select: string[] }> = Object.fromEntries(
  STORED_RECORD_FIELDS.flatMap((field): [string, true | { select: string[] }][] => {
    const [head, child] = cmsPathOf(field)!.split('.', 2) as [string, string | undefined];
    if (child || field.kind === 'component' || field.kind === 'lines' || field.kind === 'links') return [[head, true]];
    if (field.kind === 'relation' || field.kind === 'relations') return [[head, { select: [keyOf(field)] }]];
    return [];
  }),
);

/** How the writer turns a record's reference into the CMS's: documentIds of vocabulary entries by key. */
export interface ReferenceLookup {
  /** documentIds of the entries named (unknown keys were refused by the validation before). */
  ids(field: TaxonomyField, keys: string[]): string[];
  /** The provider's documentId, or null (the writer finds or creates the organisation before). */
  provider: string | null;
}

/** A record's value as the CMS stores it; null clears the field. */
function toStoredValue(field: CaseStudyField, value: unknown, references: ReferenceLookup): unknown {
  if (field.name === 'provider') return references.provider;
  if (value === undefined || value === null) return field.kind === 'lines' || field.kind === 'links' || field.kind === 'relations' ? [] : null;
  switch (field.kind) {
    case 'relation':
      return references.ids(field.name as TaxonomyField, [value as string])[0] ?? null;
    case 'relations':
      return references.ids(field.name as TaxonomyField, value as string[]);
    case 'lines':
      return (value as string[]).map((text) => ({ text }));
    default:
      return value;
  }
}

/**
 * A validated record as the CMS's data for the case study: every stored field, empty ones cleared
 * (null or an empty list), a component null when none of its fields has a value.
 */
export function recordToStoredFields(record: Record<string, unknown>, references: ReferenceLookup): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const components = new Set<string>();
  for (const field of STORED_RECORD_FIELDS) {
    const path = cmsPathOf(field)!;
    const value = toStoredValue(field, valueAt(record, field.name), references);
    const [head, child] = path.split('.', 2) as [string, string | undefined];
    if (!child) data[head] = value;
    else if (!isEmpty(value)) setAt(data, path, value);
    else components.add(head);
  }
  for (const component of components) data[component] ??= null;
  return data;
}
