import type { Core } from '@strapi/strapi';
import type { KnexOutboxStore } from './knex-outbox-store';
import { CASE_STUDY } from './strapi-source';
import { RELATION_OF_UID, TAXONOMIES } from '@praxis/search';

const CASE_STUDY_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
const TAXONOMY_WRITES = new Set(['update', 'delete']);
/** Types whose names the site shows as filters and chips; a new entry is a new filter value. */
const VOCABULARY_TYPES = new Set<string>(TAXONOMIES.filter((taxonomy) => taxonomy.filter).map((taxonomy) => taxonomy.uid));
const VOCABULARY_WRITES = new Set(['create', 'update', 'delete']);

interface ActionParams {
  documentId?: string;
  locale?: string;
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
export function registerChangeRecorder(
  strapi: Core.Strapi, outbox: () => KnexOutboxStore, onCommitted: () => void, onVocabularyChanged: () => void,
): void {
  strapi.documents.use(async (context, next) => {
    const params = context.params as ActionParams;
    const isCaseStudy = context.uid === CASE_STUDY && CASE_STUDY_WRITES.has(context.action);
    const relation = RELATION_OF_UID[context.uid];
    const isTaxonomy = relation !== undefined && TAXONOMY_WRITES.has(context.action);
    const isVocabulary = VOCABULARY_TYPES.has(context.uid) && VOCABULARY_WRITES.has(context.action);
    if (!isCaseStudy && !isTaxonomy && !isVocabulary) return next();

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      // References are gone after a delete, so look them up first.
      const affected = isTaxonomy && params.documentId ? await referencingCaseStudies(strapi, relation!, params.documentId) : [];
      const result = await next();
      const reason = `${context.action} ${context.uid}`;
      if (isCaseStudy) {
        const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
        const locale = params.locale && params.locale !== '*' ? params.locale : null;
        if (documentId) await outbox().enqueue([{ documentId, locale, reason }], trx);
      } else if (isTaxonomy) {
        await outbox().enqueue(affected.map((documentId) => ({ documentId, locale: null, reason })), trx);
      }
      onCommit(onCommitted);
      if (isVocabulary) onCommit(onVocabularyChanged);
      return result;
    });
  });
}
