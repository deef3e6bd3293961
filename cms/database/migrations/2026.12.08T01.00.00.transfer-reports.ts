// Reports of "Nachnutzung melden" until and after their confirmation (src/requests/transfer-reports.ts, issue 39).
import type { Knex } from 'knex';
import { TRANSFER_REPORT_TABLE } from '../../src/requests/transfer-reports';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(TRANSFER_REPORT_TABLE, (table) => {
    table.increments('id');
    // sha256 of the confirmation link's token: the link itself is only in the mail
    table.string('token_hash', 64).notNullable().unique();
    table.string('case_study_document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('municipality_ags', 8).notNullable();
    // since, adopted, changed, helped, hindered as JSON
    table.text('report').notNullable();
    // Personal data: deleted with the row after the retention period
    table.string('name', 100).notNullable();
    table.string('organisation', 200).nullable();
    table.string('email', 254).notNullable();
    table.boolean('contact_consent').notNullable().defaultTo(false);
    table.text('consent_text').notNullable();
    // epoch milliseconds, as in the CMS's other tables
    table.bigInteger('created_at').notNullable();
    table.bigInteger('confirmed_at').nullable();
    table.string('report_document_id', 64).nullable();
    table.index(['created_at'], 'praxis_transfer_reports_created_idx');
  });
}
