import type { Core } from '@strapi/strapi';
import { previewPath } from '@praxis/search';
import { cmsEnvironment } from '../src/config/environment';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const siteUrl = cmsEnvironment().SITE_URL;
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET')!,
    },
    apiToken: {
      salt: env('API_TOKEN_SALT')!,
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT')!,
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY')!,
    },
    flags: {
      nps: false,
      promoteEE: false,
      docLinks: env.bool('FLAG_DOC_LINKS', true),
    },
    // "Open preview" in the editor shows a case study in the site through a signed,
    // expiring link; the shared PREVIEW_SECRET itself stays on the servers.
    preview: {
      enabled: Boolean(env('PREVIEW_SECRET')),
      config: {
        allowedOrigins: [siteUrl],
        async handler(uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) {
          if (uid !== 'api::case-study.case-study') return null;
          const target = { documentId, locale: locale ?? 'de', status: status === 'published' ? ('published' as const) : ('draft' as const) };
          return `${siteUrl}${previewPath(target, env('PREVIEW_SECRET')!)}`;
        },
      },
    },
  };
};

export default config;
