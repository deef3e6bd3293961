// The follow-up of "Kontakt aufnehmen" (issue 39, part 2): FOLLOW_UP_MONTHS (6) after a request
// for a Hospitation or an Austausch, the requester gets one mail asking whether the idea was taken
// over, with the link to "Nachnutzung melden" for that case study — only if they ticked the
// consent in the request, and never after they unsubscribed (the link is in the receipt and in the
// follow-up itself). An hourly job, once across all CMS instances (database/scheduled-job.ts); each
// request is claimed with a conditional update in the transaction that queues its mail, so even
// two runs side by side send it once.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CASE_STUDY_UID, caseStudyPath, type Locale } from '@praxis/search';
import { runScheduled } from '../database/scheduled-job';
import { cmsEnvironment } from '../config/environment';
import { mailQueue } from '../mail/mail';
import { CONTACT_REQUEST_TABLE } from './contact-requests';

/** The purposes after which a follow-up makes sense: someone who visited or exchanged may have taken the idea over. */
export const FOLLOW_UP_PURPOSES = ['hospitation', 'austausch'] as const;
const HOUR = 60 * 60 * 1000;

/**
 * The unsubscribe link's token for a request: its id, signed with the CMS's first app key (nothing
 * to store, the receipt and the follow-up carry the same link, and no id can be guessed).
 */
export function followUpToken(strapi: Core.Strapi, requestId: number): string {
  const key = (strapi.config.get('server.app.keys') as string[])[0]!;
  return `${requestId}.${createHmac('sha256', key).update(`follow-up:${requestId}`).digest('base64url')}`;
}

/** The request a token names, or undefined for a forged or damaged one. */
export function requestOfToken(strapi: Core.Strapi, token: string): number | undefined {
  const match = /^(\d{1,12})\.[A-Za-z0-9_-]{43}$/.exec(token);
  if (!match) return undefined;
  const expected = Buffer.from(followUpToken(strapi, Number(match[1])));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(match[1]) : undefined;
}

/** The site's page with the one button that unsubscribes (opening the link alone changes nothing: mail programs open links). */
export function unsubscribeUrl(siteUrl: string, locale: string, token: string): string {
  const path = locale === 'en' ? '/en/follow-up/unsubscribe' : '/nachfrage/abbestellen';
  return `${siteUrl.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

/** The date `months` calendar months before `now` (epoch ms). */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}

const TEXTS = {
  de: {
    subject: (title: string) => `Haben Sie „${title}“ übernommen?`,
    text: (title: string, months: number, reportUrl: string, unsubscribe: string) =>
      [
        'Guten Tag,',
        '',
        `vor ${months} Monaten haben Sie über die Praxisdatenbank „Zusammen im Quartier“ Kontakt zum Projekt „${title}“ aufgenommen. Sie hatten zugestimmt, dass wir einmal nachfragen: Hat Ihre Kommune die Idee ganz oder teilweise übernommen?`,
        '',
        'Dann freuen wir uns über einen kurzen Bericht. Er hilft anderen Kommunen, die vor derselben Frage stehen:',
        reportUrl,
        '',
        'Dies ist die einzige Nachfrage; wir schreiben Ihnen dazu nicht noch einmal.',
        `Keine Nachfragen mehr zu Ihren Anfragen: ${unsubscribe}`,
      ].join('\n'),
  },
  en: {
    subject: (title: string) => `Did you take "${title}" over?`,
    text: (title: string, months: number, reportUrl: string, unsubscribe: string) =>
      [
        'Hello,',
        '',
        `${months} months ago you got in touch with the project "${title}" through the good-practice database "Zusammen im Quartier". You agreed that we ask once: did your municipality take the idea over, in whole or in part?`,
        '',
        'Then we would be glad of a short report. It helps other municipalities facing the same question:',
        reportUrl,
        '',
        'This is the only follow-up; we will not write to you about it again.',
        `No more follow-ups about your requests: ${unsubscribe}`,
      ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

interface DueRow {
  id: number;
  case_study_document_id: string;
  locale: Locale;
  email: string;
}

/**
 * Queues the follow-up of every request that is due at `now`: consent given, a Hospitation or
 * Austausch, FOLLOW_UP_MONTHS old, not followed up, not unsubscribed, address still there.
 * Returns how many mails were queued.
 */
export async function sendFollowUps(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const { FOLLOW_UP_MONTHS: months, SITE_URL: siteUrl } = cmsEnvironment();
  const knex = strapi.db.connection;
  const due = (await knex(CONTACT_REQUEST_TABLE)
    .where('follow_up_consent', true)
    .whereIn('purpose', [...FOLLOW_UP_PURPOSES])
    .whereNull('follow_up_sent_at')
    .whereNull('follow_up_unsubscribed_at')
    .whereNotNull('email')
    .where('created_at', '<=', monthsBefore(now, months))
    .select('id', 'case_study_document_id', 'locale', 'email')
    .orderBy('id')
    .limit(500)) as DueRow[];
  let queued = 0;
  for (const row of due) {
    const caseStudy = (await strapi.db.query(CASE_STUDY_UID).findOne({
      where: { documentId: row.case_study_document_id, locale: row.locale, publishedAt: { $notNull: true } },
      select: ['title', 'slug'],
    })) as { title: string; slug: string } | null;
    const sent = await strapi.db.transaction(async ({ trx }) => {
      // The claim: whoever moves follow_up_sent_at from null sends; a second run finds it set.
      const claimed = await trx(CONTACT_REQUEST_TABLE).where({ id: row.id }).whereNull('follow_up_sent_at').update({ follow_up_sent_at: now });
      // A case study no longer published: nothing to ask about, and never again.
      if (claimed === 0 || !caseStudy) return false;
      const token = followUpToken(strapi, row.id);
      const texts = TEXTS[row.locale];
      const reportUrl = `${siteUrl.replace(/\/$/, '')}${caseStudyPath(row.locale, caseStudy.slug)}/${row.locale === 'en' ? 'transfer' : 'nachnutzung'}`;
      await mailQueue(strapi).enqueue(
        [
          {
            to: row.email,
            subject: texts.subject(caseStudy.title),
            text: texts.text(caseStudy.title, months, reportUrl, unsubscribeUrl(siteUrl, row.locale, token)),
          },
        ],
        trx,
      );
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}

/**
 * The button on the unsubscribe page: no follow-up for any request from that address that is
 * still pending. False for an unknown token.
 */
export async function unsubscribeFollowUps(strapi: Core.Strapi, token: string, now = Date.now()): Promise<boolean> {
  const id = requestOfToken(strapi, token);
  if (id === undefined) return false;
  const knex = strapi.db.connection;
  const row = (await knex(CONTACT_REQUEST_TABLE).where({ id }).first('email')) as { email: string | null } | undefined;
  if (!row) return false;
  await knex(CONTACT_REQUEST_TABLE).where({ id }).whereNull('follow_up_unsubscribed_at').update({ follow_up_unsubscribed_at: now });
  if (row.email) {
    await knex(CONTACT_REQUEST_TABLE)
      .whereRaw('lower(email) = ?', [row.email.toLowerCase()])
      .whereNull('follow_up_unsubscribed_at')
      .update({ follow_up_unsubscribed_at: now });
  }
  return true;
}

let timer: NodeJS.Timeout | undefined;

/** At bootstrap: look now and then every hour, once across all instances. */
export function startFollowUps(strapi: Core.Strapi): void {
  const run = () =>
    runScheduled(strapi.db.connection, 'contact-follow-up', HOUR, () => sendFollowUps(strapi))
      .then((outcome) => {
        if (outcome.ran && outcome.result > 0) strapi.log.info(`[requests] ${outcome.result} follow-up mail(s) queued`);
      })
      .catch((error: Error) => strapi.log.error(`[requests] follow-ups failed: ${error.message}`));
  void run();
  clearInterval(timer);
  timer = setInterval(run, HOUR);
  timer.unref();
}

export function stopFollowUps(): void {
  clearInterval(timer);
  timer = undefined;
}
