// "Praxisbeispiel einreichen": a provider's project from the site's form. It is stored with the
// submitter's contact and consent in its own table (personal data: never a content type, never
// published) together with the mail that asks the submitter to confirm their address, in one
// transaction. Only the confirmation turns it into a draft case study "Zur Prüfung", marked as
// submitted, where editors see it; unconfirmed submissions are deleted after the retention period.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { localePathPrefix, type Locale, type Submission } from '@praxis/search';
import { freeSlug } from '../editorial/slugs';
import { importCaseStudies } from '../import/run-import';
import { validateRecords } from '../import/validate';
import { loadReferenceIds, loadVocabulary } from '../import/vocabulary';
import { mailQueue } from '../mail/mail';
import { requestRetentionDays as retentionDays } from './contact-requests';

export const SUBMISSION_TABLE = 'praxis_submissions';
export const SUBMISSION_IMAGE_TABLE = 'praxis_submission_images';
const CASE_STUDY = 'api::case-study.case-study';
/** Submissions per submitter address and hour. */
export const SUBMISSIONS_PER_ADDRESS_AND_HOUR = 3;

export async function ensureSubmissionTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(SUBMISSION_TABLE)) return;
  await knex.schema.createTable(SUBMISSION_TABLE, (table) => {
    table.increments('id');
    table.string('token_hash', 64).notNullable().unique();
    table.string('locale', 16).notNullable();
    table.string('title', 200).notNullable();
    table.text('project').notNullable();
    table.string('submitter_name', 100).notNullable();
    table.string('submitter_organisation', 200).nullable();
    table.string('submitter_email', 254).notNullable();
    /** The consent text the submitter agreed to, word for word, and when. */
    table.text('consent_text').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('confirmed_at').nullable();
    table.string('case_study_document_id', 64).nullable();
  });
}

/** The images of a submission, kept here until it is confirmed (then they go to the media library). */
export async function ensureSubmissionImageTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(SUBMISSION_IMAGE_TABLE)) return;
  await knex.schema.createTable(SUBMISSION_IMAGE_TABLE, (table) => {
    table.increments('id');
    table.integer('submission_id').notNullable().index('praxis_submission_images_submission_idx');
    table.integer('position').notNullable();
    table.string('file_name', 200).notNullable();
    table.string('mime', 40).notNullable();
    table.string('alt', 300).notNullable();
    table.string('credit', 200).nullable();
    table.binary('data').notNullable();
  });
}

/** An image as the site hands it on: checked (type from its bytes, size, alt text). */
export interface SubmissionImage {
  fileName: string;
  mime: string;
  alt: string;
  credit?: string;
  data: Buffer;
}

export class SubmissionRefused extends Error {
  constructor(readonly status: 400 | 404 | 410 | 429, message: string, readonly fields: { path: string[]; message: string }[] = []) {
    super(message);
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The site's confirmation page for a token (its `definePageMeta` says the same paths). */
export function confirmationUrl(siteUrl: string, locale: string, token: string): string {
  const path = locale === 'en' ? '/submit-a-project/confirm' : '/praxisbeispiel-einreichen/bestaetigen';
  return `${siteUrl.replace(/\/$/, '')}${localePathPrefix(locale)}${path}?token=${encodeURIComponent(token)}`;
}

const MAIL_TEXTS = {
  de: {
    subject: (title: string) => `Bitte bestätigen: Ihr Praxisbeispiel „${title}“`,
    text: (name: string, title: string, url: string, days: number) => [
      `Guten Tag ${name},`, '',
      `vielen Dank, dass Sie Ihr Projekt „${title}“ für die Praxisdatenbank „Zusammen im Quartier“ eingereicht haben.`, '',
      'Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link. Erst dann sieht die Redaktion Ihre Einreichung:', url, '',
      `Ohne Bestätigung löschen wir Ihre Angaben nach ${days} Tagen. Wenn Sie nichts eingereicht haben, können Sie diese E-Mail einfach löschen.`,
    ].join('\n'),
  },
  en: {
    subject: (title: string) => `Please confirm: your case study "${title}"`,
    text: (name: string, title: string, url: string, days: number) => [
      `Hello ${name},`, '',
      `thank you for submitting your project "${title}" to the good-practice database "Zusammen im Quartier".`, '',
      'Please confirm your e-mail address with this link. Only then will the editors see your submission:', url, '',
      `Without confirmation we delete your details after ${days} days. If you did not submit anything, simply delete this e-mail.`,
    ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

/** Checks the project against the CMS's vocabulary (Baustein, target groups, topics, settings, municipalities) as the import does. */
async function checkReferences(strapi: Core.Strapi, submission: Submission): Promise<void> {
  const references = await loadReferenceIds(strapi);
  const vocabulary = await loadVocabulary(strapi, references, submission.locale, 'de');
  // The import's own check, on a record under a slug no case study has.
  const { issues } = validateRecords([{ number: 1, value: { ...submission.project, slug: 'einreichung-pruefen', publish: true } }], vocabulary, { defaultLocale: submission.locale === 'de' });
  const fields = issues.filter((issue) => issue.field !== 'slug').map((issue) => ({ path: ['project', ...issue.field.split('.')], message: issue.reason }));
  if (fields.length > 0) throw new SubmissionRefused(400, fields.map((field) => field.message).join(' '), fields);
}

/** Stores a submission and queues the mail asking to confirm the address; returns nothing a caller could leak. */
export async function storeSubmission(strapi: Core.Strapi, submission: Submission, consentText: string, siteUrl: string, images: SubmissionImage[] = []): Promise<void> {
  await checkReferences(strapi, submission);
  const knex = strapi.db.connection;
  const email = submission.submitter.email.toLowerCase();
  const [{ count }] = await knex(SUBMISSION_TABLE).whereRaw('lower(submitter_email) = ?', [email]).where('created_at', '>', Date.now() - 60 * 60 * 1000).count({ count: '*' }) as [{ count: number | string }];
  if (Number(count) >= SUBMISSIONS_PER_ADDRESS_AND_HOUR) {
    throw new SubmissionRefused(429, `Von dieser E-Mail-Adresse kamen in der letzten Stunde schon ${SUBMISSIONS_PER_ADDRESS_AND_HOUR} Einreichungen. Bitte versuchen Sie es später erneut.`);
  }
  const token = randomBytes(32).toString('base64url');
  const texts = MAIL_TEXTS[submission.locale];
  const { name, organisation } = submission.submitter;
  await strapi.db.transaction(async ({ trx }) => {
    const [inserted] = await trx(SUBMISSION_TABLE).insert({
      token_hash: hashToken(token), locale: submission.locale, title: submission.project.title, project: JSON.stringify(submission.project),
      submitter_name: name, submitter_organisation: organisation || null, submitter_email: submission.submitter.email,
      consent_text: consentText, created_at: Date.now(),
    }).returning('id') as [{ id: number } | number];
    const submissionId = typeof inserted === 'number' ? inserted : inserted!.id;
    for (const [position, image] of images.entries()) {
      await trx(SUBMISSION_IMAGE_TABLE).insert({
        submission_id: submissionId, position, file_name: image.fileName, mime: image.mime, alt: image.alt, credit: image.credit || null, data: image.data,
      });
    }
    await mailQueue(strapi).enqueue([{
      to: submission.submitter.email,
      subject: texts.subject(submission.project.title),
      text: texts.text(name, submission.project.title, confirmationUrl(siteUrl, submission.locale, token), retentionDays()),
    }], trx);
  });
}

/**
 * The submitter's click on the link: the submission becomes a draft case study "Zur Prüfung",
 * marked as submitted. A second click changes nothing. Returns the project's title.
 */
export async function confirmSubmission(strapi: Core.Strapi, token: string): Promise<{ title: string; alreadyConfirmed: boolean }> {
  const knex = strapi.db.connection;
  const row = await knex(SUBMISSION_TABLE).where({ token_hash: hashToken(token) }).first() as
    { id: number; locale: string; title: string; project: string; confirmed_at: number | string | null } | undefined;
  if (!row) throw new SubmissionRefused(404, 'Dieser Bestätigungslink ist unbekannt oder abgelaufen. Unbestätigte Einreichungen löschen wir nach einiger Zeit; bitte reichen Sie Ihr Projekt erneut ein.');
  // Claimed first, so two clicks at once cannot make two drafts; released again if the draft cannot be made.
  const claimed = await knex(SUBMISSION_TABLE).where({ id: row.id }).whereNull('confirmed_at').update({ confirmed_at: Date.now() });
  if (row.confirmed_at !== null || claimed === 0) return { title: row.title, alreadyConfirmed: true };
  try {
    const slug = await freeSlug(strapi, row.title, row.locale, undefined);
    const record = { ...JSON.parse(row.project), slug, publish: true };
    const report = await importCaseStudies(strapi, 'einreichung.json', JSON.stringify([record]), { locale: row.locale, publishing: 'for-review' });
    if (!report.written) {
      // The vocabulary changed since the submission (a topic was removed, say).
      throw new SubmissionRefused(410, `Die Einreichung passt nicht mehr zu den Begriffen der Datenbank: ${report.issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ')}`);
    }
    const entry = await strapi.db.query(CASE_STUDY).findOne({ where: { slug, locale: row.locale, publishedAt: null }, select: ['id', 'documentId'] }) as { id: number; documentId: string };
    await strapi.db.query(CASE_STUDY).update({ where: { id: entry.id }, data: { submitted: true } });
    await attachImages(strapi, row.id, entry.documentId, row.locale);
    await knex(SUBMISSION_TABLE).where({ id: row.id }).update({ case_study_document_id: entry.documentId });
  } catch (error) {
    await knex(SUBMISSION_TABLE).where({ id: row.id }).update({ confirmed_at: null });
    throw error;
  }
  return { title: row.title, alreadyConfirmed: false };
}

/** Moves a confirmed submission's images into the media library and onto its draft, in their order. */
async function attachImages(strapi: Core.Strapi, submissionId: number, documentId: string, locale: string): Promise<void> {
  const knex = strapi.db.connection;
  const rows = await knex(SUBMISSION_IMAGE_TABLE).where({ submission_id: submissionId }).orderBy('position') as
    { id: number; file_name: string; mime: string; alt: string; credit: string | null; data: Buffer }[];
  if (rows.length === 0) return;
  const upload = strapi.plugin('upload').service('upload') as { upload(input: { data: object; files: object }): Promise<{ id: number }[]> };
  const folder = await mkdtemp(join(tmpdir(), 'praxis-submission-'));
  try {
    const images = [];
    for (const row of rows) {
      const filepath = join(folder, `${row.id}`);
      await writeFile(filepath, row.data);
      const [file] = await upload.upload({
        data: { fileInfo: { name: row.file_name, alternativeText: row.alt, caption: row.credit ?? undefined } },
        files: { filepath, originalFilename: row.file_name, mimetype: row.mime, size: row.data.length },
      });
      images.push({ file: file!.id, alt: row.alt, credit: row.credit ?? undefined });
    }
    await strapi.documents(CASE_STUDY).update({ documentId, locale, data: { images } } as never);
    await knex(SUBMISSION_IMAGE_TABLE).where({ submission_id: submissionId }).delete();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Deletes submissions nobody confirmed within the retention period, with their images; returns how many. */
export async function deleteUnconfirmedSubmissions(knex: Knex, now = Date.now(), days = retentionDays()): Promise<number> {
  const expired = knex(SUBMISSION_TABLE).select('id').whereNull('confirmed_at').where('created_at', '<', now - days * 24 * 60 * 60 * 1000);
  await knex(SUBMISSION_IMAGE_TABLE).whereIn('submission_id', expired).delete();
  return knex(SUBMISSION_TABLE).whereNull('confirmed_at').where('created_at', '<', now - days * 24 * 60 * 60 * 1000).delete();
}
