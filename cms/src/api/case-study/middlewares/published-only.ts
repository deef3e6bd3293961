import type { Core } from '@strapi/strapi';

interface ApiTokenCredentials {
  type?: string;
}

/**
 * Strapi 5's REST API serves drafts to anyone with `find` permission who asks
 * with `?status=draft`. Only published case studies are public: a request for
 * anything but the published version is refused unless it carries a full-access
 * API token (used by operators, never by the site).
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  const status = ctx.query?.status;
  if (status !== undefined && status !== 'published') {
    const auth = ctx.state?.auth as { strategy?: { name?: string }; credentials?: ApiTokenCredentials } | undefined;
    const fullAccess = auth?.strategy?.name === 'api-token' && auth.credentials?.type === 'full-access';
    if (!fullAccess) {
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
