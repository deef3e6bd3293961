// The editorial record (issue 34): every action on a case study and language, who did it, when,
// which fields changed and the content after it (src/history/history-table.ts).
import type { Knex } from 'knex';
import { HISTORY_TABLE } from '../../src/history/history-table';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(HISTORY_TABLE, (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    // null: every language of the case study (a delete of all of them)
    table.string('locale', 16).nullable();
    table.string('action', 20).notNullable();
    // epoch milliseconds, as in the CMS's other own tables
    table.bigInteger('at').notNullable();
    // The admin user, when one acted; the name and e-mail as they were then (a user may be deleted later).
    table.integer('user_id').nullable();
    table.string('user_name', 300).notNullable();
    table.string('user_email', 254).nullable();
    table.text('comment').nullable();
    // JSON: the names of the fields that changed
    table.text('fields').nullable();
    // JSON: the content after the action (src/history/snapshot.ts)
    table.text('snapshot', 'longtext').nullable();
    table.index(['document_id', 'locale', 'at'], 'praxis_editorial_history_document_idx');
  });
}
