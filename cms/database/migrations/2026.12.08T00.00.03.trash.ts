// The Papierkorb (issue 34): deleted case studies kept for 30 days with their content
// (src/trash/trash-table.ts).
import type { Knex } from 'knex';
import { TRASH_TABLE } from '../../src/trash/trash-table';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(TRASH_TABLE, (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('title', 300).notNullable();
    // epoch milliseconds, as in the CMS's other own tables
    table.bigInteger('deleted_at').notNullable();
    table.integer('deleted_by_id').nullable();
    table.string('deleted_by_name', 300).notNullable();
    // JSON snapshots (src/history/snapshot.ts): the draft, and the published version if there was one
    table.text('draft', 'longtext').notNullable();
    table.text('published', 'longtext').nullable();
    table.index(['deleted_at'], 'praxis_trash_deleted_idx');
  });
}
