import type { Core } from '@strapi/strapi';
import { contactRequestSchema, ContactRequestRefused, submitContactRequest } from '../../../requests/contact-requests';
import { cmsEnvironment } from '../../../config/environment';
import { unsubscribeFollowUps } from '../../../requests/follow-up';

interface Context {
  request: { body?: unknown };
  status: number;
  body: unknown;
}

/** A 4xx answer in Strapi's error format, with one entry per field for the form to show next to it. */
function refuse(ctx: Context, status: number, name: string, message: string, fields: { path: (string | number)[]; message: string }[] = []) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: { errors: fields } } };
}

const REFUSAL_NAMES = { 404: 'NotFoundError', 422: 'ValidationError', 429: 'RateLimitError' } as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const parsed = contactRequestSchema.safeParse(ctx.request.body ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      }));
      return refuse(ctx, 400, 'ValidationError', fields.map((field) => field.message).join(' '), fields);
    }
    try {
      await submitContactRequest(strapi, parsed.data, cmsEnvironment().SITE_URL);
    } catch (error) {
      if (error instanceof ContactRequestRefused) return refuse(ctx, error.status, REFUSAL_NAMES[error.status], error.message);
      throw error;
    }
    ctx.status = 202;
    ctx.body = { data: { received: true } };
  },

  /** No follow-up for the requests of the link's address; 404 for a forged or unknown link. */
  async unsubscribe(ctx: Context) {
    const token = (ctx.request.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length > 100) return refuse(ctx, 400, 'ValidationError', 'Der Link ist unvollständig.');
    if (!(await unsubscribeFollowUps(strapi, token))) return refuse(ctx, 404, 'NotFoundError', 'Dieser Link ist unbekannt.');
    ctx.body = { data: { unsubscribed: true } };
  },
});
