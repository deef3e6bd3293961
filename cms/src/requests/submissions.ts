// "Praxisbeispiel einreichen": a provider's project from the site's form. It is stored with the
// submitter's contact and consent in its own table (personal data: never a content type, never
// published) together with the mail that asks the submitter to confirm their address, in one
// transaction. Only the confirmation turns it into a draft case study "Zur Prüfung", marked as
// submitted, where editors see it; unconfirmed submissions are deleted after the retention period.
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { asEditorialWork } from '../history/actor';
import { CASE_STUDY_UID as CASE_STUDY, type Locale, type Submission } from '@praxis/search';
import { freeSlug } from '../editorial/slugs';
import { importCaseStudies } from '../import/run-import';
import { validateRecords } from '../import/validate';
import { loadReferenceIds, loadVocabulary } from '../import/vocabulary';
import { mailQueue } from '../mail/mail';
import { requestRetentionDays as retentionDays } from './contact-requests';
import { scheduleSubmissionImages } from './submission-images';
import { confirmationStep, referenceProblems } from './submission-checks';
import { SUBMISSION_IMAGE_TABLE, SUBMISSION_TABLE } from './submission-tables';
import { confirmationPageUrl, FormRefused, hashToken } from './double-opt-in';

/** Submissions per submitter address and hour. */
export const SUBMISSIONS_PER_ADDRESS_AND_HOUR = 3;

/** An image as the site hands it on: checked (type from its bytes, size, alt text). */
export interface SubmissionImage {
  fileName: string;
  mime: string;
  alt: string;
  credit?: string;
  data: Buffer;
}

/** A submission refused (its content or its token). */
export class SubmissionRefused extends FormRefused {}

/** The site's confirmation page for a token. */
export const confirmationUrl = (siteUrl: string, locale: string, token: string) =>
  confirmationPageUrl(siteUrl, locale, { de: '/praxisbeispiel-einreichen/bestaetigen', en: '/submit-a-project/confirm' }, token);

/**
 * The mail to the submitter's address, which nobody has verified yet: only our own words, no name,
 * title or other text of the submission, so that the form cannot carry a stranger's text to
 * someone else's address in our name.
 */
const MAIL_TEXTS = {
  de: {
    subject: 'Bitte bestätigen: Ihre Einreichung bei der Praxisdatenbank',
    text: (url: string, days: number) =>
      [
        'Guten Tag,',
        '',
        'über das Formular „Praxisbeispiel einreichen“ der Praxisdatenbank „Zusammen im Quartier“ wurde ein Projekt mit dieser E-Mail-Adresse eingereicht.',
        '',
        'Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link. Erst dann sieht die Redaktion die Einreichung:',
        url,
        '',
        `Ohne Bestätigung löschen wir die Angaben nach ${days} Tagen. Wenn Sie nichts eingereicht haben, können Sie diese E-Mail einfach löschen.`,
      ].join('\n'),
  },
  en: {
    subject: 'Please confirm: your submission to the good-practice database',
    text: (url: string, days: number) =>
      [
        'Hello,',
        '',
        'a project was submitted with this e-mail address through the form "Submit a project" of the good-practice database "Zusammen im Quartier".',
        '',
        'Please confirm your e-mail address with this link. Only then will the editors see the submission:',
        url,
        '',
        `Without confirmation we delete the details after ${days} days. If you did not submit anything, simply delete this e-mail.`,
      ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

/** Checks the project against the CMS's vocabulary (Baustein, target groups, topics, settings, municipalities) as the import does. */
async function checkReferences(strapi: Core.Strapi, submission: Submission): Promise<void> {
  const references = await loadReferenceIds(strapi);
  const vocabulary = await loadVocabulary(strapi, references, submission.locale, 'de');
  // The import's own check, on a record under a slug no case study has.
  const { issues } = validateRecords([{ number: 1, value: { ...submission.project, slug: 'einreichung-pruefen', publish: true } }], vocabulary, {
    defaultLocale: submission.locale === 'de',
  });
  const fields = referenceProblems(issues);
  if (fields.length > 0) throw new SubmissionRefused(400, fields.map((field) => field.message).join(' '), fields);
}

/** Stores a submission and queues the mail asking to confirm the address; returns nothing a caller could leak. */
export async function storeSubmission(
  strapi: Core.Strapi,
  submission: Submission,
  consentText: string,
  siteUrl: string,
  images: SubmissionImage[] = [],
): Promise<void> {
  await checkReferences(strapi, submission);
  const knex = strapi.db.connection;
  const email = submission.submitter.email.toLowerCase();
  const [{ count }] = (await knex(SUBMISSION_TABLE)
    .whereRaw('lower(submitter_email) = ?', [email])
    .where('created_at', '>', Date.now() - 60 * 60 * 1000)
    .count({ count: '*' })) as [{ count: number | string }];
  if (Number(count) >= SUBMISSIONS_PER_ADDRESS_AND_HOUR) {
    throw new SubmissionRefused(
      429,
      `Von dieser E-Mail-Adresse kamen in der letzten Stunde schon ${SUBMISSIONS_PER_ADDRESS_AND_HOUR} Einreichungen. Bitte versuchen Sie es später erneut.`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const texts = MAIL_TEXTS[submission.locale];
  const { name, organisation } = submission.submitter;
  await strapi.db.transaction(async ({ trx }) => {
    const [inserted] = (await trx(SUBMISSION_TABLE)
      .insert({
        token_hash: hashToken(token),
        locale: submission.locale,
        title: submission.project.title,
        project: JSON.stringify(submission.project),
        submitter_name: name,
        submitter_organisation: organisation || null,
        submitter_email: submission.submitter.email,
        consent_text: consentText,
        created_at: Date.now(),
      })
      .returning('id')) as [{ id: number } | number];
    const submissionId = typeof inserted === 'number' ? inserted : inserted!.id;
    for (const [position, image] of images.entries()) {
      await trx(SUBMISSION_IMAGE_TABLE).insert({
        submission_id: submissionId,
        position,
        file_name: image.fileName,
        mime: image.mime,
        alt: image.alt,
        credit: image.credit || null,
        data: image.data,
      });
    }
    await mailQueue(strapi).enqueue(
      [
        {
          to: submission.submitter.email,
          subject: texts.subject,
          text: texts.text(confirmationUrl(siteUrl, submission.locale, token), retentionDays()),
        },
      ],
      trx,
    );
  });
}

interface SubmissionRow {
  id: number;
  locale: string;
  title: string;
  project: string;
  submitter_name: string;
  submitter_email: string;
  confirmed_at: number | string | null;
  failed_confirmations: number | string | null;
}

/**
 * The submitter's click on the link: the submission becomes a draft case study "Zur Prüfung",
 * marked as submitted. All or nothing: the claim, the draft and the link between them are one
 * transaction, so a failure leaves nothing behind and the link can be used again (up to
 * MAX_FAILED_CONFIRMATIONS times, submission-checks.ts); a second click changes nothing. The
 * images follow off the request path (submission-images.ts). Returns the project's title.
 */
export async function confirmSubmission(strapi: Core.Strapi, token: string): Promise<{ title: string; alreadyConfirmed: boolean }> {
  const knex = strapi.db.connection;
  const row = (await knex(SUBMISSION_TABLE)
    .where({ token_hash: hashToken(token) })
    .first()) as SubmissionRow | undefined;
  const step = confirmationStep(row);
  if (!row || step === 'unknown')
    throw new SubmissionRefused(
      404,
      'Dieser Bestätigungslink ist unbekannt oder abgelaufen. Unbestätigte Einreichungen löschen wir nach einiger Zeit; bitte reichen Sie Ihr Projekt erneut ein.',
    );
  if (step === 'already-confirmed') return { title: row.title, alreadyConfirmed: true };
  if (step === 'locked') {
    throw new SubmissionRefused(
      410,
      'Diese Einreichung ließ sich mehrmals nicht übernehmen. Bitte reichen Sie Ihr Projekt erneut ein; die Redaktion hilft gern weiter.',
    );
  }
  let confirmed: boolean;
  try {
    confirmed = await strapi.db.transaction(async ({ trx }) => {
      // Inside the transaction: a second click at the same time waits for this one and then finds it confirmed.
      const claimed = await trx(SUBMISSION_TABLE).where({ id: row.id }).whereNull('confirmed_at').update({ confirmed_at: Date.now() });
      if (claimed === 0) return false;
      const slug = await freeSlug(strapi, row.title, row.locale, undefined);
      const record = { ...JSON.parse(row.project), slug, publish: true };
      // A draft "Zur Prüfung"; an unknown provider becomes a note for the editors, not a live Organisation.
      // The editorial record names the submitter (personal data: purged with the submission, see the Datenschutz page).
      const submitter = { id: null, name: `${row.submitter_name} (Einreichung)`, email: row.submitter_email };
      const report = await asEditorialWork(submitter, 'submission', () =>
        importCaseStudies(strapi, 'einreichung.json', JSON.stringify([record]), {
          locale: row.locale,
          publishing: 'for-review',
          createsOrganisations: false,
        }),
      );
      if (!report.written) {
        // The vocabulary changed since the submission (a topic was removed, say).
        throw new SubmissionRefused(
          410,
          `Die Einreichung passt nicht mehr zu den Begriffen der Datenbank: ${report.issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ')}`,
        );
      }
      const entry = (await strapi.db.query(CASE_STUDY).findOne({ where: { slug, locale: row.locale, publishedAt: null }, select: ['id', 'documentId'] })) as {
        id: number;
        documentId: string;
      };
      await strapi.db.query(CASE_STUDY).update({ where: { id: entry.id }, data: { submitted: true } });
      await trx(SUBMISSION_TABLE).where({ id: row.id }).update({ case_study_document_id: entry.documentId });
      return true;
    });
  } catch (error) {
    await knex(SUBMISSION_TABLE)
      .where({ id: row.id })
      .update({ failed_confirmations: Number(row.failed_confirmations ?? 0) + 1 });
    throw error;
  }
  if (confirmed) scheduleSubmissionImages(strapi);
  return { title: row.title, alreadyConfirmed: !confirmed };
}

/** Deletes submissions nobody confirmed within the retention period, with their images; returns how many. */
export async function deleteUnconfirmedSubmissions(knex: Knex, now = Date.now(), days = retentionDays()): Promise<number> {
  const expired = knex(SUBMISSION_TABLE)
    .select('id')
    .whereNull('confirmed_at')
    .where('created_at', '<', now - days * 24 * 60 * 60 * 1000);
  await knex(SUBMISSION_IMAGE_TABLE).whereIn('submission_id', expired).delete();
  return knex(SUBMISSION_TABLE)
    .whereNull('confirmed_at')
    .where('created_at', '<', now - days * 24 * 60 * 60 * 1000)
    .delete();
}
