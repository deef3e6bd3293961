import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { cmsEnvironment } from '../../../config/environment';

interface ApiTokenCredentials {
  type?: string;
}

/**
 * Strapi 5's REST API serves drafts to anyone with `find` permission who asks
 * with `?status=draft`. Only published case studies are public: a request for
 * anything but the published version is refused unless it carries a full-access
 * API token (used by operators, never by the site), or comes from the site's
 * preview route: an API token plus the `x-preview-secret` header holding PREVIEW_SECRET.
 */
function isPreviewRequest(header: unknown, viaApiToken: boolean): boolean {
  const secret = cmsEnvironment().PREVIEW_SECRET;
  if (!viaApiToken || !secret || typeof header !== 'string') return false;
  const expected = Buffer.from(secret);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  const status = ctx.query?.status;
  if (status !== undefined && status !== 'published') {
    const auth = ctx.state?.auth as { strategy?: { name?: string }; credentials?: ApiTokenCredentials } | undefined;
    // Strapi 5 names the strategy of API tokens on the content API `content-api-token`.
    const viaApiToken = auth?.strategy?.name === 'content-api-token';
    const fullAccess = viaApiToken && auth?.credentials?.type === 'full-access';
    if (!fullAccess && !isPreviewRequest(ctx.get('x-preview-secret'), viaApiToken)) {
      ctx.status = 403;
      ctx.body = {
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: 'Only published case studies are available through this API; status=draft is not allowed.',
          details: {},
        },
      };
      return;
    }
  }
  await next();
};

export default publishedOnly;
