// Contact and exchange requests ("Kontakt aufnehmen" on a detail page): a practitioner's message
// to a project. The request is stored in its own table (personal data: not a content type, so it
// never shows in the admin's lists), and forwarded by mail to the project's contact address, with
// a receipt to the sender (our own text only: the sender's address is not verified); replies go
// straight to the sender. Both mails are queued in the same
// transaction as the request (src/mail), so a request is never stored without its mails or lost
// while the mail server is down.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  CASE_STUDY_UID as CASE_STUDY,
  caseStudyPath,
  CONTACT_PURPOSE_NAMES,
  type ContactPurpose,
  type ContactRequest,
  contactRequestSchema as sharedContactRequestSchema,
  type Locale,
} from '@praxis/search';
import { mailQueue } from '../mail/mail';
import { cmsEnvironment } from '../config/environment';
import { followUpToken, FOLLOW_UP_PURPOSES, unsubscribeUrl } from './follow-up';

/** Created and changed by the migrations in cms/database/migrations/. */
export const CONTACT_REQUEST_TABLE = 'praxis_contact_requests';
/** Requests per sender address and hour: enough for a real exchange, too few to flood a project. */
export const REQUESTS_PER_ADDRESS_AND_HOUR = 5;

/** What the site sends, checked again here (the site checked it first, in the reader's language). */
export const contactRequestSchema = sharedContactRequestSchema('de');

export class ContactRequestRefused extends Error {
  constructor(
    readonly status: 404 | 422 | 429,
    message: string,
  ) {
    super(message);
  }
}

const MAIL_TEXTS = {
  de: {
    subject: (purpose: string, title: string) => `${purpose}: Anfrage zu „${title}“`,
    toProject: (request: ContactRequest, purpose: string, title: string, url: string) =>
      [
        `Guten Tag,`,
        '',
        `über die Praxisdatenbank „Zusammen im Quartier“ hat Sie eine Anfrage zu Ihrem Projekt „${title}“ erreicht (${url}).`,
        '',
        `Anliegen: ${purpose}`,
        `Von: ${request.name}${request.organisation ? `, ${request.organisation}` : ''} <${request.email}>`,
        '',
        request.message,
        '',
        `Antworten Sie einfach auf diese E-Mail: die Antwort geht direkt an ${request.name}.`,
        'Die Redaktion der Praxisdatenbank liest Ihre Korrespondenz nicht mit.',
      ].join('\n'),
    // A receipt to an address nobody has verified: only our own words, never the sender's text,
    // so that the form cannot send a stranger's message to someone else's address in our name.
    copy: (purpose: string, title: string, url: string) =>
      [
        'Guten Tag,',
        '',
        `über die Praxisdatenbank „Zusammen im Quartier“ ist eine Anfrage (${purpose}) zum Projekt „${title}“ (${url}) mit dieser E-Mail-Adresse als Absender eingegangen. Wir haben sie an das Projekt weitergeleitet; das Projekt antwortet direkt.`,
        '',
        `Wenn Sie keine Anfrage gestellt haben, müssen Sie nichts tun: Die Angaben löscht die Praxisdatenbank nach ${requestRetentionDays()} Tagen.`,
      ].join('\n'),
    followUp: (months: number, url: string) =>
      [
        '',
        `Sie haben zugestimmt, dass wir in ${months} Monaten einmal nachfragen, ob Ihre Kommune die Idee übernommen hat; bis dahin bewahren wir dafür Ihre E-Mail-Adresse auf. Keine Nachfrage:`,
        url,
      ].join('\n'),
  },
  en: {
    subject: (purpose: string, title: string) => `${purpose}: request about "${title}"`,
    toProject: (request: ContactRequest, purpose: string, title: string, url: string) =>
      [
        'Hello,',
        '',
        `a request about your project "${title}" reached you through the good-practice database "Zusammen im Quartier" (${url}).`,
        '',
        `Purpose: ${purpose}`,
        `From: ${request.name}${request.organisation ? `, ${request.organisation}` : ''} <${request.email}>`,
        '',
        request.message,
        '',
        `Just reply to this e-mail: your answer goes straight to ${request.name}.`,
        "The database's editors do not read your correspondence.",
      ].join('\n'),
    copy: (purpose: string, title: string, url: string) =>
      [
        'Hello,',
        '',
        `a request (${purpose}) about the project "${title}" (${url}) was sent through the good-practice database "Zusammen im Quartier" with this e-mail address as the sender. We have forwarded it to the project, which will answer directly.`,
        '',
        `If you did not send a request, there is nothing to do: the database deletes the details after ${requestRetentionDays()} days.`,
      ].join('\n'),
    followUp: (months: number, url: string) =>
      [
        '',
        `You agreed that we ask once in ${months} months whether your municipality took the idea over; until then we keep your e-mail address for it. No follow-up:`,
        url,
      ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

/**
 * Stores a request and queues its two mails. Refuses (ContactRequestRefused) a case study that
 * is not published in that language or has no contact address.
 */
export async function submitContactRequest(strapi: Core.Strapi, request: ContactRequest, siteUrl: string): Promise<void> {
  const entry = (await strapi.documents(CASE_STUDY).findOne({
    documentId: request.caseStudy,
    locale: request.locale,
    status: 'published',
    populate: { contact: true },
  })) as { title: string; slug: string; contact?: { email?: string | null } | null } | null;
  if (!entry) throw new ContactRequestRefused(404, 'Dieses Praxisbeispiel gibt es nicht (mehr).');
  const projectAddress = entry.contact?.email;
  if (!projectAddress) throw new ContactRequestRefused(422, 'Für dieses Praxisbeispiel ist keine Kontaktadresse hinterlegt.');

  const hourAgo = Date.now() - 60 * 60 * 1000;
  const [{ count }] = (await strapi.db
    .connection(CONTACT_REQUEST_TABLE)
    .whereRaw('lower(email) = ?', [request.email.toLowerCase()])
    .where('created_at', '>', hourAgo)
    .count({ count: '*' })) as [{ count: number | string }];
  if (Number(count) >= REQUESTS_PER_ADDRESS_AND_HOUR) {
    throw new ContactRequestRefused(
      429,
      `Von dieser E-Mail-Adresse kamen in der letzten Stunde schon ${REQUESTS_PER_ADDRESS_AND_HOUR} Anfragen. Bitte versuchen Sie es später erneut.`,
    );
  }

  const purpose = CONTACT_PURPOSE_NAMES[request.purpose as ContactPurpose][request.locale];
  const texts = MAIL_TEXTS[request.locale];
  const url = `${siteUrl.replace(/\/$/, '')}${caseStudyPath(request.locale, entry.slug)}`;
  const subject = texts.subject(purpose, entry.title);
  // Only where a follow-up can come: after a Hospitation or an Austausch, with the consent.
  const followUp = request.followUp === true && (FOLLOW_UP_PURPOSES as readonly string[]).includes(request.purpose);
  await strapi.db.transaction(async ({ trx }) => {
    const [inserted] = (await trx(CONTACT_REQUEST_TABLE)
      .insert({
        case_study_document_id: request.caseStudy,
        locale: request.locale,
        purpose: request.purpose,
        message: request.message,
        name: request.name,
        organisation: request.organisation || null,
        email: request.email,
        follow_up_consent: followUp,
        created_at: Date.now(),
      })
      .returning('id')) as [{ id: number } | number];
    const id = typeof inserted === 'number' ? inserted : inserted!.id;
    const followUpNote = followUp ? texts.followUp(cmsEnvironment().FOLLOW_UP_MONTHS, unsubscribeUrl(siteUrl, request.locale, followUpToken(strapi, id))) : '';
    await mailQueue(strapi).enqueue(
      [
        { to: projectAddress, replyTo: request.email, subject, text: texts.toProject(request, purpose, entry.title, url) },
        { to: request.email, subject, text: texts.copy(purpose, entry.title, url) + followUpNote },
      ],
      trx,
    );
  });
}

/** Days after which a request's personal data is emptied (REQUEST_RETENTION_DAYS, default 90). */
export function requestRetentionDays(): number {
  return cmsEnvironment().REQUEST_RETENTION_DAYS;
}

/**
 * Empties the personal data (message, name, organisation, address) of requests older than the
 * retention period; the rows stay, so editors can still count requests per case study. A request
 * whose follow-up is still to come keeps only its address, until the follow-up went out.
 * Returns how many requests were anonymised.
 */
export async function anonymiseOldContactRequests(knex: Knex, now = Date.now(), retentionDays = requestRetentionDays()): Promise<number> {
  const cutoff = now - retentionDays * 24 * 60 * 60 * 1000;
  /** A follow-up still to come (follow-up.ts): its address stays until it is sent or unsubscribed. */
  const followUpPending = (query: Knex.QueryBuilder) =>
    query
      .where('follow_up_consent', true)
      .whereIn('purpose', [...FOLLOW_UP_PURPOSES])
      .whereNull('follow_up_sent_at')
      .whereNull('follow_up_unsubscribed_at');
  const whole = await knex(CONTACT_REQUEST_TABLE)
    .where('created_at', '<', cutoff)
    .where((query) => query.whereNull('anonymised_at').orWhereNotNull('email'))
    .whereNot((query) => followUpPending(query))
    .update({ message: null, name: null, organisation: null, email: null, anonymised_at: now });
  const keepingAddress = await knex(CONTACT_REQUEST_TABLE)
    .where('created_at', '<', cutoff)
    .whereNull('anonymised_at')
    .where((query) => followUpPending(query))
    .update({ message: null, name: null, organisation: null, anonymised_at: now });
  return whole + keepingAddress;
}
