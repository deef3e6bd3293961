import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actingAdmin, CASE_STUDY, mayRelease } from './roles';
import { EDITORIAL_STATE_NAMES, STATES_FOR_REDAKTION, type EditorialState } from './states';

function refuse(message: string, field: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/** Which case-study relation points at each taxonomy: what "in use" means for a delete. */
const RELATION_OF: Record<string, string> = {
  'api::target-group.target-group': 'targetGroups', 'api::topic.topic': 'topics', 'api::setting.setting': 'settings',
  'api::quality-criterion.quality-criterion': 'criteria', 'api::organisation.organisation': 'provider',
  'api::municipality.municipality': 'municipalities', 'api::building-block.building-block': 'buildingBlock',
};

/**
 * The review step and the newsroom's rules, for the admin, the REST API and the importer alike:
 * only Chefredaktion (or Administration) publishes and releases; Redaktion may set a case study
 * to "Entwurf" or "Zur Prüfung" only; publishing marks it "Freigegeben"; a taxonomy entry that
 * case studies use cannot be deleted.
 */
export function registerReviewRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; locale?: string; data?: { editorialState?: EditorialState } };
    const user = actingAdmin(strapi);

    if (context.uid === CASE_STUDY && (context.action === 'create' || context.action === 'update')) {
      const state = params.data?.editorialState;
      if (state && user && !mayRelease(user) && !STATES_FOR_REDAKTION.includes(state)) {
        refuse(`„${EDITORIAL_STATE_NAMES[state].de}“ darf nur die Chefredaktion setzen. Geben Sie das Praxisbeispiel „Zur Prüfung“.`, 'editorialState');
      }
    }

    if (context.uid === CASE_STUDY && context.action === 'publish') {
      if (user && !mayRelease(user)) {
        throw new errors.ForbiddenError('Veröffentlichen darf nur die Chefredaktion. Geben Sie das Praxisbeispiel „Zur Prüfung“.');
      }
      const result = await next();
      if (params.documentId) {
        const where = { documentId: params.documentId, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) };
        await strapi.db.query(CASE_STUDY).updateMany({ where, data: { editorialState: 'freigegeben', reviewComment: null } });
      }
      return result;
    }

    const relation = RELATION_OF[context.uid];
    if (relation && context.action === 'delete' && params.documentId) {
      // Rows are per locale and per draft/published version; count case studies.
      const rows = await strapi.db.query(CASE_STUDY).findMany({ where: { [relation]: { documentId: params.documentId } }, select: ['documentId'] });
      const uses = new Set(rows.map((row: { documentId: string }) => row.documentId)).size;
      if (uses > 0) {
        const entry = await strapi.db.query(context.uid).findOne({ where: { documentId: params.documentId }, select: ['name'] });
        const what = entry?.name ? `„${entry.name}“` : 'Dieser Eintrag';
        const cases = uses === 1 ? 'einem Praxisbeispiel' : `${uses} Praxisbeispielen`;
        refuse(`${what} wird in ${cases} verwendet und kann nicht gelöscht werden. Entfernen Sie ihn dort zuerst.`, 'name');
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
