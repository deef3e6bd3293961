import type { Core } from '@strapi/strapi';
import { transferReportSchema } from '@praxis/search';
import { confirmTransferReport, publishedTransfers, storeTransferReport, TransferReportRefused } from '../../../requests/transfer-reports';
import { cmsEnvironment } from '../../../config/environment';

interface Context {
  request: { body?: unknown };
  query?: Record<string, unknown>;
  status: number;
  body: unknown;
}

const REFUSAL_NAMES = { 400: 'ValidationError', 404: 'NotFoundError', 410: 'GoneError', 429: 'RateLimitError' } as const;

/** A 4xx answer in Strapi's error format, with one entry per field for the form to show next to it. */
function refuse(ctx: Context, status: keyof typeof REFUSAL_NAMES, message: string, fields: { path: (string | number)[]; message: string }[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: REFUSAL_NAMES[status], message, details: { errors: fields } } };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(ctx, 400, 'Erwartet wird ein JSON-Objekt mit den Feldern des Formulars.');
    const { consentText, ...rest } = body as Record<string, unknown>;
    if (typeof consentText !== 'string' || consentText.trim().length < 20 || consentText.length > 2_000) {
      return refuse(ctx, 400, 'consentText: der Wortlaut der Einwilligung fehlt.', [
        { path: ['consentText'], message: 'Der Wortlaut der Einwilligung fehlt.' },
      ]);
    }
    // Checked again here in German (the site checked first, in the reader's language).
    const parsed = transferReportSchema('de').safeParse(rest);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      }));
      return refuse(ctx, 400, fields.map((field) => `${field.path.join('.')}: ${field.message}`).join(' '), fields);
    }
    try {
      await storeTransferReport(strapi, parsed.data, consentText, cmsEnvironment().SITE_URL);
    } catch (error) {
      if (error instanceof TransferReportRefused) return refuse(ctx, error.status, error.message, error.fields);
      throw error;
    }
    ctx.status = 202;
    ctx.body = { data: { received: true } };
  },

  async confirm(ctx: Context) {
    const token = (ctx.request.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return refuse(ctx, 400, 'Der Bestätigungslink ist unvollständig.');
    try {
      ctx.body = { data: await confirmTransferReport(strapi, token) };
    } catch (error) {
      if (error instanceof TransferReportRefused) return refuse(ctx, error.status, error.message);
      throw error;
    }
  },

  /** The published reports of one case study ("Übertragen nach" on its page): Kommune, year, text; never the contact. */
  async published(ctx: Context) {
    const caseStudy = ctx.query?.caseStudy;
    if (typeof caseStudy !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(caseStudy)) return refuse(ctx, 400, 'caseStudy: die Kennung eines Praxisbeispiels fehlt.');
    ctx.body = { data: await publishedTransfers(strapi, caseStudy) };
  },
});
