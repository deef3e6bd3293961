// The review thread (issue 34): comments on a case study in one language, with author and time,
// resolved by the reviewing roles (src/review/review-table.ts).
import type { Knex } from 'knex';
import { REVIEW_COMMENT_MAX_LENGTH, REVIEW_COMMENT_TABLE } from '../../src/review/review-table';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable(REVIEW_COMMENT_TABLE, (table) => {
    table.increments('id');
    table.string('document_id', 64).notNullable();
    table.string('locale', 16).notNullable();
    table.string('body', REVIEW_COMMENT_MAX_LENGTH).notNullable();
    // epoch milliseconds, as in the CMS's other own tables
    table.bigInteger('at').notNullable();
    // The author's name as it was then (a user may be deleted later).
    table.integer('author_id').nullable();
    table.string('author_name', 300).notNullable();
    table.bigInteger('resolved_at').nullable();
    table.integer('resolved_by_id').nullable();
    table.string('resolved_by_name', 300).nullable();
    table.index(['document_id', 'locale'], 'praxis_review_comments_document_idx');
  });
}
