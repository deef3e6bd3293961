// The editorial record of case studies: one row per action on a case study and language, with
// who, when, which fields changed and the content after it (a snapshot, for the diff and a
// restore). Created by cms/database/migrations/2026.12.08T00.00.00.editorial-history.ts.
import type { Knex } from 'knex';
import type { Actor } from './actor';
import type { Snapshot } from './snapshot';

export const HISTORY_TABLE = 'praxis_editorial_history';

/** What happened, as the *Verlauf* panel names it (see HISTORY_ACTION_NAMES). */
export const HISTORY_ACTIONS = [
  'create',
  'update',
  'submit',
  'return',
  'publish',
  'unpublish',
  'discard',
  'import',
  'submission',
  'restore',
  'reviewed',
  'delete',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const HISTORY_ACTION_NAMES: Record<HistoryAction, { de: string; en: string }> = {
  create: { de: 'Angelegt', en: 'Created' },
  update: { de: 'Gespeichert', en: 'Saved' },
  submit: { de: 'Zur Prüfung gegeben', en: 'Sent to review' },
  return: { de: 'Zurückgegeben', en: 'Returned' },
  publish: { de: 'Veröffentlicht', en: 'Published' },
  unpublish: { de: 'Veröffentlichung zurückgezogen', en: 'Unpublished' },
  discard: { de: 'Änderungen verworfen', en: 'Changes discarded' },
  import: { de: 'Importiert', en: 'Imported' },
  submission: { de: 'Eingereicht über das Formular', en: 'Submitted through the form' },
  restore: { de: 'Fassung wiederhergestellt', en: 'Version restored' },
  reviewed: { de: 'Als geprüft markiert', en: 'Marked as reviewed' },
  delete: { de: 'Gelöscht', en: 'Deleted' },
};

export interface HistoryEntry {
  id: number;
  at: string;
  action: HistoryAction;
  user: { id: number | null; name: string; email: string | null };
  locale: string | null;
  comment?: string;
  fields?: string[];
}

interface HistoryRow {
  id: number;
  document_id: string;
  locale: string | null;
  action: HistoryAction;
  at: number | string;
  user_id: number | null;
  user_name: string;
  user_email: string | null;
  comment: string | null;
  fields: string | null;
  snapshot: string | null;
}

export interface NewHistoryEntry {
  documentId: string;
  locale: string | null;
  action: HistoryAction;
  actor: Actor;
  comment?: string | null;
  fields?: string[];
  snapshot?: Snapshot | null;
  at?: number;
}

export async function appendHistory(knex: Knex, entries: NewHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = Date.now();
  // In chunks: SQLite takes at most 999 bound values in one statement.
  for (let from = 0; from < entries.length; from += 50) {
    await knex(HISTORY_TABLE).insert(
      entries.slice(from, from + 50).map((entry) => ({
        document_id: entry.documentId,
        locale: entry.locale,
        action: entry.action,
        at: entry.at ?? now,
        user_id: entry.actor.id,
        user_name: entry.actor.name,
        user_email: entry.actor.email,
        comment: entry.comment || null,
        fields: entry.fields ? JSON.stringify(entry.fields) : null,
        snapshot: entry.snapshot ? JSON.stringify(entry.snapshot) : null,
      })),
    );
  }
}

function toEntry(row: HistoryRow): HistoryEntry {
  const fields = row.fields ? (JSON.parse(row.fields) as string[]) : undefined;
  return {
    id: Number(row.id),
    at: new Date(Number(row.at)).toISOString(),
    action: row.action,
    user: { id: row.user_id === null ? null : Number(row.user_id), name: row.user_name, email: row.user_email },
    locale: row.locale,
    ...(row.comment ? { comment: row.comment } : {}),
    ...(fields ? { fields } : {}),
  };
}

/** A case study's record in one language (and the entries for all its languages, such as a delete), newest first. */
export async function readHistory(knex: Knex, documentId: string, locale: string, limit = 500): Promise<HistoryEntry[]> {
  const rows = (await knex(HISTORY_TABLE)
    .where({ document_id: documentId })
    .andWhere((where) => where.where({ locale }).orWhereNull('locale'))
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit)) as HistoryRow[];
  return rows.map(toEntry);
}

/** One version: the entry and the content it recorded. */
export async function readVersion(knex: Knex, documentId: string, id: number): Promise<(HistoryEntry & { snapshot: Snapshot | null }) | undefined> {
  const row = (await knex(HISTORY_TABLE).where({ document_id: documentId, id }).first()) as HistoryRow | undefined;
  return row && { ...toEntry(row), snapshot: row.snapshot ? (JSON.parse(row.snapshot) as Snapshot) : null };
}

/** Who last did one of `actions` to a case study in a language: the review queue's "von …". */
export async function lastActors(
  knex: Knex,
  keys: { documentId: string; locale: string }[],
  actions: HistoryAction[],
): Promise<Map<string, { name: string; at: number }>> {
  const found = new Map<string, { name: string; at: number }>();
  if (keys.length === 0) return found;
  const rows = (await knex(HISTORY_TABLE)
    .select('document_id', 'locale', 'user_name', 'at', 'id')
    .whereIn(
      'document_id',
      keys.map((key) => key.documentId),
    )
    .whereIn('action', actions)
    .orderBy([
      { column: 'at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])) as { document_id: string; locale: string | null; user_name: string; at: number | string }[];
  for (const row of rows) found.set(`${row.document_id}:${row.locale}`, { name: row.user_name, at: Number(row.at) });
  return found;
}

/** The latest of `actions` on a case study in a language, if any. */
export async function lastAction(knex: Knex, documentId: string, locale: string, actions: HistoryAction[]): Promise<HistoryEntry | undefined> {
  const row = (await knex(HISTORY_TABLE)
    .where({ document_id: documentId, locale })
    .whereIn('action', actions)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first()) as HistoryRow | undefined;
  return row && toEntry(row);
}
