// A case study's content in one language as the editorial record keeps it: every field an editor
// writes, relations by documentId and name, media by id and name, components without their
// database ids. The same shape is compared for "what changed" and written back by a restore.
import type { Core } from '@strapi/strapi';
import { TAXONOMIES } from '@praxis/search';
import { CASE_STUDY } from '../editorial/roles';

export type Snapshot = Record<string, unknown>;

/** Fields the record leaves out: Strapi's bookkeeping, and what a restore must not bring back. */
const NOT_RECORDED = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
  'importChecksum',
]);
/** Recorded, but a restore keeps today's value: the address (old ones redirect), the review state and facts about the entry. */
const NOT_RESTORED = new Set(['slug', 'previousSlugs', 'editorialState', 'reviewComment', 'submitted', 'lastReviewed']);

const MEDIA_FIELDS = ['id', 'name', 'url', 'mime'];
const POPULATE = {
  ...Object.fromEntries(TAXONOMIES.map((taxonomy) => [taxonomy.field, { fields: ['documentId', taxonomy.pickerField] }])),
  transferability: true,
  successFactors: true,
  pitfalls: true,
  partners: true,
  contact: true,
  links: true,
  downloads: { fields: MEDIA_FIELDS },
  images: { populate: { file: { fields: MEDIA_FIELDS } } },
};
const RELATION_FIELDS = new Set<string>(TAXONOMIES.map((taxonomy) => taxonomy.field));
const PICKER_FIELD = new Map<string, string>(TAXONOMIES.map((taxonomy) => [taxonomy.field, taxonomy.pickerField]));

/** A component's or a medium's value without database ids (a medium keeps its id: it names the file). */
function withoutIds(value: unknown, keepId = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutIds(item, keepId));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => (keepId || key !== 'id') && key !== 'documentId' && !key.endsWith('At'))
      .map(([key, inner]) => [key, withoutIds(inner, key === 'file')]),
  );
}

function relationValue(field: string, value: unknown): unknown {
  const name = (entry: Record<string, unknown>) => ({ documentId: entry.documentId, name: entry[PICKER_FIELD.get(field)!] ?? null });
  if (Array.isArray(value)) return (value as Record<string, unknown>[]).map(name);
  return value ? name(value as Record<string, unknown>) : null;
}

function toSnapshot(entry: Record<string, unknown>): Snapshot {
  const snapshot: Snapshot = {};
  for (const [field, value] of Object.entries(entry)) {
    if (NOT_RECORDED.has(field)) continue;
    if (RELATION_FIELDS.has(field)) snapshot[field] = relationValue(field, value);
    else if (field === 'downloads') snapshot[field] = Array.isArray(value) ? value.map((file) => withoutIds(file, true)) : [];
    else snapshot[field] = withoutIds(value);
  }
  return snapshot;
}

/** The case studies' drafts (or published versions) in a language, by documentId. */
export async function readSnapshots(
  strapi: Core.Strapi,
  documentIds: string[],
  locale: string,
  status: 'draft' | 'published' = 'draft',
): Promise<Map<string, Snapshot>> {
  const snapshots = new Map<string, Snapshot>();
  for (let from = 0; from < documentIds.length; from += 100) {
    const entries = (await strapi.documents(CASE_STUDY).findMany({
      filters: { documentId: { $in: documentIds.slice(from, from + 100) } },
      locale,
      status,
      populate: POPULATE,
      limit: 100,
    } as never)) as Record<string, unknown>[];
    for (const entry of entries) snapshots.set(String(entry.documentId), toSnapshot(entry));
  }
  return snapshots;
}

export async function readSnapshot(strapi: Core.Strapi, documentId: string, locale: string, status: 'draft' | 'published' = 'draft'): Promise<Snapshot | null> {
  return (await readSnapshots(strapi, [documentId], locale, status)).get(documentId) ?? null;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between two snapshots (a new one: the fields it has), in the schema's order. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): string[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return fields.filter((field) => !same(before?.[field], after?.[field]));
}

/** The document-service data that puts a snapshot's content back into a draft. */
export function restoreData(snapshot: Snapshot): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(snapshot)) {
    if (NOT_RESTORED.has(field)) continue;
    if (RELATION_FIELDS.has(field)) {
      const entries = Array.isArray(value) ? value : value ? [value] : [];
      const ids = (entries as { documentId: string }[]).map((entry) => entry.documentId);
      data[field] = Array.isArray(value) ? ids : (ids[0] ?? null);
    } else if (field === 'downloads') {
      data[field] = ((value as { id: number }[] | null) ?? []).map((file) => file.id);
    } else if (field === 'images') {
      data[field] = ((value as Record<string, unknown>[] | null) ?? []).map((image) => ({ ...image, file: (image.file as { id: number } | null)?.id ?? null }));
    } else {
      data[field] = value;
    }
  }
  return data;
}
