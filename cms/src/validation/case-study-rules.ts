import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CASE_STUDY_UID as UID, DEFAULT_LOCALE } from '@praxis/search';
import { proposedProviderMessage } from '../editorial/organisations';
import { caseStudyFieldProblems, missingForPublishing, type FieldProblem } from './field-messages';

interface FundingYears {
  fundingStart?: number | null;
  fundingEnd?: number | null;
}

/** Returns the editor-facing message when the funding period is inverted, else undefined. */
export function fundingPeriodError({ fundingStart, fundingEnd }: FundingYears): string | undefined {
  if (fundingStart == null || fundingEnd == null) return undefined;
  if (Number(fundingEnd) >= Number(fundingStart)) return undefined;
  return `Das Förderende (${fundingEnd}) liegt vor dem Förderbeginn (${fundingStart}).`;
}

/** One validation error that names every problem on its field, as the admin shows them. */
function refuseAll(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((problem) => problem.message).join(' '), {
    errors: problems.map((problem) => ({ path: problem.path.map(String), message: problem.message, name: 'ValidationError' })),
  });
}

function fail(message: string, path: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
}

/**
 * Rules the content-type schema cannot express, enforced for the admin UI,
 * the REST API and the importer alike (all go through the document service).
 */
export function registerCaseStudyRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: FundingYears };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      refuseAll(caseStudyFieldProblems(params.data, params.locale && params.locale !== '*' ? params.locale : DEFAULT_LOCALE));
    }
    if (context.action === 'publish' && params.documentId) {
      const drafts = await strapi.db.query(UID).findMany({
        where: { documentId: params.documentId, publishedAt: null, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) },
        populate: ['buildingBlock', 'provider'],
      });
      for (const draft of drafts) refuseAll(missingForPublishing(draft));
      // A proposed Träger is not public yet: the case study waits for its approval.
      const proposed = drafts.find((draft) => draft.provider?.proposed === true)?.provider;
      if (proposed) fail(proposedProviderMessage(proposed.name), 'provider');
    }
    if (context.action === 'create' || context.action === 'update' || context.action === 'publish') {
      let years: FundingYears = params.data ?? {};
      if (params.documentId && (years.fundingStart === undefined || years.fundingEnd === undefined)) {
        const stored = await strapi.db.query(UID).findOne({
          where: { documentId: params.documentId, publishedAt: null },
          select: ['fundingStart', 'fundingEnd'],
        });
        years = { ...stored, ...years };
      }
      const message = fundingPeriodError(years);
      if (message) fail(message, 'fundingEnd');
    }
    return next();
  });
}
