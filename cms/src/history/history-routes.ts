// The editorial record in the admin API: a case study's versions in a language, one version with
// its content (for the *Verlauf* panel's comparison), and "Diese Fassung wiederherstellen".
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addAdminRoutes, refuse, type Context } from '../access/admin-api';
import { CASE_STUDY, mayRelease } from '../editorial/roles';
import { adminActor, asEditorialWork } from './actor';
import { HISTORY_ACTION_NAMES, readHistory, readVersion } from './history-table';
import { restoreData } from './snapshot';

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

async function knownLocale(strapi: Core.Strapi, locale: unknown): Promise<string | undefined> {
  if (typeof locale !== 'string') return undefined;
  const locales = (await (strapi.plugin('i18n').service('locales') as { find(): Promise<{ code: string }[]> }).find()).map((entry) => entry.code);
  return locales.includes(locale) ? locale : undefined;
}

const when = (iso: string) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));

function handlers(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  /** The case study and language a request names, or an answer already given. */
  const target = async (ctx: Context): Promise<{ documentId: string; locale: string } | undefined> => {
    const { documentId } = ctx.params;
    const locale = await knownLocale(strapi, ctx.query.locale ?? 'de');
    if (!documentId || !DOCUMENT_ID.test(documentId)) return void refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es nicht.');
    if (!locale) return void refuse(ctx, 400, 'ValidationError', `Die Sprache „${String(ctx.query.locale)}“ gibt es nicht.`);
    return { documentId, locale };
  };
  const versionId = (ctx: Context) => (/^[1-9][0-9]{0,15}$/.test(ctx.params.id ?? '') ? Number(ctx.params.id) : undefined);

  return {
    async list(ctx: Context) {
      const named = await target(ctx);
      if (!named) return;
      ctx.body = { data: await readHistory(knex(), named.documentId, named.locale) };
    },
    async version(ctx: Context) {
      const named = await target(ctx);
      if (!named) return;
      const id = versionId(ctx);
      const version = id && (await readVersion(knex(), named.documentId, id));
      if (!version) return refuse(ctx, 404, 'NotFoundError', 'Diese Fassung gibt es nicht.');
      ctx.body = { data: version };
    },
    /** Into the draft, recorded as a restore; the draft goes back to "Entwurf" and publishing stays a separate step. */
    async restore(ctx: Context) {
      const named = await target(ctx);
      if (!named) return;
      const id = versionId(ctx);
      const version = id && (await readVersion(knex(), named.documentId, id));
      if (!version || !version.snapshot || (version.locale !== null && version.locale !== named.locale)) {
        return refuse(ctx, 404, 'NotFoundError', 'Diese Fassung gibt es nicht oder sie hat keinen Inhalt.');
      }
      const rows = (await strapi.db
        .query(CASE_STUDY)
        .findMany({ where: { documentId: named.documentId, locale: named.locale }, select: ['id', 'publishedAt'] })) as { publishedAt: string | null }[];
      if (rows.length === 0) return refuse(ctx, 404, 'NotFoundError', 'Dieses Praxisbeispiel gibt es in dieser Sprache nicht (mehr).');
      if (rows.some((row) => row.publishedAt) && !mayRelease(ctx.state.user)) {
        return refuse(ctx, 403, 'ForbiddenError', 'Bei einem veröffentlichten Praxisbeispiel stellt nur die Chefredaktion eine frühere Fassung wieder her.');
      }
      const comment = `Fassung vom ${when(version.at)} (${HISTORY_ACTION_NAMES[version.action].de}, ${version.user.name})`;
      try {
        await asEditorialWork(
          adminActor(ctx.state.user),
          'restore',
          () =>
            strapi.documents(CASE_STUDY).update({
              documentId: named.documentId,
              locale: named.locale,
              data: { ...restoreData(version.snapshot!), editorialState: 'entwurf' },
            } as never),
          comment,
        );
      } catch (error) {
        // The version no longer passes today's rules (a field that became required, say): say which.
        if (error instanceof errors.ValidationError)
          return refuse(ctx, 400, 'ValidationError', `Diese Fassung lässt sich nicht wiederherstellen: ${error.message}`);
        throw error;
      }
      ctx.body = { data: { documentId: named.documentId, locale: named.locale, restored: version.id } };
    },
  };
}

export function registerHistoryRoutes(strapi: Core.Strapi): void {
  const handle = handlers(strapi);
  addAdminRoutes(strapi, [
    ['GET', '/case-studies/:documentId/history', handle.list, 'read'],
    ['GET', '/case-studies/:documentId/history/:id', handle.version, 'read'],
    ['POST', '/case-studies/:documentId/history/:id/restore', handle.restore, 'update'],
  ]);
}
