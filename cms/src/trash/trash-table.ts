// The Papierkorb: a deleted case study (one language) kept for TRASH_DAYS with its content, draft
// and published, restorable by Chefredaktion and Administration, then purged with its record's
// personal data. Created by cms/database/migrations/2026.12.08T00.00.03.trash.ts.
import type { Knex } from 'knex';
import type { Actor } from '../history/actor';
import type { Snapshot } from '../history/snapshot';

export const TRASH_TABLE = 'praxis_trash';
/** How long a deleted case study can be restored (the Datenschutz page says so). */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TrashItem {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  deletedAt: string;
  deletedBy: string;
  wasPublished: boolean;
  purgeAt: string;
}

interface Row {
  id: number;
  document_id: string;
  locale: string;
  title: string;
  deleted_at: number | string;
  deleted_by_id: number | null;
  deleted_by_name: string;
  draft: string;
  published: string | null;
}

function toItem(row: Row): TrashItem {
  const deletedAt = Number(row.deleted_at);
  return {
    id: Number(row.id),
    documentId: row.document_id,
    locale: row.locale,
    title: row.title,
    deletedAt: new Date(deletedAt).toISOString(),
    deletedBy: row.deleted_by_name,
    wasPublished: row.published !== null,
    purgeAt: new Date(deletedAt + TRASH_DAYS * DAY_MS).toISOString(),
  };
}

export async function putInTrash(
  knex: Knex,
  entries: { documentId: string; locale: string; draft: Snapshot; published: Snapshot | null }[],
  by: Actor,
  now = Date.now(),
): Promise<void> {
  for (const entry of entries) {
    await knex(TRASH_TABLE).insert({
      document_id: entry.documentId,
      locale: entry.locale,
      title: String(entry.draft.title ?? '').slice(0, 300),
      deleted_at: now,
      deleted_by_id: by.id,
      deleted_by_name: by.name,
      draft: JSON.stringify(entry.draft),
      published: entry.published ? JSON.stringify(entry.published) : null,
    });
  }
}

/** What the trash holds, the latest deletion first. */
export async function listTrash(knex: Knex): Promise<TrashItem[]> {
  return ((await knex(TRASH_TABLE).orderBy('deleted_at', 'desc').orderBy('id', 'desc')) as Row[]).map(toItem);
}

export async function takeFromTrash(knex: Knex, id: number): Promise<(TrashItem & { draft: Snapshot }) | undefined> {
  const row = (await knex(TRASH_TABLE).where({ id }).first()) as Row | undefined;
  if (!row) return undefined;
  return { ...toItem(row), draft: JSON.parse(row.draft) as Snapshot };
}

export async function removeFromTrash(knex: Knex, id: number): Promise<void> {
  await knex(TRASH_TABLE).where({ id }).delete();
}

/** The entries past TRASH_DAYS. */
export async function expiredTrash(knex: Knex, now = Date.now()): Promise<{ id: number; documentId: string; locale: string }[]> {
  const rows = (await knex(TRASH_TABLE)
    .select('id', 'document_id', 'locale')
    .where('deleted_at', '<', now - TRASH_DAYS * DAY_MS)) as Row[];
  return rows.map((row) => ({ id: Number(row.id), documentId: row.document_id, locale: row.locale }));
}
