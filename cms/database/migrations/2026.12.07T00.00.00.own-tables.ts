// The CMS's own tables (not content types): the search outbox, the search log, the mail queue,
// contact requests, submissions and their images — as the 2026-12 release created them at boot.
// On a database that release built, the tables are there and stay as they are (a submissions table
// of the first release only gets its `failed_confirmations` column); on an empty one, they are
// created. A released migration is history: never change it, write the next one
// (docs/operations.md, "Database migrations").
import type { Knex } from 'knex';
import { SEARCH_LOG_TABLE } from '../../src/dashboard/search-log';
import { MAIL_TABLE } from '../../src/mail/mail-queue';
import { CONTACT_REQUEST_TABLE } from '../../src/requests/contact-requests';
import { SUBMISSION_IMAGE_TABLE, SUBMISSION_TABLE } from '../../src/requests/submission-tables';
import { OUTBOX_TABLE } from '../../src/sync/outbox-table';

/** Creates `name` unless it exists. */
async function createMissing(knex: Knex, name: string, build: (table: Knex.CreateTableBuilder) => void): Promise<void> {
  if (!(await knex.schema.hasTable(name))) await knex.schema.createTable(name, build);
}

export async function up(knex: Knex): Promise<void> {
  // The outbox of the search sync: every change to index, written with the change itself.
  await createMissing(knex, OUTBOX_TABLE, (table) => {
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

  // What practitioners searched for, counted per day, language and query text.
  await createMissing(knex, SEARCH_LOG_TABLE, (table) => {
    table.string('day', 10).notNullable(); // YYYY-MM-DD (UTC)
    table.string('locale', 8).notNullable();
    table.string('query', 100).notNullable();
    table.integer('searches').notNullable();
    table.integer('without_results').notNullable();
    table.primary(['day', 'locale', 'query']);
  });

  // Durable e-mail (src/mail/mail-queue.ts).
  await createMissing(knex, MAIL_TABLE, (table) => {
    table.increments('id');
    table.string('message_id', 200).notNullable();
    table.text('to_address').notNullable();
    table.text('reply_to').nullable();
    table.string('subject', 300).notNullable();
    table.text('text_body').notNullable();
    // epoch milliseconds, as in the search outbox: the same on SQLite and PostgreSQL
    table.bigInteger('created_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.bigInteger('locked_until').nullable();
    table.bigInteger('sent_at').nullable();
    table.index(['sent_at', 'due_at'], 'praxis_mail_outbox_due_idx');
  });

  // Contact and exchange requests (src/requests/contact-requests.ts).
  await createMissing(knex, CONTACT_REQUEST_TABLE, (table) => {
    table.increments('id');
    table.string('case_study_document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('purpose', 20).notNullable();
    // Personal data, emptied after the retention period (anonymiseOldContactRequests); the row stays as a count.
    table.text('message').nullable();
    table.string('name', 100).nullable();
    table.string('organisation', 200).nullable();
    table.string('email', 254).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('anonymised_at').nullable();
    table.index(['case_study_document_id'], 'praxis_contact_requests_case_study_idx');
  });

  // Submissions of "Praxisbeispiel einreichen" (src/requests/submission-tables.ts).
  if (await knex.schema.hasTable(SUBMISSION_TABLE)) {
    // Added after the first release, which created the table without it.
    if (!(await knex.schema.hasColumn(SUBMISSION_TABLE, 'failed_confirmations'))) {
      await knex.schema.alterTable(SUBMISSION_TABLE, (table) => table.integer('failed_confirmations').notNullable().defaultTo(0));
    }
  } else {
    await knex.schema.createTable(SUBMISSION_TABLE, (table) => {
      table.increments('id');
      table.string('token_hash', 64).notNullable().unique();
      table.string('locale', 16).notNullable();
      table.string('title', 200).notNullable();
      table.text('project').notNullable();
      table.string('submitter_name', 100).notNullable();
      table.string('submitter_organisation', 200).nullable();
      table.string('submitter_email', 254).notNullable();
      // The consent text the submitter agreed to, word for word, and when.
      table.text('consent_text').notNullable();
      table.bigInteger('created_at').notNullable();
      table.bigInteger('confirmed_at').nullable();
      table.string('case_study_document_id', 64).nullable();
      table.integer('failed_confirmations').notNullable().defaultTo(0);
    });
  }

  // The images of a submission, kept until it is confirmed (then they go to the media library).
  await createMissing(knex, SUBMISSION_IMAGE_TABLE, (table) => {
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
