// The CMS's own tables as the 2026-12 release created them at boot (the code of its `ensure…Table`
// functions, names included, comments left out), and a row for each: a database that release built, for
// the test of the upgrade path (tests/integration/migrations.test.ts). Never change this file to
// follow the code: it is what production databases hold.
import type { Knex } from 'knex';

export const RELEASE_TABLES = {
  outbox: 'praxis_sync_outbox',
  searchLog: 'praxis_search_log',
  mail: 'praxis_mail_outbox',
  contactRequests: 'praxis_contact_requests',
  submissions: 'praxis_submissions',
  submissionImages: 'praxis_submission_images',
} as const;

/**
 * Creates the six tables of the release. `firstRelease`: the submissions table as the release
 * before created it, without `failed_confirmations` (its boot code added the column later).
 */
export async function createReleaseTables(knex: Knex, options: { firstRelease?: boolean } = {}): Promise<void> {
  await knex.schema.createTable('praxis_sync_outbox', (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).nullable();
    table.string('reason', 100).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.bigInteger('locked_until').nullable();
    table.bigInteger('done_at').nullable();
    table.index(['done_at', 'due_at'], 'praxis_sync_outbox_due_idx');
  });
  await knex.schema.createTable('praxis_search_log', (table) => {
    table.string('day', 10).notNullable();
    table.string('locale', 8).notNullable();
    table.string('query', 100).notNullable();
    table.integer('searches').notNullable();
    table.integer('without_results').notNullable();
    table.primary(['day', 'locale', 'query']);
  });
  await knex.schema.createTable('praxis_mail_outbox', (table) => {
    table.increments('id');
    table.string('message_id', 200).notNullable();
    table.text('to_address').notNullable();
    table.text('reply_to').nullable();
    table.string('subject', 300).notNullable();
    table.text('text_body').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('due_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error').nullable();
    table.bigInteger('locked_until').nullable();
    table.bigInteger('sent_at').nullable();
    table.index(['sent_at', 'due_at'], 'praxis_mail_outbox_due_idx');
  });
  await knex.schema.createTable('praxis_contact_requests', (table) => {
    table.increments('id');
    table.string('case_study_document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('purpose', 20).notNullable();
    table.text('message').nullable();
    table.string('name', 100).nullable();
    table.string('organisation', 200).nullable();
    table.string('email', 254).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('anonymised_at').nullable();
    table.index(['case_study_document_id'], 'praxis_contact_requests_case_study_idx');
  });
  await knex.schema.createTable('praxis_submissions', (table) => {
    table.increments('id');
    table.string('token_hash', 64).notNullable().unique();
    table.string('locale', 16).notNullable();
    table.string('title', 200).notNullable();
    table.text('project').notNullable();
    table.string('submitter_name', 100).notNullable();
    table.string('submitter_organisation', 200).nullable();
    table.string('submitter_email', 254).notNullable();
    table.text('consent_text').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('confirmed_at').nullable();
    table.string('case_study_document_id', 64).nullable();
    if (!options.firstRelease) table.integer('failed_confirmations').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('praxis_submission_images', (table) => {
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

// Recent enough for every retention (contact requests, submissions, the search log's 90 days) and
// for nothing to be due: no worker touches these rows while the test looks at them.
const at = Date.now() - 3_600_000;

/** One row per table, as the release wrote them (without the serial ids: each is the table's first row, id 1). */
export const RELEASE_ROWS: Record<keyof typeof RELEASE_TABLES, Record<string, unknown>> = {
  outbox: {
    document_id: 'doc-release-1',
    locale: 'de',
    reason: 'publish',
    created_at: at,
    due_at: at + 7_200_000,
    attempts: 2,
    last_error: 'Meilisearch unreachable',
    locked_until: null,
    done_at: null,
  },
  searchLog: { day: new Date().toISOString().slice(0, 10), locale: 'de', query: 'spielplatzpaten', searches: 7, without_results: 3 },
  mail: {
    message_id: '<release.1@praxisdatenbank.local>',
    to_address: 'projekt@example.org',
    reply_to: 'anna@example.org',
    subject: 'Austausch: Anfrage',
    text_body: 'Guten Tag,\n\nÜberlieferter Text mit „Umlauten“.',
    created_at: at,
    due_at: at + 7_200_000,
    attempts: 1,
    last_error: '421 try later',
    locked_until: null,
    sent_at: null,
  },
  contactRequests: {
    case_study_document_id: 'doc-release-1',
    locale: 'de',
    purpose: 'exchange',
    message: 'Wie habt ihr die Eltern erreicht?',
    name: 'Anna Beispiel',
    organisation: 'Familienzentrum Nord',
    email: 'anna@example.org',
    created_at: at,
    anonymised_at: null,
  },
  submissions: {
    token_hash: 'a'.repeat(64),
    locale: 'de',
    title: 'Eingereicht vor dem Update',
    project: '{"teaser":"Ein Projekt."}',
    submitter_name: 'Bea Beispiel',
    submitter_organisation: null,
    submitter_email: 'bea@example.org',
    consent_text: 'Ich willige ein …',
    created_at: at,
    confirmed_at: null,
    case_study_document_id: null,
    failed_confirmations: 2,
  },
  submissionImages: {
    submission_id: 1,
    position: 0,
    file_name: 'foto.webp',
    mime: 'image/webp',
    alt: 'Kinder auf dem Spielplatz',
    credit: 'Bea Beispiel',
    data: Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3]),
  },
};

/** Writes RELEASE_ROWS (the first release's submission without `failed_confirmations`). */
export async function insertReleaseRows(knex: Knex, options: { firstRelease?: boolean } = {}): Promise<void> {
  for (const [key, name] of Object.entries(RELEASE_TABLES) as [keyof typeof RELEASE_TABLES, string][]) {
    const row = { ...RELEASE_ROWS[key] };
    if (options.firstRelease && key === 'submissions') delete row.failed_confirmations;
    await knex(name).insert(row);
  }
}
