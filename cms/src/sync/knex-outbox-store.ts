import type { Knex } from 'knex';
import type { OutboxRow, OutboxStats, OutboxStore } from '@praxis/search';
import { leaseDueRows } from '../database/lease-rows';
import { OUTBOX_TABLE } from './outbox-table';

interface RawRow {
  id: number | string;
  document_id: string;
  locale: string | null;
  attempts: number | string;
}

/** Done rows are kept this long for "last successful sync" and debugging, then purged. */
const KEEP_DONE_MS = 24 * 60 * 60 * 1000;

/**
 * The outbox on the CMS's own database. `claim` leases rows atomically; on
 * PostgreSQL with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take
 * the same row.
 */
export class KnexOutboxStore implements OutboxStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async enqueue(changes: { documentId: string; locale: string | null; reason: string }[], trx: Knex = this.knex): Promise<void> {
    if (changes.length === 0) return;
    const now = this.now();
    const rows = changes.map((change) => ({
      document_id: change.documentId,
      locale: change.locale,
      reason: change.reason.slice(0, 100),
      created_at: now,
      due_at: now,
    }));
    for (let start = 0; start < rows.length; start += 200) await trx(OUTBOX_TABLE).insert(rows.slice(start, start + 200));
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const rows = await leaseDueRows<RawRow>(this.knex, {
      table: OUTBOX_TABLE,
      doneColumn: 'done_at',
      columns: ['id', 'document_id', 'locale', 'attempts'],
      limit,
      now: this.now(),
      leaseMs,
    });
    return rows.map((row) => ({ id: Number(row.id), documentId: row.document_id, locale: row.locale, attempts: Number(row.attempts) }));
  }

  async complete(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const now = this.now();
    await this.knex(OUTBOX_TABLE).whereIn('id', ids).update({ done_at: now, locked_until: null, last_error: null });
    await this.knex(OUTBOX_TABLE)
      .whereNotNull('done_at')
      .where('done_at', '<', now - KEEP_DONE_MS)
      .delete();
  }

  async fail(ids: number[], error: string, retryAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.knex(OUTBOX_TABLE)
      .whereIn('id', ids)
      .update({ attempts: this.knex.raw('attempts + 1'), last_error: error.slice(0, 4000), due_at: retryAt.getTime(), locked_until: null });
  }

  /** Makes rows created since `since` due again (after a reindex swapped in an index that may predate them). */
  async replaySince(since: number): Promise<number> {
    return this.knex(OUTBOX_TABLE).where('created_at', '>=', since).update({ done_at: null, due_at: this.now(), locked_until: null });
  }

  async stats(): Promise<OutboxStats> {
    const open = () => this.knex(OUTBOX_TABLE).whereNull('done_at');
    const [pending] = await open().where('attempts', 0).count({ count: '*' });
    const [failed] = await open().where('attempts', '>', 0).count({ count: '*' });
    const [last] = await this.knex(OUTBOX_TABLE).max({ at: 'done_at' });
    const [oldest] = await open().min({ at: 'created_at' });
    const toDate = (value: unknown) => (value == null ? null : new Date(Number(value)));
    return { pending: Number(pending?.count ?? 0), failed: Number(failed?.count ?? 0), lastSuccessAt: toDate(last?.at), oldestPendingAt: toDate(oldest?.at) };
  }

  /** Rows that failed at least once, newest error first, for the status view. */
  async failures(limit = 20): Promise<{ documentId: string; locale: string | null; attempts: number; error: string | null }[]> {
    const rows = await this.knex(OUTBOX_TABLE).whereNull('done_at').where('attempts', '>', 0).orderBy('id', 'desc').limit(limit);
    return rows.map((row) => ({ documentId: row.document_id, locale: row.locale, attempts: Number(row.attempts), error: row.last_error }));
  }
}
