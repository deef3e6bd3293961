import type { Core } from '@strapi/strapi';
import { cmsEnvironment } from '../src/config/environment';

const originOf = (url: string) => (url ? new URL(url).origin : '');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // Outside the rest, so its headers are the last word on every /uploads answer.
  'global::upload-headers',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The admin's preview panel shows the site in a frame.
          'frame-src': ["'self'", cmsEnvironment().SITE_URL],
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: (() => {
      // Strapi's default reflects any Origin with credentials, which would let a script on
      // another origin trade the admin's refresh cookie for a token. Browsers may read the
      // content API from the listed origins (default: the site), without credentials; only
      // the admin's own public origin gets credentials. An unlisted origin gets no CORS headers.
      const adminOrigin = originOf(env('STRAPI_PUBLIC_URL', ''));
      const listed = (env('CORS_ORIGINS', '') || cmsEnvironment().SITE_URL).split(',').map((url: string) => originOf(url.trim()));
      const allowed = [...new Set([adminOrigin, ...listed].filter(Boolean))];
      return {
        origin: allowed,
        credentials: (ctx: { get(name: string): string }) => adminOrigin !== '' && ctx.get('Origin') === adminOrigin,
      };
    })(),
  },
  // No 'strapi::poweredBy': the CMS does not announce what it runs (X-Powered-By).
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
