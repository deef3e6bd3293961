// "Praxisbeispiel einreichen": POST /api/submissions (the site's token only) stores a project with
// the submitter's consent and mails a confirmation link; only POST /api/submissions/confirm with
// that link's token makes it a draft "Zur Prüfung", marked as submitted. Bad input is a 400 per
// field that stores nothing; unconfirmed submissions are deleted after 90 days.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { deleteUnconfirmedSubmissions, SUBMISSION_TABLE } from '../../src/requests/submissions';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
const CONSENT = 'Ich bin einverstanden, dass die Praxisdatenbank meine Angaben zur Prüfung meiner Einreichung speichert.';
let cms: TestStrapi;
let sink: MailSink;
const dir = mkdtempSync(join(tmpdir(), 'praxis-submission-test-'));

const project = (overrides: Record<string, unknown> = {}) => {
  const { criteria: _criteria, ...record } = caseStudyRecord({ title: 'Familienpatenschaften im Quartier', ...overrides });
  return record;
};
const submission = (overrides: Record<string, unknown> = {}, email = 'traeger@example.org') => ({
  locale: 'de', project: project(overrides), submitter: { name: 'Tina Träger', organisation: 'Nachbarschaftshilfe e. V.', email }, consent: true, consentText: CONSENT,
});

async function post(path: string, body: unknown, token: string | null = cms.siteToken) {
  const response = await fetch(`${cms.url}/api${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
const stored = async () => Number((await cms.strapi.db.connection(SUBMISSION_TABLE).count({ n: '*' }))[0]!.n);
const tokenFromMail = (address: string) => {
  const mail = readMails(dir).filter((entry) => entry.content.split(/\r?\n/).includes(`To: ${address}`)).at(-1);
  // The link stands on a line of its own; quoted-printable may wrap it with soft line breaks.
  const text = mail?.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /bestaetigen\?token=([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
};
const drafts = (title: string) => cms.strapi.db.query(CASE_STUDY).findMany({ where: { title, publishedAt: null }, select: ['documentId', 'slug', 'editorialState', 'submitted'] });

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({ env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '200', SITE_URL: 'https://praxis.example.org' } });
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('submissions', () => {
  it('stores a submission and mails a confirmation link, and nothing reaches the editors before it is confirmed', async () => {
    const { status, body } = await post('/submissions', submission());
    expect(status, JSON.stringify(body)).toBe(202);
    expect(JSON.stringify(body)).not.toMatch(/token|traeger/);
    expect(await stored()).toBe(1);
    await waitFor(async () => Boolean(tokenFromMail('traeger@example.org')), 'the confirmation mail did not arrive');
    const mail = readMails(dir).find((entry) => entry.content.includes('To: traeger@example.org'))!;
    expect(mail.content).toContain('Guten Tag Tina Tr');
    expect(await drafts('Familienpatenschaften im Quartier')).toEqual([]);
    const row = await cms.strapi.db.connection(SUBMISSION_TABLE).first();
    expect(row).toMatchObject({ submitter_email: 'traeger@example.org', consent_text: CONSENT, confirmed_at: null });
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes a confirmed submission a draft "Zur Prüfung", marked as submitted, once however often the link is opened', async () => {
    const token = tokenFromMail('traeger@example.org')!;
    const first = await post('/submissions/confirm', { token });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data).toEqual({ title: 'Familienpatenschaften im Quartier', alreadyConfirmed: false });
    const again = await post('/submissions/confirm', { token });
    expect(again.body.data.alreadyConfirmed).toBe(true);
    const entries = await drafts('Familienpatenschaften im Quartier');
    expect(entries).toEqual([expect.objectContaining({ slug: 'familienpatenschaften-im-quartier', editorialState: 'zur-pruefung', submitted: true })]);
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { title: 'Familienpatenschaften im Quartier', publishedAt: { $notNull: true } } })).toBe(0);
    expect((await post('/submissions/confirm', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await post('/submissions/confirm', { token: '../etc' })).status).toBe(400);
  });

  it('never touches an existing case study: a submission with the same title becomes a new draft under a free address', async () => {
    expect((await post('/submissions', submission({}, 'zweiter@example.org'))).status).toBe(202);
    await waitFor(async () => Boolean(tokenFromMail('zweiter@example.org')), 'the second confirmation mail did not arrive');
    expect((await post('/submissions/confirm', { token: tokenFromMail('zweiter@example.org') })).status).toBe(200);
    const slugs = (await drafts('Familienpatenschaften im Quartier')).map((entry: { slug: string }) => entry.slug).sort();
    expect(slugs).toEqual(['familienpatenschaften-im-quartier', 'familienpatenschaften-im-quartier-2']);
  });

  it('answers bad input with a 400 per field and stores nothing', async () => {
    const before = await stored();
    const control = String.fromCharCode(7);
    const cases: [unknown, string, RegExp][] = [
      [{ ...submission(), project: {} }, 'project.title', /./],
      [submission({ description: 'Wir <script>alert(1)</script> helfen' }), 'project.description', /ohne HTML/],
      [submission({ description: Array.from({ length: 11 }, (_, index) => `https://spam.example/${index}`).join(' ') }), 'project.description', /höchstens 10 Links/],
      [submission({ teaser: `Ein ${control} Steuerzeichen im Kurztext des Projekts` }), 'project.teaser', /Steuerzeichen/],
      [submission({ title: 'x'.repeat(5_000) }), 'project.title', /höchstens 160/],
      [submission({ topics: ['gibt-es-nicht'] }), 'project.topics', /gibt es nicht/],
      [submission({ municipalities: ['05999999'] }), 'project.municipalities', /gibt es nicht/],
      [{ ...submission(), consent: false }, 'consent', /stimmen Sie der Verarbeitung/],
      [{ ...submission(), consentText: '' }, 'consentText', /Einwilligung/],
      [{ ...submission(), submitter: { name: 'T', email: 'keine' } }, 'submitter.email', /gültige E-Mail-Adresse/],
      [{ ...submission(), project: { ...project(), slug: 'eigener-slug' } }, 'project', /./],
    ];
    for (const [body, field, message] of cases) {
      const response = await post('/submissions', body);
      expect(response.status, field).toBe(400);
      const fields = response.body.error.details.errors as { path: (string | number)[]; message: string }[];
      expect(fields.some((entry) => entry.path.join('.').startsWith(field) && message.test(entry.message)), `${field}: ${JSON.stringify(fields).slice(0, 300)}`).toBe(true);
    }
    expect(await stored()).toBe(before);
  });

  it('takes three submissions an hour from one address, and from the site only', async () => {
    for (let count = 0; count < 3; count++) expect((await post('/submissions', submission({}, 'eifrig@example.org'))).status).toBe(202);
    const fourth = await post('/submissions', submission({}, 'Eifrig@example.org'));
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.message).toMatch(/schon 3 Einreichungen/);
    expect((await post('/submissions', submission({}, 'oeffentlich@example.org'), null)).status).toBe(403);
    expect((await post('/submissions/confirm', { token: 'x'.repeat(43) }, null)).status).toBe(403);
  });

  it('deletes submissions not confirmed within 90 days and keeps the confirmed ones', async () => {
    const knex = cms.strapi.db.connection;
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const row = (hash: string, createdAt: number, confirmedAt: number | null) => ({
      token_hash: hash.padEnd(64, '0'), locale: 'de', title: 'Alt', project: '{}', submitter_name: 'Alt', submitter_email: 'alt@example.org',
      consent_text: CONSENT, created_at: createdAt, confirmed_at: confirmedAt,
    });
    await knex(SUBMISSION_TABLE).insert([row('a1', now - 91 * day, null), row('b2', now - 91 * day, now - 90 * day), row('c3', now - 89 * day, null)]);
    expect(await deleteUnconfirmedSubmissions(knex, now)).toBe(1);
    const left = (await knex(SUBMISSION_TABLE).where({ title: 'Alt' }).select('token_hash')).map((entry: { token_hash: string }) => entry.token_hash.slice(0, 2)).sort();
    expect(left).toEqual(['b2', 'c3']);
  });

  it('keeps a submission\'s images until it is confirmed, then puts them with their alt text on the draft; refuses what is not an image', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const send = (files: [Buffer, string][], images: unknown[], email: string) => {
      const form = new FormData();
      form.append('submission', JSON.stringify({ ...submission({ title: `Bilder ${email}` }, email), images }));
      for (const [index, [data, name]] of files.entries()) form.append(`image-${index}`, new Blob([data]), name);
      return fetch(`${cms.url}/api/submissions`, { method: 'POST', headers: { authorization: `Bearer ${cms.siteToken}` }, body: form })
        .then(async (response) => ({ status: response.status, body: await response.json() as any }));
    };
    const before = await stored();
    const fake = await send([[png, 'ok.png'], [Buffer.from('<svg onload="alert(1)"/>'), 'bild.png']], [{ alt: 'Kinder auf der Bewegungsbaustelle' }, { alt: 'Noch ein Bild vom Projekt' }], 'bilder@example.org');
    expect(fake.status).toBe(400);
    expect(fake.body.error.details.errors).toEqual([{ path: ['images', 1], message: 'Nur Bilder im Format JPEG, PNG oder WebP.' }]);
    const withoutAlt = await send([[png, 'ok.png']], [{ alt: '' }], 'bilder@example.org');
    expect(withoutAlt.status).toBe(400);
    expect(withoutAlt.body.error.details.errors[0].path).toEqual(['images', '0', 'alt']);
    expect(await stored()).toBe(before);

    const accepted = await send([[png, 'baustelle.png']], [{ alt: 'Kinder klettern über eine Bewegungsbaustelle', credit: 'Foto: Projekt' }], 'bilder@example.org');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    await waitFor(async () => Boolean(tokenFromMail('bilder@example.org')), 'the confirmation mail did not arrive');
    expect((await post('/submissions/confirm', { token: tokenFromMail('bilder@example.org') })).status).toBe(200);
    const draft = await cms.strapi.documents(CASE_STUDY).findFirst({ filters: { title: 'Bilder bilder@example.org' }, status: 'draft', locale: 'de', populate: { images: { populate: ['file'] } } }) as any;
    expect(draft.images).toEqual([expect.objectContaining({ alt: 'Kinder klettern über eine Bewegungsbaustelle', credit: 'Foto: Projekt', file: expect.objectContaining({ mime: 'image/png', alternativeText: 'Kinder klettern über eine Bewegungsbaustelle' }) })]);
    expect(Number((await cms.strapi.db.connection('praxis_submission_images').count({ n: '*' }))[0]!.n)).toBe(0);
  });
});
