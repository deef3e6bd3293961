// "Nachnutzung melden": a practitioner reports that their Kommune took a case study over. As with
// "Praxisbeispiel einreichen" (submissions.ts): the report and the reporter's address are stored
// in the CMS's own table (personal data, never a content type) with a mail asking to confirm the
// address, in one transaction; only the confirmation turns the report into a draft "Nachnutzung"
// "Zur Prüfung" for the editors (the reporter's contact goes along only with their consent);
// rows are deleted after the retention period, confirmed or not.
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CASE_STUDY_UID as CASE_STUDY, type Locale, type TransferReport, TRANSFER_REPORT_UID } from '@praxis/search';
import { mailQueue } from '../mail/mail';
import { requestRetentionDays as retentionDays } from './contact-requests';
import { confirmationPageUrl, FormRefused, hashToken } from './double-opt-in';

/** Created by cms/database/migrations/2026.12.08T01.00.00.transfer-reports.ts. */
export const TRANSFER_REPORT_TABLE = 'praxis_transfer_reports';
/** Reports per reporter address and hour: a Kommune reports a handful of transfers, not dozens. */
export const TRANSFER_REPORTS_PER_ADDRESS_AND_HOUR = 3;
const MUNICIPALITY = 'api::municipality.municipality';

/** A transfer report refused (its content or its token). */
export class TransferReportRefused extends FormRefused {}

/** The site's confirmation page for a token. */
export const transferConfirmationUrl = (siteUrl: string, locale: string, token: string) =>
  confirmationPageUrl(siteUrl, locale, { de: '/nachnutzung/bestaetigen', en: '/transfer/confirm' }, token);

/** Our own words only (the address is not verified yet): no text of the report goes to it. */
const MAIL_TEXTS = {
  de: {
    subject: 'Bitte bestätigen: Ihr Bericht zur Nachnutzung bei der Praxisdatenbank',
    text: (title: string, url: string, days: number) =>
      [
        'Guten Tag,',
        '',
        `über die Praxisdatenbank „Zusammen im Quartier“ wurde mit dieser E-Mail-Adresse berichtet, dass eine Kommune das Praxisbeispiel „${title}“ übernommen hat.`,
        '',
        'Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link. Erst dann sieht die Redaktion den Bericht:',
        url,
        '',
        `Ohne Bestätigung löschen wir die Angaben nach ${days} Tagen. Wenn Sie nichts berichtet haben, können Sie diese E-Mail einfach löschen.`,
      ].join('\n'),
  },
  en: {
    subject: 'Please confirm: your transfer report to the good-practice database',
    text: (title: string, url: string, days: number) =>
      [
        'Hello,',
        '',
        `a report that a municipality took over the case study "${title}" was sent with this e-mail address through the good-practice database "Zusammen im Quartier".`,
        '',
        'Please confirm your e-mail address with this link. Only then will the editors see the report:',
        url,
        '',
        `Without confirmation we delete the details after ${days} days. If you did not send a report, simply delete this e-mail.`,
      ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

/** Stores a report and queues the confirmation mail. Refuses a case study not published in that language and an unknown Kommune. */
export async function storeTransferReport(strapi: Core.Strapi, report: TransferReport, consentText: string, siteUrl: string): Promise<void> {
  const caseStudy = (await strapi.documents(CASE_STUDY).findOne({ documentId: report.caseStudy, locale: report.locale, status: 'published' })) as {
    title: string;
  } | null;
  if (!caseStudy) throw new TransferReportRefused(404, 'Dieses Praxisbeispiel gibt es nicht (mehr).');
  const town = await strapi.db.query(MUNICIPALITY).findOne({ where: { ags: report.municipality }, select: ['id'] });
  if (!town) {
    const message = 'Diese Kommune gibt es in Nordrhein-Westfalen nicht.';
    throw new TransferReportRefused(400, message, [{ path: ['municipality'], message }]);
  }
  const knex = strapi.db.connection;
  const [{ count }] = (await knex(TRANSFER_REPORT_TABLE)
    .whereRaw('lower(email) = ?', [report.email.toLowerCase()])
    .where('created_at', '>', Date.now() - 60 * 60 * 1000)
    .count({ count: '*' })) as [{ count: number | string }];
  if (Number(count) >= TRANSFER_REPORTS_PER_ADDRESS_AND_HOUR) {
    throw new TransferReportRefused(
      429,
      `Von dieser E-Mail-Adresse kamen in der letzten Stunde schon ${TRANSFER_REPORTS_PER_ADDRESS_AND_HOUR} Berichte. Bitte versuchen Sie es später erneut.`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const texts = MAIL_TEXTS[report.locale];
  const { name, organisation, email, contactConsent, caseStudy: caseStudyDocumentId, locale, municipality, since, adopted, changed, helped, hindered } = report;
  await strapi.db.transaction(async ({ trx }) => {
    await trx(TRANSFER_REPORT_TABLE).insert({
      token_hash: hashToken(token),
      case_study_document_id: caseStudyDocumentId,
      locale,
      municipality_ags: municipality,
      report: JSON.stringify({ since, adopted, changed, helped, hindered }),
      name,
      organisation: organisation || null,
      email,
      contact_consent: contactConsent,
      consent_text: consentText,
      created_at: Date.now(),
    });
    await mailQueue(strapi).enqueue(
      [{ to: email, subject: texts.subject, text: texts.text(caseStudy.title, transferConfirmationUrl(siteUrl, locale, token), retentionDays()) }],
      trx,
    );
  });
}

interface ReportRow {
  id: number;
  case_study_document_id: string;
  locale: Locale;
  municipality_ags: string;
  report: string;
  name: string;
  organisation: string | null;
  email: string;
  contact_consent: boolean | number;
  confirmed_at: number | string | null;
}

/**
 * The reporter's click: the report becomes a draft "Nachnutzung" "Zur Prüfung". A second click
 * changes nothing. Returns the Kommune's name and the case study's title.
 */
export async function confirmTransferReport(strapi: Core.Strapi, token: string): Promise<{ town: string; title: string; alreadyConfirmed: boolean }> {
  const knex = strapi.db.connection;
  const row = (await knex(TRANSFER_REPORT_TABLE)
    .where({ token_hash: hashToken(token) })
    .first()) as ReportRow | undefined;
  if (!row) {
    throw new TransferReportRefused(
      404,
      'Dieser Bestätigungslink ist unbekannt oder abgelaufen. Unbestätigte Berichte löschen wir nach einiger Zeit; bitte senden Sie Ihren Bericht erneut.',
    );
  }
  const town = (await strapi.db.query(MUNICIPALITY).findOne({ where: { ags: row.municipality_ags }, select: ['id', 'name'] })) as {
    id: number;
    name: string;
  } | null;
  const caseStudy = (await strapi.db.query(CASE_STUDY).findOne({
    where: { documentId: row.case_study_document_id, locale: row.locale },
    select: ['title'],
  })) as { title: string } | null;
  if (!town || !caseStudy) throw new TransferReportRefused(410, 'Das Praxisbeispiel oder die Kommune dieses Berichts gibt es nicht mehr.');
  const names = { town: town.name, title: caseStudy.title };
  if (row.confirmed_at) return { ...names, alreadyConfirmed: true };

  const confirmed = await strapi.db.transaction(async ({ trx }) => {
    // Inside the transaction: a second click at the same time waits for this one and then finds it confirmed.
    const claimed = await trx(TRANSFER_REPORT_TABLE).where({ id: row.id }).whereNull('confirmed_at').update({ confirmed_at: Date.now() });
    if (claimed === 0) return false;
    const text = JSON.parse(row.report) as Pick<TransferReport, 'since' | 'adopted' | 'changed' | 'helped' | 'hindered'>;
    const contact = Boolean(row.contact_consent);
    const created = (await strapi.documents(TRANSFER_REPORT_UID).create({
      data: {
        title: `${town.name}: ${caseStudy.title}`.slice(0, 300),
        caseStudyDocumentId: row.case_study_document_id,
        caseStudyTitle: caseStudy.title.slice(0, 160),
        municipality: town.id,
        since: text.since,
        reportLocale: row.locale,
        adopted: text.adopted,
        changed: text.changed ?? null,
        helped: text.helped ?? null,
        hindered: text.hindered ?? null,
        contactName: contact ? row.name : null,
        contactOrganisation: contact ? row.organisation : null,
        contactEmail: contact ? row.email : null,
        editorialState: 'zur-pruefung',
      } as never,
    })) as { documentId: string };
    await trx(TRANSFER_REPORT_TABLE).where({ id: row.id }).update({ report_document_id: created.documentId });
    return true;
  });
  return { ...names, alreadyConfirmed: !confirmed };
}

/** Deletes reports older than the retention period, confirmed or not (a confirmed one lives on as its draft); returns how many. */
export async function deleteOldTransferReports(knex: Knex, now = Date.now(), days = retentionDays()): Promise<number> {
  return knex(TRANSFER_REPORT_TABLE)
    .where('created_at', '<', now - days * 24 * 60 * 60 * 1000)
    .delete();
}

export interface PublishedTransfer {
  town: string;
  ags: string;
  since: number;
  text: string;
  /** The language the report was written in. */
  locale: Locale;
}

/** The published reports of a case study, the latest transfer first. */
export async function publishedTransfers(strapi: Core.Strapi, caseStudyDocumentId: string): Promise<PublishedTransfer[]> {
  const rows = (await strapi.db.query(TRANSFER_REPORT_UID).findMany({
    where: { caseStudyDocumentId, publishedAt: { $notNull: true } },
    select: ['since', 'adopted', 'reportLocale'],
    populate: { municipality: { select: ['ags', 'name'] } },
    orderBy: [{ since: 'desc' }, { id: 'asc' }],
  })) as { since: number; adopted: string; reportLocale: Locale; municipality: { ags: string; name: string } | null }[];
  return rows
    .filter((row) => row.municipality)
    .map((row) => ({ town: row.municipality!.name, ags: row.municipality!.ags, since: row.since, text: row.adopted, locale: row.reportLocale }));
}
