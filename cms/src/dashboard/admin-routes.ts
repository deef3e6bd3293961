import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { CASE_STUDY, mayRelease } from '../editorial/roles';
import { searchSync } from '../sync/search-sync';
import { adminActor } from '../history/actor';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { checkImport, currentImportJob, exportCsv, exportWorkbook, filteredDocumentIds, isKnownLocale, startImport, templateWorkbook } from './import-export';
import { contactRequestCounts } from './contact-request-counts';
import { markReviewed, reviewDue, reviewQueue, transferReportQueue } from './review-queues';
import { topSearches } from './search-log';

// The editors' dashboard asks these (admin API, the admin's login, under /redaktion/…; see
// access/admin-api.ts).

/** Spreadsheets of a few thousand case studies are far below this. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Today in Germany (en-CA writes YYYY-MM-DD): a file saved just after midnight carries the new day, not UTC's. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A sync error as editors read it: an unreachable search in words, anything else as Meilisearch said it. */
function editorsError(error: string): string {
  return /Request to .* has failed|ECONNREFUSED|ECONNRESET|fetch failed|timed? ?out/i.test(error)
    ? 'Die Suche war nicht erreichbar; wird automatisch wiederholt.'
    : error;
}

function handlers(strapi: Core.Strapi) {
  const sync = () => searchSync(strapi);
  /**
   * The case studies an export is limited to: those of the admin list's filter (`filters`, in
   * the list's language `listLocale`), or all. Undefined for all; false after answering a bad filter.
   */
  const exportSelection = async (ctx: Context): Promise<string[] | undefined | false> => {
    const { filters, listLocale } = ctx.query;
    if (filters === undefined) return undefined;
    const locale = typeof listLocale === 'string' ? listLocale : 'de';
    if (typeof filters !== 'object' || filters === null || !(await isKnownLocale(strapi, locale))) {
      refuse(ctx, 400, 'ValidationError', 'Der Filter der Liste ist ungültig.');
      return false;
    }
    try {
      return await filteredDocumentIds(strapi, filters, locale);
    } catch (error) {
      refuse(ctx, 400, 'ValidationError', `Der Filter der Liste ist ungültig: ${(error as Error).message}`);
      return false;
    }
  };
  return {
    /** Published vs indexed per language, backlog, failures, last success and reconciliation, a running reindex. */
    async indexStatus(ctx: Context) {
      const status = await sync().status();
      // Editors recognise a case study by its title, not its documentId.
      const rows = (await strapi.db.query(CASE_STUDY).findMany({
        where: { documentId: { $in: status.failures.map((failure) => failure.documentId) } },
        select: ['documentId', 'locale', 'title'],
      })) as { documentId: string; locale: string; title: string }[];
      const titleOf = (documentId: string, locale: string | null) =>
        (rows.find((row) => row.documentId === documentId && row.locale === (locale ?? 'de')) ?? rows.find((row) => row.documentId === documentId))?.title ??
        null;
      // One line per case study and language (each of its changes has an outbox row), newest error first.
      const shown = new Set<string>();
      const failures = status.failures
        .filter((failure) => {
          // A change of every language (locale null, e.g. "Zuletzt geprüft") counts as the German one's.
          const key = `${failure.documentId}:${failure.locale ?? 'de'}`;
          if (shown.has(key)) return false;
          shown.add(key);
          return true;
        })
        .map((failure) => ({
          ...failure,
          // A change of every language is shown as the German entry's.
          locale: failure.locale ?? 'de',
          error: failure.error && editorsError(failure.error),
          title: titleOf(failure.documentId, failure.locale),
        }));
      ctx.body = { ...status, failures, lastReconciledAt: sync().lastReconciledAt, reindex: sync().reindexJob ?? null, mayReindex: mayRelease(ctx.state.user) };
    },
    /** "Neu indexieren": the zero-downtime reindex, for Chefredaktion and Administration. */
    async startReindex(ctx: Context) {
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Neu indexieren darf nur die Chefredaktion.');
      if (!sync().indexes)
        return refuse(ctx, 503, 'ServiceUnavailableError', 'Die Suche (Meilisearch) ist nicht erreichbar; Änderungen werden gesammelt und nachgetragen.');
      if (!sync().startReindexJob()) return refuse(ctx, 409, 'ConflictError', 'Es läuft bereits eine Neuindexierung.');
      ctx.status = 202;
      ctx.body = { reindex: sync().reindexJob };
    },
    async reviewQueue(ctx: Context) {
      ctx.body = await reviewQueue(strapi);
    },
    /** With whether this user may mark entries reviewed (Chefredaktion), so Redaktion sees no button it cannot use. */
    async reviewDue(ctx: Context) {
      ctx.body = { ...(await reviewDue(strapi)), mayMark: mayRelease(ctx.state.user) };
    },
    /** "Als geprüft markieren": today's date; the index and the site follow through the outbox. */
    async markReviewed(ctx: Context) {
      const { documentId } = ctx.params;
      // It changes the live page: a release, like publishing (Redaktion asks for it by sending the entry to review).
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Als geprüft markieren darf nur die Chefredaktion.');
      if (!documentId || !/^[a-z0-9]{1,64}$/.test(documentId) || !(await markReviewed(strapi, documentId, new Date(), adminActor(ctx.state.user)))) {
        return refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es nicht.');
      }
      await sync().store.enqueue([{ documentId, locale: null, reason: 'reviewed' }]);
      sync().notify();
      ctx.body = { ...(await reviewDue(strapi)), mayMark: true };
    },
    /**
     * An uploaded import file: `check` (the dry run) answers with every problem; `import` starts
     * writing (202), with `validOnly` to take the valid records of a file with problems and
     * `publish` (Chefredaktion only) to publish as the file says instead of sending drafts to review.
     */
    async importFile(ctx: Context) {
      const upload = ctx.request.files?.file;
      const file = Array.isArray(upload) ? upload[0] : upload;
      const fields = ctx.request.body ?? {};
      const locale = typeof fields.locale === 'string' ? fields.locale : 'de';
      if (!file) return refuse(ctx, 400, 'ValidationError', 'Bitte eine Datei wählen (.xlsx, .csv oder .json).');
      if (file.size > MAX_IMPORT_BYTES) return refuse(ctx, 413, 'PayloadTooLargeError', 'Die Datei ist größer als 20 MB.');
      if (!(await isKnownLocale(strapi, locale))) return refuse(ctx, 400, 'ValidationError', `Die Sprache „${locale}“ gibt es nicht.`);
      const fileName = file.originalFilename ?? 'upload';
      const content = await readFile(file.filepath);
      if (fields.mode === 'check') {
        try {
          ctx.body = { report: await checkImport(strapi, fileName, content, locale, mayRelease(ctx.state.user)) };
        } catch (error) {
          return refuse(ctx, 400, 'ValidationError', (error as Error).message);
        }
        return;
      }
      if (fields.mode !== 'import') return refuse(ctx, 400, 'ValidationError', 'mode muss „check“ oder „import“ sein.');
      const publish = fields.publish === 'true';
      if (publish && !mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Veröffentlichen darf nur die Chefredaktion.');
      const started = startImport(strapi, fileName, content, {
        locale,
        validOnly: fields.validOnly === 'true',
        publishing: publish ? 'from-file' : 'for-review',
        createsOrganisations: mayRelease(ctx.state.user),
        actor: adminActor(ctx.state.user),
      });
      if (!started) return refuse(ctx, 409, 'ConflictError', 'Es läuft bereits ein Import.');
      ctx.status = 202;
      ctx.body = { job: currentImportJob() };
    },
    async importStatus(ctx: Context) {
      ctx.body = { job: currentImportJob(), mayPublish: mayRelease(ctx.state.user) };
    },
    async exportXlsx(ctx: Context) {
      const selection = await exportSelection(ctx);
      if (selection === false) return;
      ctx.set('content-type', XLSX);
      ctx.set('content-disposition', `attachment; filename="praxisbeispiele-${today()}.xlsx"`);
      ctx.body = await exportWorkbook(strapi, selection);
    },
    async exportCsv(ctx: Context) {
      const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : 'de';
      if (!(await isKnownLocale(strapi, locale))) return refuse(ctx, 400, 'ValidationError', `Die Sprache „${locale}“ gibt es nicht.`);
      const selection = await exportSelection(ctx);
      if (selection === false) return;
      ctx.set('content-type', 'text/csv; charset=utf-8');
      ctx.set('content-disposition', `attachment; filename="praxisbeispiele-${locale}-${today()}.csv"`);
      ctx.body = await exportCsv(strapi, locale, selection);
    },
    async template(ctx: Context) {
      ctx.set('content-type', XLSX);
      ctx.set('content-disposition', 'attachment; filename="praxisbeispiele-vorlage.xlsx"');
      ctx.body = await templateWorkbook(strapi);
    },
    /** The last 30 days' most frequent searches and those that found nothing, each with on how many days. */
    async searchStatistics(ctx: Context) {
      ctx.body = { days: 30, ...(await topSearches(strapi.db.connection, 30)) };
    },
    /** Reports of "Nachnutzung melden" waiting for review. */
    async transferReports(ctx: Context) {
      ctx.body = await transferReportQueue(strapi);
    },
    /** Requests per case study ("Kontakt aufnehmen" on the site): counts, no personal data. */
    async contactRequests(ctx: Context) {
      ctx.body = await contactRequestCounts(strapi);
    },
  };
}

export function registerDashboardRoutes(strapi: Core.Strapi): void {
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/index-status', handle.indexStatus, 'read'],
    ['POST', '/reindex', handle.startReindex, 'read'],
    ['GET', '/review-queue', handle.reviewQueue, 'read'],
    ['GET', '/review-due', handle.reviewDue, 'read'],
    ['POST', '/review-due/:documentId/reviewed', handle.markReviewed, 'update'],
    ['GET', '/search-statistics', handle.searchStatistics, 'read'],
    ['GET', '/contact-requests', handle.contactRequests, 'read'],
    ['GET', '/transfer-reports', handle.transferReports, 'read'],
    ['POST', '/import', handle.importFile, 'create'],
    ['GET', '/import', handle.importStatus, 'create'],
    ['GET', '/export.xlsx', handle.exportXlsx, 'read'],
    ['GET', '/export.csv', handle.exportCsv, 'read'],
    ['GET', '/import-template.xlsx', handle.template, 'read'],
  ]);
}
