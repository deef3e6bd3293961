// The Papierkorb (issue 34, item 5): deleting a case study (in one language or all) keeps its
// content for TRASH_DAYS; Chefredaktion and Administration take it back out as a draft, or it is
// purged: the trash entry, its editorial record, its review thread and — once no language of it
// is left — the submission it came from, as the Datenschutz page says.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { DEFAULT_LOCALE } from '@praxis/search';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { runScheduled } from '../database/scheduled-job';
import { CASE_STUDY, mayRelease } from '../editorial/roles';
import { actingActor, adminActor, asEditorialWork } from '../history/actor';
import { HISTORY_TABLE } from '../history/history-table';
import { readSnapshot, restoreData, type Snapshot } from '../history/snapshot';
import { SUBMISSION_IMAGE_TABLE, SUBMISSION_TABLE } from '../requests/submission-tables';
import { REVIEW_COMMENT_TABLE } from '../review/review-table';
import { expiredTrash, listTrash, putInTrash, removeFromTrash, takeFromTrash, TRASH_TABLE } from './trash-table';

/** Keeps what a delete removes: each affected language's draft and published version. */
function keepDeleted(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CASE_STUDY || context.action !== 'delete') return next();
    const params = context.params as { documentId?: string; locale?: string };
    if (!params.documentId) return next();
    const documentId = params.documentId;
    const locales =
      params.locale === '*'
        ? [
            ...new Set(
              ((await strapi.db.query(CASE_STUDY).findMany({ where: { documentId }, select: ['locale'] })) as { locale: string }[]).map((row) => row.locale),
            ),
          ]
        : [params.locale ?? DEFAULT_LOCALE];
    const kept: { documentId: string; locale: string; draft: Snapshot; published: Snapshot | null }[] = [];
    for (const locale of locales) {
      const draft = await readSnapshot(strapi, documentId, locale);
      if (draft) kept.push({ documentId, locale, draft, published: await readSnapshot(strapi, documentId, locale, 'published') });
    }
    const result = await next();
    await strapi.db.transaction(({ trx }) => putInTrash(trx, kept, actingActor(strapi)));
    return result;
  });
}

/**
 * Purges the trash entries past their time: the entry, the record and review thread of that
 * language, and when no language of the case study is left, its record's remaining entries and
 * the submission it came from with its images. Returns how many entries were purged.
 */
export async function purgeTrash(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const knex: Knex = strapi.db.connection;
  const expired = await expiredTrash(knex, now);
  for (const entry of expired) {
    await strapi.db.transaction(async ({ trx }) => {
      await trx(TRASH_TABLE).where({ id: entry.id }).delete();
      const remaining = (await strapi.db.query(CASE_STUDY).findMany({ where: { documentId: entry.documentId }, select: ['locale'] })) as { locale: string }[];
      if (remaining.some((row) => row.locale === entry.locale)) return;
      await trx(HISTORY_TABLE).where({ document_id: entry.documentId, locale: entry.locale }).delete();
      await trx(REVIEW_COMMENT_TABLE).where({ document_id: entry.documentId, locale: entry.locale }).delete();
      if (remaining.length > 0) return;
      // Other trash entries of the same case study still allow a restore: its shared record stays until the last goes.
      const stillInTrash = await trx(TRASH_TABLE).where({ document_id: entry.documentId }).first();
      if (stillInTrash) return;
      await trx(HISTORY_TABLE).where({ document_id: entry.documentId }).delete();
      const submissions = trx(SUBMISSION_TABLE).select('id').where({ case_study_document_id: entry.documentId });
      await trx(SUBMISSION_IMAGE_TABLE).whereIn('submission_id', submissions).delete();
      await trx(SUBMISSION_TABLE).where({ case_study_document_id: entry.documentId }).delete();
    });
  }
  return expired.length;
}

function handlers(strapi: Core.Strapi) {
  return {
    async list(ctx: Context) {
      ctx.body = { data: await listTrash(strapi.db.connection), mayRestore: mayRelease(ctx.state.user) };
    },
    /** Back as a draft ("Entwurf") under its old address; publishing stays a separate step. */
    async restore(ctx: Context) {
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Aus dem Papierkorb holt nur die Chefredaktion etwas zurück.');
      const id = /^[1-9][0-9]{0,15}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : undefined;
      const item = id && (await takeFromTrash(strapi.db.connection, id));
      if (!item) return refuse(ctx, 404, 'NotFoundError', 'Diesen Eintrag gibt es im Papierkorb nicht (mehr).');
      const rows = (await strapi.db.query(CASE_STUDY).findMany({ where: { documentId: item.documentId }, select: ['locale'] })) as { locale: string }[];
      if (rows.some((row) => row.locale === item.locale)) {
        return refuse(ctx, 409, 'ConflictError', 'Dieses Praxisbeispiel gibt es in dieser Sprache schon wieder.');
      }
      const data = { ...restoreData(item.draft), slug: item.draft.slug, previousSlugs: item.draft.previousSlugs ?? null, editorialState: 'entwurf' };
      const documents = strapi.documents(CASE_STUDY);
      try {
        await asEditorialWork(
          adminActor(ctx.state.user),
          'restore',
          async () => {
            if (rows.length > 0) await documents.update({ documentId: item.documentId, locale: item.locale, data } as never);
            else await documents.create({ locale: item.locale, data: { ...data, documentId: item.documentId } } as never);
          },
          'Aus dem Papierkorb zurückgeholt',
        );
      } catch (error) {
        if (error instanceof errors.ValidationError) return refuse(ctx, 400, 'ValidationError', `Das lässt sich nicht zurückholen: ${error.message}`);
        throw error;
      }
      await removeFromTrash(strapi.db.connection, item.id);
      ctx.body = { data: { documentId: item.documentId, locale: item.locale } };
    },
  };
}

let purgeTimer: NodeJS.Timeout | undefined;

export function registerTrash(strapi: Core.Strapi): void {
  keepDeleted(strapi);
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/trash', handle.list, 'read'],
    ['POST', '/trash/:id/restore', handle.restore, 'update'],
  ]);
}

const HOUR = 60 * 60 * 1000;

/** At bootstrap: purge now and then every hour (once an hour across all CMS instances: database/scheduled-job.ts). */
export function startTrashPurge(strapi: Core.Strapi): void {
  const run = () =>
    runScheduled(strapi.db.connection, 'trash-purge', HOUR, () => purgeTrash(strapi))
      .then(
        (outcome) => outcome.ran && outcome.result > 0 && strapi.log.info(`[trash] ${outcome.result} case stud(y/ies) purged after 30 days in the Papierkorb`),
      )
      .catch((error: Error) => strapi.log.error(`[trash] purge failed: ${error.message}`));
  void run();
  clearInterval(purgeTimer);
  purgeTimer = setInterval(run, HOUR);
  purgeTimer.unref();
}

export function stopTrashPurge(): void {
  clearInterval(purgeTimer);
  purgeTimer = undefined;
}
