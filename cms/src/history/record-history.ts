// Records every action on a case study that goes through Strapi's document service — the admin's
// edit view, the REST API, the importer's single writes, submissions, restores — in the editorial
// record (history-table.ts), with the acting user. Registered after the review rules, so an
// action they refuse is never recorded. The importer's bulk writes bypass the document service and
// record themselves (recordBulkImport).
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DEFAULT_LOCALE } from '@praxis/search';
import { CASE_STUDY } from '../editorial/roles';
import { actingActor, currentWork, type Actor } from './actor';
import { appendHistory, type HistoryAction, type NewHistoryEntry } from './history-table';
import { changedFields, readSnapshot, readSnapshots, type Snapshot } from './snapshot';

type Listener = (entries: NewHistoryEntry[], trx: Knex) => Promise<void>;
/** Per Strapi instance: a process that stops one and starts another (tests, a restart) must not call the old one's. */
const listeners = new WeakMap<Core.Strapi, Listener[]>();

/**
 * Called with each batch of recorded entries inside their transaction (the review thread keeps
 * notes, the editors' mails are queued): what a listener writes commits with the change, or not at all.
 */
export function onHistoryRecorded(strapi: Core.Strapi, listener: Listener): void {
  listeners.set(strapi, [...(listeners.get(strapi) ?? []), listener]);
}

/** Appends entries in the transaction of the change they record: a rolled-back change leaves none. */
export async function record(strapi: Core.Strapi, entries: NewHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await strapi.db.transaction(async ({ trx }) => {
    await appendHistory(trx, entries);
    for (const listener of listeners.get(strapi) ?? []) await listener(entries, trx);
  });
}

/** Strapi's createdBy/updatedBy follow the real author, also where no edit view set them (imports). */
async function stampAuthor(strapi: Core.Strapi, documentId: string, locale: string, actor: Actor, created: boolean): Promise<void> {
  if (actor.id === null) return;
  await strapi.db.query(CASE_STUDY).updateMany({
    where: { documentId, locale, publishedAt: null },
    data: created ? { createdBy: actor.id, updatedBy: actor.id } : { updatedBy: actor.id },
  });
}

/** The action a saved draft stands for: a named piece of work, a return, a submission to review, or a save. */
function saveAction(before: Snapshot | null, after: Snapshot | null): HistoryAction {
  const kind = currentWork()?.kind;
  if (kind) return kind;
  if (!before) return 'create';
  if (before.editorialState === 'zur-pruefung' && after?.editorialState === 'entwurf') return 'return';
  if (after?.editorialState === 'zur-pruefung' && before.editorialState !== 'zur-pruefung') return 'submit';
  return 'update';
}

export function registerHistory(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CASE_STUDY) return next();
    const params = context.params as { documentId?: string; locale?: string | string[] };
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : params.locale === undefined ? DEFAULT_LOCALE : null;
    const actor = actingActor(strapi);

    switch (context.action) {
      case 'create': {
        const result = await next();
        const documentId = (result as { documentId?: string } | null)?.documentId;
        if (!documentId || !locale) return result;
        const after = await readSnapshot(strapi, documentId, locale);
        await stampAuthor(strapi, documentId, locale, actor, true);
        await record(strapi, [{ documentId, locale, action: currentWork()?.kind ?? 'create', actor, fields: changedFields(null, after), snapshot: after }]);
        return result;
      }
      case 'update': {
        if (!params.documentId || !locale) return next();
        const before = await readSnapshot(strapi, params.documentId, locale);
        const result = await next();
        const after = await readSnapshot(strapi, params.documentId, locale);
        const fields = changedFields(before, after);
        const action = saveAction(before, after);
        if (fields.length === 0 && action === 'update') return result;
        await stampAuthor(strapi, params.documentId, locale, actor, !before);
        const comment = currentWork()?.comment ?? (action === 'return' ? ((after?.reviewComment as string | null) ?? null) : null);
        await record(strapi, [{ documentId: params.documentId, locale, action, actor, comment, fields, snapshot: after }]);
        return result;
      }
      case 'publish':
      case 'unpublish':
      case 'discardDraft': {
        if (!params.documentId || !locale) return next();
        const before = context.action === 'publish' ? await readSnapshot(strapi, params.documentId, locale, 'published') : null;
        const result = await next();
        const after = await readSnapshot(strapi, params.documentId, locale, context.action === 'publish' ? 'published' : 'draft');
        const action: HistoryAction = context.action === 'discardDraft' ? 'discard' : context.action;
        await record(strapi, [
          { documentId: params.documentId, locale, action, actor, fields: action === 'publish' ? changedFields(before, after) : undefined, snapshot: after },
        ]);
        return result;
      }
      case 'delete': {
        if (!params.documentId) return next();
        const before = locale ? await readSnapshot(strapi, params.documentId, locale) : null;
        const result = await next();
        await record(strapi, [{ documentId: params.documentId, locale, action: 'delete', actor, snapshot: before }]);
        return result;
      }
      default:
        return next();
    }
  });
}

/**
 * Records the importer's bulk writes (which bypass the document service): one entry per case
 * study, with the fields the import changed; `before` holds the drafts as they were.
 */
export async function recordBulkImport(strapi: Core.Strapi, documentIds: string[], locale: string, before: Map<string, Snapshot>): Promise<void> {
  const actor = actingActor(strapi);
  const after = await readSnapshots(strapi, documentIds, locale);
  const entries: NewHistoryEntry[] = [];
  for (const documentId of documentIds) {
    const snapshot = after.get(documentId) ?? null;
    const fields = changedFields(before.get(documentId) ?? null, snapshot);
    if (before.has(documentId) && fields.length === 0) continue;
    await stampAuthor(strapi, documentId, locale, actor, !before.has(documentId));
    entries.push({ documentId, locale, action: currentWork()?.kind ?? 'import', actor, fields, snapshot });
  }
  await record(strapi, entries);
}
