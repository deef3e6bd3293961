import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { editorialStateRefusal, inUseRefusal, publishRefusal, releasedRows } from './review-policy';
import { actingAdmin, CASE_STUDY, TRANSFER_REPORT } from './roles';
import type { EditorialState } from './states';
import { RELATION_OF_UID } from '@praxis/search';
import { markReviewed } from '../dashboard/review-queues';
import { searchSync } from '../sync/search-sync';
import { currentWork } from '../history/actor';

function refuse(message: string, field: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/**
 * The review step and the newsroom's rules, for the admin, the REST API and the importer alike:
 * only Chefredaktion (or Administration) publishes and releases; Redaktion may set a case study
 * to "Entwurf" or "Zur Prüfung" only; publishing marks it "Freigegeben" (transfer reports alike); a taxonomy entry that
 * case studies use cannot be deleted.
 */
export function registerReviewRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; locale?: string; data?: { editorialState?: EditorialState } };
    const user = actingAdmin(strapi);

    if ((context.uid === CASE_STUDY || context.uid === TRANSFER_REPORT) && (context.action === 'create' || context.action === 'update')) {
      const refusal = editorialStateRefusal(params.data?.editorialState, user, context.uid === TRANSFER_REPORT ? 'den Bericht' : 'das Praxisbeispiel');
      if (refusal) refuse(refusal, 'editorialState');
    }

    // A transfer report ("Nachnutzung") is reviewed as a case study is: only Chefredaktion publishes, which releases it.
    if (context.uid === TRANSFER_REPORT && context.action === 'publish') {
      const refusal = publishRefusal(user, 'den Bericht');
      if (refusal) throw new errors.ForbiddenError(refusal);
      const result = await next();
      if (params.documentId) {
        await strapi.db
          .query(TRANSFER_REPORT)
          .updateMany({ where: { documentId: params.documentId }, data: { editorialState: 'freigegeben', reviewComment: null } });
      }
      return result;
    }

    if (context.uid === CASE_STUDY && context.action === 'publish') {
      const refusal = publishRefusal(user);
      if (refusal) throw new errors.ForbiddenError(refusal);
      const result = await next();
      if (params.documentId) {
        await strapi.db
          .query(CASE_STUDY)
          .updateMany({ where: releasedRows(params.documentId, params.locale), data: { editorialState: 'freigegeben', reviewComment: null } });
        // Publishing is a review: "Zuletzt geprüft" is today, for every language (the date is not
        // localised); written after the publish's own outbox row, so the index is told again, in the
        // caller's transaction where there is one. An import or a submission publishes as its file
        // says, "Zuletzt geprüft" included.
        const documentId = params.documentId;
        if (currentWork()?.kind) return result;
        await strapi.db.transaction(async ({ trx, onCommit }) => {
          await markReviewed(strapi, documentId);
          await searchSync(strapi).store.enqueue([{ documentId, locale: null, reason: 'reviewed' }], trx);
          onCommit(() => searchSync(strapi).notify());
        });
      }
      return result;
    }

    const relation = RELATION_OF_UID[context.uid];
    if (relation && context.action === 'delete' && params.documentId) {
      const rows: { documentId: string }[] = await strapi.db
        .query(CASE_STUDY)
        .findMany({ where: { [relation]: { documentId: params.documentId } }, select: ['documentId'] });
      if (rows.length > 0) {
        const entry = await strapi.db.query(context.uid).findOne({ where: { documentId: params.documentId }, select: ['name'] });
        const refusal = inUseRefusal(entry?.name, rows);
        if (refusal) refuse(refusal, 'name');
      }
    }
    return next();
  });
}

/**
 * Case studies from before the review step (or from the importer) get a state: published ones
 * "Freigegeben", the others "Entwurf". Runs at every start; touches only rows without a state.
 */
export async function ensureEditorialStates(strapi: Core.Strapi): Promise<void> {
  const query = strapi.db.query(CASE_STUDY);
  const published = await query.findMany({ where: { editorialState: null, publishedAt: { $notNull: true } }, select: ['documentId', 'locale'] });
  for (const { documentId, locale } of published as { documentId: string; locale: string }[]) {
    await query.updateMany({ where: { documentId, locale, editorialState: null }, data: { editorialState: 'freigegeben' } });
  }
  await query.updateMany({ where: { editorialState: null }, data: { editorialState: 'entwurf' } });
}
