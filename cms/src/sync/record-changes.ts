import type { Core } from '@strapi/strapi';
import type { KnexOutboxStore } from './knex-outbox-store';
import { CASE_STUDY } from './strapi-source';
import { RELATION_OF_UID, TAXONOMIES, TRANSFER_REPORT_UID } from '@praxis/search';

const CASE_STUDY_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
const TAXONOMY_WRITES = new Set(['update', 'delete']);
/** Types whose names the site shows as filters and chips; a new entry is a new filter value. */
const VOCABULARY_TYPES = new Set<string>(TAXONOMIES.filter((taxonomy) => taxonomy.filter).map((taxonomy) => taxonomy.uid));
const VOCABULARY_WRITES = new Set(['create', 'update', 'delete']);

interface ActionParams {
  documentId?: string;
  locale?: string;
}

/** What a write of the document service means for the search index and the site's filters. */
export interface ChangePlan {
  /** The written case study is queued for the index. */
  caseStudy: boolean;
  /** The case-study relation that points at the changed taxonomy entry: every case study it links is queued. */
  relation?: string;
  /** The names of a filter vocabulary changed: the site is told once the change is committed. */
  vocabulary: boolean;
}

/** What the action `action` on an entry of `uid` changes for the search, or undefined when nothing. */
export function planChange(uid: string, action: string): ChangePlan | undefined {
  const caseStudy = uid === CASE_STUDY && CASE_STUDY_WRITES.has(action);
  const relation = TAXONOMY_WRITES.has(action) ? RELATION_OF_UID[uid] : undefined;
  const vocabulary = VOCABULARY_TYPES.has(uid) && VOCABULARY_WRITES.has(action);
  if (!caseStudy && relation === undefined && !vocabulary) return undefined;
  return { caseStudy, ...(relation === undefined ? {} : { relation }), vocabulary };
}

export interface OutboxChange {
  documentId: string;
  locale: string | null;
  reason: string;
}

/**
 * The outbox rows of a planned change: the case study written, in its locale (all locales for
 * `*` or none; its documentId from the result when the action created it), or every case study
 * that referenced the taxonomy entry (`affected`), in all their locales.
 */
export function outboxChanges(
  plan: ChangePlan,
  uid: string,
  action: string,
  params: ActionParams,
  result: unknown,
  affected: readonly string[],
): OutboxChange[] {
  const reason = `${action} ${uid}`;
  if (plan.caseStudy) {
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    const locale = params.locale && params.locale !== '*' ? params.locale : null;
    return documentId ? [{ documentId, locale, reason }] : [];
  }
  return plan.relation === undefined ? [] : affected.map((documentId) => ({ documentId, locale: null, reason }));
}

/** Every case study (any locale, draft or published) that references the taxonomy entry. */
async function referencingCaseStudies(strapi: Core.Strapi, relation: string, documentId: string): Promise<string[]> {
  const rows: { documentId: string }[] = await strapi.db.query(CASE_STUDY).findMany({
    where: { [relation]: { documentId } },
    select: ['documentId'],
  });
  return [...new Set(rows.map((row) => row.documentId))];
}

/**
 * A document-service middleware that records every change that can affect the
 * index as an outbox row, in the same transaction as the change itself: a
 * change is never acknowledged without its row, and a rolled-back change
 * leaves none. Taxonomy changes fan out to every referencing case study; a committed change
 * of a filter vocabulary is reported at once (its names are read from the CMS, not the index).
 */
export function registerChangeRecorder(strapi: Core.Strapi, outbox: () => KnexOutboxStore, onCommitted: () => void, onVocabularyChanged: () => void): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as ActionParams;
    const plan = planChange(context.uid, context.action);
    if (context.uid === TRANSFER_REPORT_UID && CASE_STUDY_WRITES.has(context.action)) {
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        // Looked up first: a deleted report has no row afterwards.
        const before = await caseStudyOfReport(strapi, params.documentId);
        const result = await next();
        const caseStudy = before ?? (await caseStudyOfReport(strapi, (result as { documentId?: string } | null)?.documentId));
        if (caseStudy) await outbox().enqueue([{ documentId: caseStudy, locale: null, reason: `${context.action} ${context.uid}` }], trx);
        onCommit(onCommitted);
        return result;
      });
    }
    if (!plan) return next();

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      // References are gone after a delete, so look them up first.
      const affected = plan.relation !== undefined && params.documentId ? await referencingCaseStudies(strapi, plan.relation, params.documentId) : [];
      const result = await next();
      const changes = outboxChanges(plan, context.uid, context.action, params, result, affected);
      if (changes.length > 0) await outbox().enqueue(changes, trx);
      onCommit(onCommitted);
      if (plan.vocabulary) onCommit(onVocabularyChanged);
      return result;
    });
  });
}

/**
 * A transfer report ("Nachnutzung") shows on its case study's page and in its search document:
 * any write of one queues that case study (every locale), so the index and the site's caches
 * follow as for the case study's own changes. Undefined without a report.
 */
async function caseStudyOfReport(strapi: Core.Strapi, documentId: string | undefined): Promise<string | undefined> {
  if (!documentId) return undefined;
  const row = (await strapi.db.query(TRANSFER_REPORT_UID).findOne({ where: { documentId }, select: ['caseStudyDocumentId'] })) as {
    caseStudyDocumentId: string;
  } | null;
  return row?.caseStudyDocumentId;
}
