import type { Knex } from 'knex';

export interface LeaseQuery {
  table: string;
  /** The column that is set once a row's work is done; rows with it set are never leased. */
  doneColumn: string;
  columns: string[];
  limit: number;
  now: number;
  leaseMs: number;
  /** Only rows whose column has this value (the search outbox: one Meilisearch's rows). */
  only?: { column: string; value: string };
}

/**
 * Leases up to `limit` due rows of a work queue table (columns `due_at`, `locked_until`, epoch
 * milliseconds) in one statement, oldest first: a leased row is not handed out again until its
 * lease ends. On PostgreSQL with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the
 * same row. Used by the search outbox and the mail queue.
 */
export async function leaseDueRows<Row>(knex: Knex, query: LeaseQuery): Promise<Row[]> {
  const postgres = ['postgres', 'pg'].includes(knex.client.config.client as string);
  const only = query.only ? `AND ${query.only.column} = ?` : '';
  const result = await knex.raw(
    `UPDATE ${query.table} SET locked_until = ? WHERE id IN (
       SELECT id FROM ${query.table}
       WHERE ${query.doneColumn} IS NULL AND due_at <= ? AND (locked_until IS NULL OR locked_until < ?) ${only}
       ORDER BY id LIMIT ? ${postgres ? 'FOR UPDATE SKIP LOCKED' : ''}
     ) RETURNING ${query.columns.join(', ')}`,
    [query.now + query.leaseMs, query.now, query.now, ...(query.only ? [query.only.value] : []), query.limit],
  );
  const rows = (Array.isArray(result) ? result : result.rows) as (Row & { id: number | string })[];
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}
