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

const isPostgres = (knex: Knex) => ['postgres', 'pg'].includes(knex.client.config.client as string);

/**
 * The outbox on the CMS's own database. Every change gets one row per Meilisearch (`targets`, the
 * configured URLs): each Meilisearch has its own progress, so one that is down neither holds up
 * nor loses the others' changes. With no Meilisearch configured a row has no target until a sync
 * with targets adopts it. `forTarget` gives one Meilisearch's view, whose worker claims only its
 * rows; `claim` leases rows atomically, on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so concurrent
 * workers never take the same row.
 */
export class KnexOutboxStore implements OutboxStore {
  constructor(
    private readonly knex: Knex,
    /** The Meilisearch URLs every change is recorded for. */
    readonly targets: readonly string[] = [],
    private readonly now: () => number = Date.now,
    /** Set: this store is one Meilisearch's view (claims, stats and enqueues for it only). */
    readonly target?: string,
  ) {}

  /** One Meilisearch's rows. */
  forTarget(target: string): KnexOutboxStore {
    return new KnexOutboxStore(this.knex, [target], this.now, target);
  }

  /** The rows this store sees: its target's, or every configured target's and those not yet handed out. */
  private rows(): Knex.QueryBuilder {
    const query = this.knex(OUTBOX_TABLE);
    if (this.target !== undefined) return query.where('target', this.target);
    return query.where((where) => {
      void where.whereNull('target');
      if (this.targets.length > 0) void where.orWhereIn('target', [...this.targets]);
    });
  }

  async enqueue(changes: { documentId: string; locale: string | null; reason: string }[], trx: Knex = this.knex): Promise<void> {
    if (changes.length === 0) return;
    const now = this.now();
    const targets = this.targets.length > 0 ? this.targets : [null];
    const rows = targets.flatMap((target) =>
      changes.map((change) => ({
        document_id: change.documentId,
        locale: change.locale,
        reason: change.reason.slice(0, 100),
        created_at: now,
        due_at: now,
        target,
      })),
    );
    for (let start = 0; start < rows.length; start += 200) await trx(OUTBOX_TABLE).insert(rows.slice(start, start + 200));
  }

  /**
   * Hands every open row without a target (recorded while no Meilisearch was configured, or before
   * rows had targets) to each configured target, as a row of its own. On PostgreSQL the rows are
   * locked (SKIP LOCKED), so two CMS instances starting together adopt each row once.
   */
  async adoptUntargeted(): Promise<number> {
    if (this.targets.length === 0) return 0;
    let adopted = 0;
    for (;;) {
      const moved = await this.knex.transaction(async (trx) => {
        let select = trx(OUTBOX_TABLE)
          .whereNull('target')
          .whereNull('done_at')
          .orderBy('id')
          .limit(500)
          .select('id', 'document_id', 'locale', 'reason', 'created_at');
        if (isPostgres(this.knex)) select = select.forUpdate().skipLocked();
        const rows = (await select) as { id: number; document_id: string; locale: string | null; reason: string; created_at: number | string }[];
        if (rows.length === 0) return 0;
        const now = this.now();
        const copies = this.targets.flatMap((target) =>
          rows.map((row) => ({
            document_id: row.document_id,
            locale: row.locale,
            reason: row.reason,
            created_at: Number(row.created_at),
            due_at: now,
            target,
          })),
        );
        for (let start = 0; start < copies.length; start += 200) await trx(OUTBOX_TABLE).insert(copies.slice(start, start + 200));
        await trx(OUTBOX_TABLE)
          .whereIn(
            'id',
            rows.map((row) => row.id),
          )
          .delete();
        return rows.length;
      });
      adopted += moved;
      if (moved === 0) return adopted;
    }
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const rows = await leaseDueRows<RawRow>(this.knex, {
      table: OUTBOX_TABLE,
      doneColumn: 'done_at',
      columns: ['id', 'document_id', 'locale', 'attempts'],
      limit,
      now: this.now(),
      leaseMs,
      ...(this.target === undefined ? {} : { only: { column: 'target', value: this.target } }),
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

  /** Makes this store's failed rows due now (their Meilisearch is back: no need to wait out the backoff). */
  async retryNow(): Promise<number> {
    return this.rows().whereNull('done_at').where('attempts', '>', 0).where('due_at', '>', this.now()).update({ due_at: this.now() });
  }

  /** Makes rows created since `since` due again (after a reindex swapped in an index that may predate them). */
  async replaySince(since: number): Promise<number> {
    return this.rows().where('created_at', '>=', since).update({ done_at: null, due_at: this.now(), locked_until: null });
  }

  async stats(): Promise<OutboxStats> {
    const open = () => this.rows().whereNull('done_at');
    const [pending] = await open().where('attempts', 0).count({ count: '*' });
    const [failed] = await open().where('attempts', '>', 0).count({ count: '*' });
    const [last] = await this.rows().max({ at: 'done_at' });
    const [oldest] = await open().min({ at: 'created_at' });
    const toDate = (value: unknown) => (value == null ? null : new Date(Number(value)));
    return { pending: Number(pending?.count ?? 0), failed: Number(failed?.count ?? 0), lastSuccessAt: toDate(last?.at), oldestPendingAt: toDate(oldest?.at) };
  }

  /** Rows that failed at least once, newest error first, for the status view. */
  async failures(limit = 20): Promise<{ documentId: string; locale: string | null; attempts: number; error: string | null; target: string | null }[]> {
    const rows = await this.rows().whereNull('done_at').where('attempts', '>', 0).orderBy('id', 'desc').limit(limit);
    return rows.map((row: Record<string, unknown>) => ({
      documentId: row.document_id as string,
      locale: row.locale as string | null,
      attempts: Number(row.attempts),
      error: row.last_error as string | null,
      target: (row.target as string | null) ?? null,
    }));
  }
}
