// The columns of the import format's table form (CSV and Excel), with what the Excel template's
// second sheet tells editors about each: the catalogue's fields that have a column (@praxis/search,
// catalogue/fields.ts). A column's name is the record's field (`transferability.budgetRange` is the
// field `budgetRange` of `transferability`); its header in the files editors get is the catalogue's
// German label ("Übertragbarkeit: Budget pro Jahr"). The import reads either.
import { CASE_STUDY_FIELDS, type CaseStudyField, type CaseStudyFieldName, type ValueList } from '@praxis/search';

export type { ValueList };

export interface ImportColumn {
  name: string;
  /** The column's header in Excel and CSV files: the field's German label, a component's fields prefixed with the component's. */
  header: string;
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

const FIELDS = CASE_STUDY_FIELDS as readonly CaseStudyField[];

/**
 * A field's German label as a column header: a component's field gets the component's name in
 * front ("Kontakt: E-Mail", "Übertragbarkeit: Budget pro Jahr" — the component's label up to its colon).
 */
function headerOf(field: CaseStudyField): string {
  const label = field.label?.de ?? field.name;
  const [parent, child] = field.name.split('.', 2) as [string, string | undefined];
  if (!child) return label;
  const component = FIELDS.find((candidate) => candidate.name === parent)?.label?.de.split(':')[0] ?? parent;
  return `${component}: ${label}`;
}

const COLUMNS_IN_CATALOGUE = new Map(
  CASE_STUDY_FIELDS.flatMap((field): [string, ImportColumn][] =>
    'column' in field
      ? [
          [
            field.name,
            {
              name: field.name,
              header: headerOf(field),
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

/** A header as the import compares it: case, surrounding and doubled spaces do not matter. */
export const normalHeader = (header: string) => header.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

const BY_HEADER = new Map(IMPORT_COLUMNS.flatMap((column) => [normalHeader(column.name), normalHeader(column.header)].map((key) => [key, column] as const)));

/** The column a file's header names: its German header or its field name (the files of before), in any case. */
export function columnOfHeader(header: string): ImportColumn | undefined {
  return BY_HEADER.get(normalHeader(header));
}

/** A column by its field name. */
export function columnNamed(name: string): ImportColumn | undefined {
  return IMPORT_COLUMNS.find((column) => column.name === name);
}
