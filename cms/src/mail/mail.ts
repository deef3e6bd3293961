// The CMS's one mail queue (mail-queue.ts), sending through Strapi's e-mail plugin (nodemailer
// against the SMTP server in config/plugins.ts).
import type { Core } from '@strapi/strapi';
import { ensureMailTable, MailQueue, textAsHtml } from './mail-queue';

let current: { strapi: Core.Strapi; queue: MailQueue } | undefined;

const numberFrom = (value: string | undefined, fallback: number) => (value && Number.isFinite(Number(value)) ? Number(value) : fallback);

export function mailQueue(strapi: Core.Strapi): MailQueue {
  if (current?.strapi !== strapi) {
    const email = () => strapi.plugin('email').service('email') as { send(options: object): Promise<unknown> };
    current = {
      strapi,
      queue: new MailQueue(strapi.db.connection, {
        send: async (mail) => {
          await email().send({ to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, html: textAsHtml(mail.text), messageId: mail.messageId });
        },
        pollIntervalMs: numberFrom(process.env.MAIL_POLL_INTERVAL_MS, 5_000),
        retryBaseMs: numberFrom(process.env.MAIL_RETRY_BASE_MS, 10_000),
        log: (message) => strapi.log.warn(message),
      }),
    };
  }
  return current.queue;
}

/** At bootstrap: the table, then the worker (MAIL_WORKER=false leaves sending to another process). */
export async function startMail(strapi: Core.Strapi): Promise<void> {
  await ensureMailTable(strapi.db.connection);
  if (process.env.MAIL_WORKER !== 'false') mailQueue(strapi).start();
}
