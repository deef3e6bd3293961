// The review thread in the admin API (the edit view's *Prüfung* panel): the editorial state in
// words, the comments, a new comment, "Zurückgeben" with a comment, "Als erledigt markieren";
// and the dashboard's "Zurück an mich". Returning and resolving are for the reviewing roles.
import type { Core } from '@strapi/strapi';
import { CONTROL_CHARACTER } from '@praxis/search';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { CASE_STUDY, mayRelease } from '../editorial/roles';
import { adminActor, asEditorialWork } from '../history/actor';
import { HISTORY_TABLE, lastAction, type HistoryAction } from '../history/history-table';
import { onHistoryRecorded } from '../history/record-history';
import { addComment, latestOpenComments, readComments, resolveComment, REVIEW_COMMENT_MAX_LENGTH } from './review-table';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** The state as editors name it: a draft the reviewer sent back is "Zurückgegeben". */
export type ReviewState = 'entwurf' | 'zur-pruefung' | 'zurueckgegeben' | 'freigegeben';

function handlers(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  const draftOf = async (documentId: string, locale: string) =>
    (await strapi.db.query(CASE_STUDY).findOne({ where: { documentId, locale, publishedAt: null }, select: ['editorialState', 'title'] })) as {
      editorialState: string | null;
      title: string;
    } | null;

  /** The case study a request names (its draft in the language), or an answer already given. */
  const target = async (ctx: Context) => {
    const { documentId } = ctx.params;
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : 'de';
    const draft = documentId && DOCUMENT_ID.test(documentId) && /^[a-z]{2}$/.test(locale) ? await draftOf(documentId, locale) : null;
    if (!draft) return void refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es in dieser Sprache nicht.');
    return { documentId: documentId!, locale, draft };
  };

  const review = async (documentId: string, locale: string, editorialState: string | null, ctx: Context) => {
    let state = (editorialState ?? 'entwurf') as ReviewState;
    if (state === 'entwurf') {
      const last = await lastAction(knex(), documentId, locale, ['create', 'submit', 'return', 'publish', 'import', 'submission', 'restore']);
      if (last?.action === 'return') state = 'zurueckgegeben';
    }
    const reviewer = mayRelease(ctx.state.user);
    return {
      state,
      mayResolve: reviewer,
      mayReturn: reviewer && state === 'zur-pruefung',
      // Sending to review is the author's step (Redaktion, or a reviewer writing themselves); a released entry goes again after a change.
      maySubmit: state !== 'zur-pruefung',
      comments: await readComments(knex(), documentId, locale),
    };
  };

  /** A comment's text, or an answer already given. */
  const commentText = (ctx: Context, field: string): string | undefined => {
    const value = ctx.request.body?.[field];
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) return void refuse(ctx, 400, 'ValidationError', 'Bitte einen Kommentar schreiben.');
    if (text.length > REVIEW_COMMENT_MAX_LENGTH) {
      return void refuse(ctx, 400, 'ValidationError', `Der Kommentar hat ${text.length} Zeichen; höchstens ${REVIEW_COMMENT_MAX_LENGTH} sind möglich.`);
    }
    if (CONTROL_CHARACTER.test(text)) return void refuse(ctx, 400, 'ValidationError', 'Der Kommentar enthält Steuerzeichen.');
    return text;
  };

  return {
    async show(ctx: Context) {
      // A translation not written yet (the edit view of a new language) has no review: nothing, not an error
      // (a 404 here made the admin's edit view of a new language load again and again).
      const { documentId } = ctx.params;
      const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : 'de';
      if (documentId && DOCUMENT_ID.test(documentId) && /^[a-z]{2}$/.test(locale) && !(await draftOf(documentId, locale))) {
        const other = await strapi.db.query(CASE_STUDY).findOne({ where: { documentId }, select: ['id'] });
        if (other) {
          ctx.body = { data: null };
          return;
        }
      }
      const named = await target(ctx);
      if (!named) return;
      ctx.body = { data: await review(named.documentId, named.locale, named.draft.editorialState, ctx) };
    },
    async comment(ctx: Context) {
      const named = await target(ctx);
      if (!named) return;
      const text = commentText(ctx, 'body');
      if (text === undefined) return;
      ctx.status = 201;
      ctx.body = { data: await addComment(knex(), named.documentId, named.locale, text, adminActor(ctx.state.user)) };
    },
    /** "Zurückgeben": back to "Entwurf" with the reviewer's comment (recorded as a return). */
    async returnEntry(ctx: Context) {
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Zurückgeben darf nur die Chefredaktion.');
      const named = await target(ctx);
      if (!named) return;
      if (named.draft.editorialState !== 'zur-pruefung')
        return refuse(ctx, 409, 'ConflictError', 'Zurückgeben lässt sich nur ein Praxisbeispiel „Zur Prüfung“.');
      const text = commentText(ctx, 'comment');
      if (text === undefined) return;
      const actor = adminActor(ctx.state.user);
      await asEditorialWork(
        actor,
        undefined,
        () => strapi.documents(CASE_STUDY).update({ documentId: named.documentId, locale: named.locale, data: { editorialState: 'entwurf' } } as never),
        text,
      );
      await addComment(knex(), named.documentId, named.locale, text, actor);
      ctx.body = { data: await review(named.documentId, named.locale, 'entwurf', ctx) };
    },
    /** "Zur Prüfung geben": the editorial state in one click, instead of a menu that offered Redaktion states it may not set. */
    async submit(ctx: Context) {
      const named = await target(ctx);
      if (!named) return;
      if (named.draft.editorialState === 'zur-pruefung') return refuse(ctx, 409, 'ConflictError', 'Dieses Praxisbeispiel liegt schon zur Prüfung vor.');
      const comment = typeof ctx.request.body?.comment === 'string' && ctx.request.body.comment.trim() ? commentText(ctx, 'comment') : null;
      if (comment === undefined) return;
      const actor = adminActor(ctx.state.user);
      await asEditorialWork(actor, undefined, () =>
        strapi.documents(CASE_STUDY).update({ documentId: named.documentId, locale: named.locale, data: { editorialState: 'zur-pruefung' } } as never),
      );
      if (comment) await addComment(knex(), named.documentId, named.locale, comment, actor);
      ctx.body = { data: await review(named.documentId, named.locale, 'zur-pruefung', ctx) };
    },
    async resolve(ctx: Context) {
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Kommentare als erledigt markieren darf nur die Chefredaktion.');
      const named = await target(ctx);
      if (!named) return;
      const id = /^[1-9][0-9]{0,15}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : undefined;
      const resolved = id && (await resolveComment(knex(), named.documentId, named.locale, id, adminActor(ctx.state.user)));
      if (!resolved) return refuse(ctx, 404, 'NotFoundError', 'Diesen Kommentar gibt es nicht.');
      ctx.body = { data: resolved };
    },
    /** The current user's drafts a reviewer sent back, newest return first. */
    async returnedToMe(ctx: Context) {
      ctx.body = await returnedTo(strapi, ctx.state.user.id);
    },
  };
}

/**
 * Drafts whose last step in the review loop was a return and whose author — who sent them to
 * review, or wrote them — is `userId`.
 */
export async function returnedTo(strapi: Core.Strapi, userId: number, limit = 10) {
  const knex = strapi.db.connection;
  const returns = (await knex(HISTORY_TABLE)
    .select('document_id', 'locale', 'at', 'user_name', 'comment')
    .where({ action: 'return' })
    .orderBy('at', 'desc')
    .limit(500)) as { document_id: string; locale: string; at: number | string; user_name: string; comment: string | null }[];
  const items: { documentId: string; locale: string; title: string; returnedAt: string; returnedBy: string; comment: string | null }[] = [];
  const seen = new Set<string>();
  for (const row of returns) {
    const key = `${row.document_id}:${row.locale}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const last = await lastAction(knex, row.document_id, row.locale, ['create', 'submit', 'return', 'publish', 'import', 'submission', 'restore']);
    if (last?.action !== 'return') continue;
    const author = await lastAction(knex, row.document_id, row.locale, ['submit', 'create', 'import']);
    if (author?.user.id !== userId) continue;
    const draft = (await strapi.db
      .query(CASE_STUDY)
      .findOne({ where: { documentId: row.document_id, locale: row.locale, publishedAt: null, editorialState: 'entwurf' }, select: ['title'] })) as {
      title: string;
    } | null;
    if (!draft) continue;
    items.push({
      documentId: row.document_id,
      locale: row.locale,
      title: draft.title,
      returnedAt: new Date(Number(row.at)).toISOString(),
      returnedBy: row.user_name,
      comment: row.comment,
    });
  }
  const open = await latestOpenComments(knex, items);
  return {
    total: items.length,
    items: items.slice(0, limit).map((item) => ({ ...item, comment: item.comment ?? open.get(`${item.documentId}:${item.locale}`)?.body ?? null })),
  };
}

const NOTE_WRITING_ACTIONS: HistoryAction[] = ['create', 'update', 'submit', 'return', 'import', 'submission'];

/** A note the importer or an editor writes into the old "Anmerkung der Prüfung" field becomes a comment of the thread. */
function captureReviewCommentField(strapi: Core.Strapi): void {
  onHistoryRecorded(strapi, async (entries, trx) => {
    for (const entry of entries) {
      const note = entry.snapshot?.reviewComment;
      // Only where someone wrote the note: publishing copies the draft's note to the live version, which is no new note.
      if (!NOTE_WRITING_ACTIONS.includes(entry.action)) continue;
      if (!entry.locale || !entry.fields?.includes('reviewComment') || typeof note !== 'string' || !note.trim()) continue;
      await addComment(trx, entry.documentId, entry.locale, note.trim().slice(0, REVIEW_COMMENT_MAX_LENGTH), entry.actor);
    }
  });
}

export function registerReview(strapi: Core.Strapi): void {
  captureReviewCommentField(strapi);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/case-studies/:documentId/review', handle.show, 'read'],
    ['POST', '/case-studies/:documentId/review/comments', handle.comment, 'update'],
    ['POST', '/case-studies/:documentId/review/submit', handle.submit, 'update'],
    ['POST', '/case-studies/:documentId/review/return', handle.returnEntry, 'update'],
    ['POST', '/case-studies/:documentId/review/comments/:id/resolve', handle.resolve, 'update'],
    ['GET', '/returned-to-me', handle.returnedToMe, 'read'],
  ]);
}
