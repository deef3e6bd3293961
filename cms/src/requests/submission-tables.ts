// The tables of "Praxisbeispiel einreichen": submissions (the project, the submitter, the consent,
// the confirmation) and their images until they move to the media library. Personal data: never a
// content type, never published.
import type { Knex } from 'knex';

export const SUBMISSION_TABLE = 'praxis_submissions';
export const SUBMISSION_IMAGE_TABLE = 'praxis_submission_images';

export async function ensureSubmissionTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(SUBMISSION_TABLE)) {
    // Added after the first release (issue 33 moves this table to a migration).
    if (!(await knex.schema.hasColumn(SUBMISSION_TABLE, 'failed_confirmations'))) {
      await knex.schema.alterTable(SUBMISSION_TABLE, (table) => table.integer('failed_confirmations').notNullable().defaultTo(0));
    }
    return;
  }
  await knex.schema.createTable(SUBMISSION_TABLE, (table) => {
    table.increments('id');
    table.string('token_hash', 64).notNullable().unique();
    table.string('locale', 16).notNullable();
    table.string('title', 200).notNullable();
    table.text('project').notNullable();
    table.string('submitter_name', 100).notNullable();
    table.string('submitter_organisation', 200).nullable();
    table.string('submitter_email', 254).notNullable();
    /** The consent text the submitter agreed to, word for word, and when. */
    table.text('consent_text').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('confirmed_at').nullable();
    table.string('case_study_document_id', 64).nullable();
    table.integer('failed_confirmations').notNullable().defaultTo(0);
  });
}

/** The images of a submission, kept here until it is confirmed (then they go to the media library). */
export async function ensureSubmissionImageTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(SUBMISSION_IMAGE_TABLE)) return;
  await knex.schema.createTable(SUBMISSION_IMAGE_TABLE, (table) => {
    table.increments('id');
    table.integer('submission_id').notNullable().index('praxis_submission_images_submission_idx');
    table.integer('position').notNullable();
    table.string('file_name', 200).notNullable();
    table.string('mime', 40).notNullable();
    table.string('alt', 300).notNullable();
    table.string('credit', 200).nullable();
    table.binary('data').notNullable();
  });
}
