import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('STRAPI_PORT', env.int('PORT', 1337)),
  url: env('STRAPI_PUBLIC_URL', ''),
  // Behind one reverse proxy (docs/operations.md): trust its X-Forwarded-* headers, so the
  // admin's cookies are Secure over HTTPS and client IPs are the real ones.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: 1 },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
  // No update check against the internet (telemetry is off via STRAPI_TELEMETRY_DISABLED).
  logger: {
    updates: { enabled: false },
  },
});

export default config;
