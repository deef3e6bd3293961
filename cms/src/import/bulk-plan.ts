// The bulk writer's plan (bulk-create.ts), made without a database: which rows a chunk of case
// studies leaves — one per version the document service would write, the rows they replace, the
// link rows of components and relations — and which documents the writer may change at all.
// bulk-create.ts reads the stored versions and Strapi's metadata and writes the plan in the
// import's transaction; bulk-plan.test.ts holds the rules, import-bulk.test.ts the rows in Strapi.
import { previousSlugsAfterPublish } from '../editorial/slugs';
import { fundingPeriodError } from '../validation/case-study-rules';
import { findControlCharacter } from '../validation/control-characters';
import { caseStudyFieldProblems, missingForPublishing } from '../validation/field-messages';

export interface BulkCaseStudy {
  /** The document service's input: scalars, components as objects, relations as documentIds. */
  data: Record<string, unknown>;
  locale: string;
  publish: boolean;
  /** The existing document this changes (one that `replaceable` accepted); none for a new one. */
  documentId?: string;
}

export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
  pivotColumns?: string[];
}

/** A stored row of a case study in the import's locale: its draft or its published version. */
export type StoredVersion = Record<string, unknown> & {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  publishedAt: unknown;
  previousSlugs?: string | null;
  reviewComment?: string | null;
  editorialState?: string | null;
  createdAt: unknown;
  createdBy?: { id: number } | null;
  updatedBy?: { id: number } | null;
};

/** A row's id as the query engine hands it back. */
export type RowId = number | string;

/** A row to create, with the entry it comes from and the admin users to set on it. */
export interface PlannedVersion {
  entry: BulkCaseStudy;
  users: { createdBy: number | null; updatedBy: number | null };
  row: Record<string, unknown>;
}

/** The same rules the document-service middlewares apply (cms/src/validation), which the bulk writer bypasses. */
export function writeProblems(entry: BulkCaseStudy): string[] {
  const problems = [
    ...caseStudyFieldProblems(entry.data as Parameters<typeof caseStudyFieldProblems>[0], entry.locale),
    ...(entry.publish ? missingForPublishing(entry.data) : []),
  ].map((problem) => problem.message);
  const period = fundingPeriodError(entry.data as { fundingStart?: number; fundingEnd?: number });
  if (period) problems.push(period);
  const control = findControlCharacter(entry.data);
  if (control) problems.push(`Das Feld „${control.path.join('.')}“ enthält ein unsichtbares Steuerzeichen (${control.codePoint}).`);
  return problems;
}

/**
 * Of the stored rows of some documents, the documents the bulk writer may change: stored in
 * `locale` only (no other language shares their relations) and without files (downloads,
 * images) it would have to carry over.
 */
export function replaceableDocuments(
  rows: readonly { documentId: string; locale: string; downloads?: unknown[]; images?: unknown[] }[],
  locale: string,
): Set<string> {
  const refused = new Set(
    rows.filter((row) => row.locale !== locale || (row.downloads?.length ?? 0) > 0 || (row.images?.length ?? 0) > 0).map((row) => row.documentId),
  );
  return new Set(rows.map((row) => row.documentId).filter((documentId) => !refused.has(documentId)));
}

/**
 * The rows of a chunk: the draft of every entry and the published copy of a published one, at
 * `now`. A changed document keeps what the import does not carry (created at and by, the review
 * comment, fields the entry leaves out, old slugs) and replaces its draft, or its draft and its
 * published version when it is published again. Publishing does what review-rules.ts and
 * slugs.ts do: the state becomes "freigegeben", the comment is settled, a replaced address is
 * kept for its redirect.
 */
export function planVersions(
  entries: readonly BulkCaseStudy[],
  documentIds: readonly string[],
  stored: ReadonlyMap<string, StoredVersion[]>,
  scalars: readonly string[],
  locale: string,
  now: Date,
): { versions: PlannedVersion[]; replaced: number[] } {
  const replaced: number[] = [];
  const versions = entries.flatMap((entry, index) => {
    const old = stored.get(documentIds[index]!) ?? [];
    if (entry.documentId && old.length === 0) throw new Error(`Der Sammelimport findet das Praxisbeispiel ${entry.documentId} (${locale}) nicht.`);
    const oldDraft = old.find((version) => !version.publishedAt);
    const oldPublished = old.find((version) => version.publishedAt);
    replaced.push(...(entry.publish ? old : old.filter((version) => !version.publishedAt)).map((version) => version.id));
    const slug = entry.data.slug as string;
    const kept = oldDraft ? Object.fromEntries(scalars.filter((field) => !(field in entry.data)).map((field) => [field, oldDraft[field]])) : {};
    const row = {
      ...kept,
      ...Object.fromEntries(scalars.filter((field) => field in entry.data).map((field) => [field, entry.data[field]])),
      documentId: documentIds[index],
      locale,
      createdAt: oldDraft?.createdAt ?? now,
      updatedAt: now,
      editorialState: entry.publish ? 'freigegeben' : (entry.data.editorialState ?? oldDraft?.editorialState ?? 'entwurf'),
      ...(entry.publish ? { reviewComment: null } : {}),
      ...(entry.publish && oldDraft && oldPublished && oldPublished.slug !== slug
        ? { previousSlugs: previousSlugsAfterPublish({ slug, previousSlugs: oldDraft.previousSlugs }, oldPublished.slug) }
        : {}),
    };
    const users = { createdBy: oldDraft?.createdBy?.id ?? null, updatedBy: oldDraft?.updatedBy?.id ?? null };
    return entry.publish
      ? [
          { entry, users, row: { ...row, publishedAt: null } },
          { entry, users, row: { ...row, publishedAt: now } },
        ]
      : [{ entry, users, row: { ...row, publishedAt: null } }];
  });
  return { versions, replaced };
}

export interface ComponentLink {
  field: string;
  uid: string;
  repeatable: boolean;
  table: JoinTable;
  fieldColumn: string;
  typeColumn: string;
}

export interface ComponentValue {
  entityId: RowId;
  item: object;
  order: number;
}

/** The component rows to create for `component`: each version's value (one, or each of a list), with the row id of its version. */
export function componentValues(
  versions: readonly PlannedVersion[],
  ids: readonly RowId[],
  component: Pick<ComponentLink, 'field' | 'repeatable'>,
): ComponentValue[] {
  return versions.flatMap((version, index) => {
    const value = version.entry.data[component.field];
    const list = value === null || value === undefined ? [] : component.repeatable ? (value as object[]) : [value as object];
    return list.map((item, order) => ({ entityId: ids[index]!, item, order }));
  });
}

/** The join rows between the versions and their created component rows (`createdIds`, in the order of `values`). */
export function componentLinkRows(component: ComponentLink, values: readonly ComponentValue[], createdIds: readonly RowId[]): Record<string, unknown>[] {
  return values.map((value, index) => ({
    [component.table.joinColumn.name]: value.entityId,
    [component.table.inverseJoinColumn.name]: createdIds[index],
    [component.typeColumn]: component.uid,
    [component.fieldColumn]: component.field,
    // The document service numbers repeatable components from 1 and leaves a single one without.
    [component.table.orderColumnName ?? 'order']: component.repeatable ? value.order + 1 : null,
  }));
}

export interface RelationLink {
  field: string;
  table: JoinTable;
  idOf: ReadonlyMap<string, number>;
}

/** The documentIds among `values` (documentIds, or lists of them) whose row id is not in `known` yet, each once. */
export function unknownTargets(values: readonly unknown[], known: ReadonlyMap<string, number>): string[] {
  return [...new Set(values.flat().filter((value): value is string => typeof value === 'string' && !known.has(value)))];
}

/** The join rows of a relation for every version, in the order the entry names its targets; refuses a target without a row. */
export function relationLinkRows(relation: RelationLink, versions: readonly PlannedVersion[], ids: readonly RowId[]): Record<string, unknown>[] {
  return versions.flatMap((version, index) => {
    const value = version.entry.data[relation.field];
    const targets = value === null || value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
    return targets.map((documentId, order) => {
      const targetId = relation.idOf.get(documentId);
      if (targetId === undefined) throw new Error(`Der Sammelimport kennt den Eintrag ${documentId} für „${relation.field}“ nicht.`);
      return {
        [relation.table.joinColumn.name]: ids[index],
        [relation.table.inverseJoinColumn.name]: targetId,
        ...(relation.table.orderColumnName ? { [relation.table.orderColumnName]: order + 1 } : {}),
      };
    });
  });
}

/** `items` in slices of at most `size`, in order (one statement each). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}
