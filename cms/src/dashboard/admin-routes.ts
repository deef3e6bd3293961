import type { Core } from '@strapi/strapi';
import { CASE_STUDY, mayRelease, type AdminUser } from '../editorial/roles';
import { searchSync } from '../sync/search-sync';
import { markReviewed, reviewDue, reviewQueue } from './review-queues';
import { topSearches } from './search-log';

// The editors' dashboard asks these (admin API, the admin's login, under /redaktion/…). Strapi
// forces an app's own API routes into the public content API, so they are added to the admin
// API here; each needs an admin session and the named permission on case studies.

interface Context {
  state: { user: AdminUser };
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
}

/** An error in Strapi's shape with our German message (Strapi replaces a ForbiddenError's message by "Forbidden"). */
function refuse(ctx: Context, status: number, name: string, message: string): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

const EXPLORER = 'plugin::content-manager.explorer';
const allowedTo = (action: 'read' | 'update') => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [[`${EXPLORER}.${action}`, CASE_STUDY]] } },
];

function handlers(strapi: Core.Strapi) {
  const sync = () => searchSync(strapi);
  return {
    /** Published vs indexed per language, backlog, failures, last success and reconciliation, a running reindex. */
    async indexStatus(ctx: Context) {
      const status = await sync().status();
      // Editors recognise a case study by its title, not its documentId.
      const rows = await strapi.db.query(CASE_STUDY).findMany({
        where: { documentId: { $in: status.failures.map((failure) => failure.documentId) } }, select: ['documentId', 'locale', 'title'],
      }) as { documentId: string; locale: string; title: string }[];
      const titleOf = (documentId: string, locale: string | null) =>
        (rows.find((row) => row.documentId === documentId && row.locale === (locale ?? 'de')) ?? rows.find((row) => row.documentId === documentId))?.title ?? null;
      const failures = status.failures.map((failure) => ({ ...failure, title: titleOf(failure.documentId, failure.locale) }));
      ctx.body = { ...status, failures, lastReconciledAt: sync().lastReconciledAt, reindex: sync().reindexJob ?? null, mayReindex: mayRelease(ctx.state.user) };
    },
    /** "Neu indexieren": the zero-downtime reindex, for Chefredaktion and Administration. */
    async startReindex(ctx: Context) {
      if (!mayRelease(ctx.state.user)) return refuse(ctx, 403, 'ForbiddenError', 'Neu indexieren darf nur die Chefredaktion.');
      if (!sync().indexes) return refuse(ctx, 503, 'ServiceUnavailableError', 'Die Suche (Meilisearch) ist nicht erreichbar; Änderungen werden gesammelt und nachgetragen.');
      if (!sync().startReindexJob()) return refuse(ctx, 409, 'ConflictError', 'Es läuft bereits eine Neuindexierung.');
      ctx.status = 202;
      ctx.body = { reindex: sync().reindexJob };
    },
    async reviewQueue(ctx: Context) {
      ctx.body = await reviewQueue(strapi);
    },
    async reviewDue(ctx: Context) {
      ctx.body = await reviewDue(strapi);
    },
    /** "Als geprüft markieren": today's date; the index and the site follow through the outbox. */
    async markReviewed(ctx: Context) {
      const { documentId } = ctx.params;
      if (!documentId || !/^[a-z0-9]{1,64}$/.test(documentId) || !(await markReviewed(strapi, documentId))) {
        return refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es nicht.');
      }
      await sync().store.enqueue([{ documentId, locale: null, reason: 'reviewed' }]);
      sync().notify();
      ctx.body = await reviewDue(strapi);
    },
    /** The last 30 days' most frequent searches and those that found nothing. */
    async searchStatistics(ctx: Context) {
      ctx.body = { days: 30, ...(await topSearches(strapi.db.connection, 30)) };
    },
  };
}

export function registerDashboardRoutes(strapi: Core.Strapi): void {
  const handle = handlers(strapi);
  strapi.server.routes({
    type: 'admin',
    prefix: '/redaktion',
    routes: [
      { method: 'GET', path: '/index-status', handler: handle.indexStatus, config: { policies: allowedTo('read') } },
      { method: 'POST', path: '/reindex', handler: handle.startReindex, config: { policies: allowedTo('read') } },
      { method: 'GET', path: '/review-queue', handler: handle.reviewQueue, config: { policies: allowedTo('read') } },
      { method: 'GET', path: '/review-due', handler: handle.reviewDue, config: { policies: allowedTo('read') } },
      { method: 'POST', path: '/review-due/:documentId/reviewed', handler: handle.markReviewed, config: { policies: allowedTo('update') } },
      { method: 'GET', path: '/search-statistics', handler: handle.searchStatistics, config: { policies: allowedTo('read') } },
    ],
  } as never);
}
