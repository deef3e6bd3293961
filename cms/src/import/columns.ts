// The columns of the import format's table form (CSV and Excel), with what the Excel template's
// second sheet tells editors about each: the catalogue's fields that have a column (@praxis/search,
// catalogue/fields.ts). A column name is the record's field; `transferability.budgetRange` is the
// field `budgetRange` of `transferability`.
import { CASE_STUDY_FIELDS, type CaseStudyFieldName, type ValueList } from '@praxis/search';

export type { ValueList };

export interface ImportColumn {
  name: string;
  /** What goes in, in German, for the template's "Erläuterungen" sheet. */
  description: string;
  required?: boolean;
  /** Several values, one per line (or separated by `;`). */
  multiple?: boolean;
  values?: ValueList;
  /** A number: a cell like "1,5" is read as 1.5. */
  number?: boolean;
}

const NUMBER_KINDS = new Set(['year', 'decimal', 'integer']);

/**
 * The order of the columns: a property of the file format, not of the catalogue (which follows the
 * admin's reading order). Editors' files and scripts rely on it — the slug first, as the row's
 * identity — so a new field's column goes at the end of its group; a test holds this list to the
 * catalogue's columns.
 */
export const COLUMN_ORDER = [
  'slug',
  'translationOf',
  'title',
  'teaser',
  'description',
  'startingSituation',
  'goals',
  'approach',
  'results',
  'afterFunding',
  'buildingBlock',
  'municipalities',
  'targetGroups',
  'topics',
  'settings',
  'criteria',
  'status',
  'fundingStart',
  'fundingEnd',
  'fundingPhase',
  'provider',
  'partners',
  'staffFte',
  'transferability.budgetRange',
  'transferability.durationMonths',
  'transferability.partnersNeeded',
  'transferability.firstSteps',
  'successFactors',
  'pitfalls',
  'contact.organisation',
  'contact.role',
  'contact.email',
  'contact.phone',
  'contact.website',
  'links',
  'lastReviewed',
  'publish',
] as const satisfies readonly CaseStudyFieldName[];

const COLUMNS_IN_CATALOGUE = new Map(
  CASE_STUDY_FIELDS.flatMap((field): [string, ImportColumn][] =>
    'column' in field
      ? [
          [
            field.name,
            {
              name: field.name,
              ...field.column,
              ...('required' in field ? { required: field.required } : {}),
              ...(NUMBER_KINDS.has(field.kind) ? { number: true } : {}),
            },
          ],
        ]
      : [],
  ),
);

export const IMPORT_COLUMNS: readonly ImportColumn[] = COLUMN_ORDER.map((name) => COLUMNS_IN_CATALOGUE.get(name)!);

/** The catalogue's columns that COLUMN_ORDER leaves out or names without a column (empty when they agree). */
export function unorderedColumns(): string[] {
  const ordered = new Set<string>(COLUMN_ORDER);
  return [...COLUMNS_IN_CATALOGUE.keys()].filter((name) => !ordered.has(name)).concat(COLUMN_ORDER.filter((name) => !COLUMNS_IN_CATALOGUE.has(name)));
}
