// The CMS's one mail queue (mail-queue.ts), sending through Strapi's e-mail plugin (nodemailer
// against the SMTP server in config/plugins.ts).
import type { Core } from '@strapi/strapi';
import { MailQueue, textAsHtml } from './mail-queue';
import { cmsEnvironment } from '../config/environment';

let current: { strapi: Core.Strapi; queue: MailQueue } | undefined;

export function mailQueue(strapi: Core.Strapi): MailQueue {
  if (current?.strapi !== strapi) {
    const email = () => strapi.plugin('email').service('email') as { send(options: object): Promise<unknown> };
    current = {
      strapi,
      queue: new MailQueue(strapi.db.connection, {
        send: async (mail) => {
          await email().send({
            to: mail.to,
            replyTo: mail.replyTo,
            subject: mail.subject,
            text: mail.text,
            html: textAsHtml(mail.text),
            messageId: mail.messageId,
          });
        },
        pollIntervalMs: cmsEnvironment().MAIL_POLL_INTERVAL_MS,
        retryBaseMs: cmsEnvironment().MAIL_RETRY_BASE_MS,
        log: (message) => strapi.log.warn(message),
      }),
    };
  }
  return current.queue;
}

/** At bootstrap: the worker (MAIL_WORKER=false leaves sending to another process). */
export async function startMail(strapi: Core.Strapi): Promise<void> {
  if (cmsEnvironment().MAIL_WORKER) mailQueue(strapi).start();
}
