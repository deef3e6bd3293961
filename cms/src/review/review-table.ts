// The review thread of a case study in one language: comments with author and time, kept after
// publishing (the review record), resolved only by the reviewing roles. Created by
// cms/database/migrations/2026.12.08T00.00.01.review-comments.ts.
import type { Knex } from 'knex';
import type { Actor } from '../history/actor';

export const REVIEW_COMMENT_TABLE = 'praxis_review_comments';
export const REVIEW_COMMENT_MAX_LENGTH = 2000;

export interface ReviewComment {
  id: number;
  body: string;
  at: string;
  author: { id: number | null; name: string };
  resolvedAt: string | null;
  resolvedBy: string | null;
}

interface Row {
  id: number;
  document_id: string;
  locale: string;
  body: string;
  at: number | string;
  author_id: number | null;
  author_name: string;
  resolved_at: number | string | null;
  resolved_by_name: string | null;
}

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function toComment(row: Row): ReviewComment {
  return {
    id: Number(row.id),
    body: row.body,
    at: iso(row.at)!,
    author: { id: row.author_id === null ? null : Number(row.author_id), name: row.author_name },
    resolvedAt: iso(row.resolved_at),
    resolvedBy: row.resolved_by_name,
  };
}

/** The thread, oldest first. */
export async function readComments(knex: Knex, documentId: string, locale: string): Promise<ReviewComment[]> {
  const rows = (await knex(REVIEW_COMMENT_TABLE).where({ document_id: documentId, locale }).orderBy('id', 'asc')) as Row[];
  return rows.map(toComment);
}

export async function addComment(knex: Knex, documentId: string, locale: string, body: string, author: Actor, at = Date.now()): Promise<ReviewComment> {
  const [inserted] = (await knex(REVIEW_COMMENT_TABLE)
    .insert({ document_id: documentId, locale, body, at, author_id: author.id, author_name: author.name })
    .returning('id')) as { id: number }[];
  return toComment((await knex(REVIEW_COMMENT_TABLE).where({ id: inserted!.id }).first()) as Row);
}

/** Marks a comment resolved; undefined when the thread has no such comment. */
export async function resolveComment(knex: Knex, documentId: string, locale: string, id: number, by: Actor): Promise<ReviewComment | undefined> {
  const where = { document_id: documentId, locale, id };
  await knex(REVIEW_COMMENT_TABLE).where(where).whereNull('resolved_at').update({ resolved_at: Date.now(), resolved_by_id: by.id, resolved_by_name: by.name });
  const row = (await knex(REVIEW_COMMENT_TABLE).where(where).first()) as Row | undefined;
  return row && toComment(row);
}

/** Open comments per case study and language, for lists ("Zurück an mich"). */
export async function latestOpenComments(knex: Knex, keys: { documentId: string; locale: string }[]): Promise<Map<string, ReviewComment>> {
  const found = new Map<string, ReviewComment>();
  if (keys.length === 0) return found;
  const rows = (await knex(REVIEW_COMMENT_TABLE)
    .whereIn(
      'document_id',
      keys.map((key) => key.documentId),
    )
    .whereNull('resolved_at')
    .orderBy('id', 'asc')) as Row[];
  for (const row of rows) found.set(`${row.document_id}:${row.locale}`, toComment(row));
  return found;
}
