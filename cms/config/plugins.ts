import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // Mail goes out through an SMTP server (docs/operations.md "E-mail"); `npm start` runs a local
  // sink that stores every message under .data/mail/. Sending is queued (src/mail/mail-queue.ts).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 2525),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USER', '') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD', '') } } : {}),
        // A mail server that does not answer within these times counts as down; the queue retries.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      settings: {
        defaultFrom: env('MAIL_FROM', '') || 'Praxisdatenbank Zusammen im Quartier <praxisdatenbank@example.org>',
        defaultReplyTo: env('MAIL_REPLY_TO', '') || undefined,
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      // What a file is, is judged by src/media/ from its content (images re-encoded, PDF as the one
      // download type) with a German message. Strapi's own lists trust the first bytes and answer in
      // English, so they are empty here (an empty deny list also keeps its "no configuration" warning away).
      security: { deniedTypes: [] },
    },
  },
});

export default config;
