import type { Core } from '@strapi/strapi';
import { submissionSchema } from '@praxis/search';
import { confirmSubmission, storeSubmission, SubmissionRefused } from '../../../requests/submissions';

interface Context {
  request: { body?: unknown };
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
  async create(ctx: Context) {
    const body = (ctx.request.body ?? {}) as { consentText?: unknown } & Record<string, unknown>;
    const { consentText, ...rest } = body;
    if (typeof consentText !== 'string' || consentText.trim().length < 20 || consentText.length > 2_000) {
      return refuse(ctx, 400, 'consentText: der Wortlaut der Einwilligung fehlt.', [{ path: ['consentText'], message: 'Der Wortlaut der Einwilligung fehlt.' }]);
    }
    const parsed = submissionSchema.safeParse(rest);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message }));
      return refuse(ctx, 400, fields.map((field) => `${field.path.join('.')}: ${field.message}`).join(' '), fields);
    }
    try {
      await storeSubmission(strapi, parsed.data, consentText, process.env.SITE_URL || 'http://localhost:3000');
    } catch (error) {
      if (error instanceof SubmissionRefused) return refuse(ctx, error.status, error.message, error.fields);
      throw error;
    }
    ctx.status = 202;
    ctx.body = { data: { received: true } };
  },

  async confirm(ctx: Context) {
    const token = (ctx.request.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return refuse(ctx, 400, 'Der Bestätigungslink ist unvollständig.');
    try {
      ctx.body = { data: await confirmSubmission(strapi, token) };
    } catch (error) {
      if (error instanceof SubmissionRefused) return refuse(ctx, error.status, error.message);
      throw error;
    }
  },
});
