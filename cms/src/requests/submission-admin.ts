// Submissions in the admin (issue 34, item 4): on a submitted draft the editors see who submitted
// it — name, organisation, e-mail, the consent text word for word and the times — to check it with
// the provider before it is released; and the list of submissions still waiting for a decision.
import type { Core } from '@strapi/strapi';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { CASE_STUDY } from '../editorial/roles';
import { SUBMISSION_TABLE } from './submission-tables';

interface Row {
  id: number;
  locale: string;
  title: string;
  submitter_name: string;
  submitter_organisation: string | null;
  submitter_email: string;
  consent_text: string;
  created_at: number | string;
  confirmed_at: number | string | null;
  case_study_document_id: string | null;
}

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function submitter(row: Row) {
  return {
    name: row.submitter_name,
    organisation: row.submitter_organisation,
    email: row.submitter_email,
    consentText: row.consent_text,
    submittedAt: iso(row.created_at),
    confirmedAt: iso(row.confirmed_at),
  };
}

function handlers(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  return {
    /** The submitter of a case study that came through the form; null for any other. */
    async ofCaseStudy(ctx: Context) {
      const { documentId } = ctx.params;
      if (!documentId || !/^[a-z0-9]{1,64}$/.test(documentId)) return refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es nicht.');
      const row = (await knex()(SUBMISSION_TABLE).where({ case_study_document_id: documentId }).orderBy('id', 'desc').first()) as Row | undefined;
      ctx.body = { data: row ? submitter(row) : null };
    },
    /** Confirmed submissions whose case study is not published yet, the oldest first. */
    async open(ctx: Context) {
      const rows = (await knex()(SUBMISSION_TABLE).whereNotNull('case_study_document_id').orderBy('confirmed_at', 'asc')) as Row[];
      const published = new Set(
        (
          (await strapi.db.query(CASE_STUDY).findMany({
            where: { documentId: { $in: rows.map((row) => row.case_study_document_id!) }, publishedAt: { $notNull: true } },
            select: ['documentId'],
          })) as { documentId: string }[]
        ).map((entry) => entry.documentId),
      );
      const drafts = (await strapi.db.query(CASE_STUDY).findMany({
        where: { documentId: { $in: rows.map((row) => row.case_study_document_id!) }, publishedAt: null },
        select: ['documentId', 'locale', 'title', 'editorialState'],
      })) as { documentId: string; locale: string; title: string; editorialState: string | null }[];
      const items = rows.flatMap((row) => {
        const draft = drafts.find((entry) => entry.documentId === row.case_study_document_id && entry.locale === row.locale);
        if (!draft || published.has(row.case_study_document_id!)) return [];
        return [{ documentId: draft.documentId, locale: draft.locale, title: draft.title, editorialState: draft.editorialState, submitter: submitter(row) }];
      });
      ctx.body = { total: items.length, items };
    },
  };
}

export function registerSubmissionAdmin(strapi: Core.Strapi): void {
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/case-studies/:documentId/submission', handle.ofCaseStudy, 'read'],
    ['GET', '/submissions', handle.open, 'read'],
  ]);
}
