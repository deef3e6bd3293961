import type { Knex } from 'knex';

/** The outbox lives in the CMS database (not a content type: only the sync reads and writes it). */
export const OUTBOX_TABLE = 'praxis_sync_outbox';

export async function ensureOutboxTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(OUTBOX_TABLE)) return;
  await knex.schema.createTable(OUTBOX_TABLE, (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    // null: every locale of the document
    table.string('locale', 16).nullable();
    table.string('reason', 100).notNullable();
    // epoch milliseconds throughout: the same on SQLite and PostgreSQL
    table.bigInteger('created_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.bigInteger('locked_until').nullable();
    table.bigInteger('done_at').nullable();
    table.index(['done_at', 'due_at'], 'praxis_sync_outbox_due_idx');
  });
}
