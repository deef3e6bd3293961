// "Praxisbeispiel einreichen": POST /api/submissions (the site's token only) stores a project with
// the submitter's consent and mails a confirmation link; only POST /api/submissions/confirm with
// that link's token makes it a draft "Zur Prüfung", marked as submitted. Bad input is a 400 per
// field that stores nothing; unconfirmed submissions are deleted after 90 days.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { deleteUnconfirmedSubmissions } from '../../src/requests/submissions';
import { SUBMISSION_TABLE } from '../../src/requests/submission-tables';
import { readHistory } from '../../src/history/history-table';
import { CHEFREDAKTION } from '../../src/editorial/roles';
import { adminTokenFor } from '../helpers/admin-users.mts';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { pngStating } from '../helpers/images.mts';
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
  locale: 'de',
  project: project(overrides),
  submitter: { name: 'Tina Träger', organisation: 'Nachbarschaftshilfe e. V.', email },
  consent: true,
  consentText: CONSENT,
});

async function post(path: string, body: unknown, token: string | null = cms.siteToken) {
  const response = await fetch(`${cms.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
const stored = async () => Number((await cms.strapi.db.connection(SUBMISSION_TABLE).count({ n: '*' }))[0]!.n);
const tokenFromMail = (address: string) => {
  const mail = readMails(dir)
    .filter((entry) => entry.content.split(/\r?\n/).includes(`To: ${address}`))
    .at(-1);
  // The link stands on a line of its own; quoted-printable may wrap it with soft line breaks.
  const text = mail?.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /bestaetigen\?token=([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
};
/** A multipart submission as the site sends it: the JSON in `submission`, the files as `image-0` …. */
function sendWithImages(files: [Buffer, string][], images: unknown[], email: string) {
  const form = new FormData();
  form.append('submission', JSON.stringify({ ...submission({ title: `Bilder ${email}` }, email), images }));
  for (const [index, [data, name]] of files.entries()) form.append(`image-${index}`, new Blob([new Uint8Array(data)]), name);
  return fetch(`${cms.url}/api/submissions`, { method: 'POST', headers: { authorization: `Bearer ${cms.siteToken}` }, body: form }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as any,
  }));
}
/** True once no confirmed submission's images wait to be moved to the media library. */
const imagesMoved = async () =>
  Number(
    (
      await cms.strapi.db
        .connection('praxis_submission_images')
        .whereIn('submission_id', cms.strapi.db.connection(SUBMISSION_TABLE).select('id').whereNotNull('case_study_document_id'))
        .count({ n: '*' })
    )[0]!.n,
  ) === 0;
const drafts = (title: string) =>
  cms.strapi.db.query(CASE_STUDY).findMany({ where: { title, publishedAt: null }, select: ['documentId', 'slug', 'editorialState', 'submitted'] });

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({
    env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '200', SITE_URL: 'https://praxis.example.org' },
  });
  // A member of the Chefredaktion, to be told of confirmed submissions.
  await adminTokenFor(cms, 'chefin.einreichung@example.org', CHEFREDAKTION.code);
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
    // The address is not verified yet: the mail carries our words only, none of the submission's.
    expect(mail.text).toMatch(/^Guten Tag,$/m);
    expect(mail.text).toContain('„Praxisbeispiel einreichen“');
    for (const foreign of ['Tina', 'Träger', 'Nachbarschaftshilfe', 'Familienpatenschaften']) expect(mail.content + mail.text, foreign).not.toContain(foreign);
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
    // The editorial record names the submitter, once.
    const [entry] = await drafts('Familienpatenschaften im Quartier');
    const history = await readHistory(cms.strapi.db.connection, entry.documentId, 'de');
    expect(history).toEqual([
      expect.objectContaining({ action: 'submission', user: { id: null, name: expect.stringContaining('(Einreichung)'), email: 'traeger@example.org' } }),
    ]);
    // The Chefredaktion hears of it.
    await waitFor(async () => readMails(dir).some((mail) => mail.content.includes('To: chefin.einreichung@example.org')), 'the Chefredaktion got no mail');
    const notice = readMails(dir).find((mail) => mail.content.includes('To: chefin.einreichung@example.org'))!;
    expect(notice.text).toContain('hat über das Formular der Website ein Projekt eingereicht; es wartet auf die Prüfung:');
    expect(notice.text).toContain('„Familienpatenschaften im Quartier“ (Deutsch)');
    // The editors see who submitted it, with the consent word for word, and it is listed as open.
    const chefToken = await adminTokenFor(cms, 'leitung.einreichung@example.org', CHEFREDAKTION.code);
    const admin = (path: string) =>
      fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${chefToken}` } }).then(async (response) => (await response.json()) as any);
    expect((await admin(`/redaktion/case-studies/${entry.documentId}/submission`)).data).toEqual({
      name: 'Tina Träger',
      organisation: 'Nachbarschaftshilfe e. V.',
      email: 'traeger@example.org',
      consentText: CONSENT,
      submittedAt: expect.any(String),
      confirmedAt: expect.any(String),
    });
    const open = await admin('/redaktion/submissions');
    expect(open.items).toEqual([
      expect.objectContaining({
        documentId: entry.documentId,
        title: 'Familienpatenschaften im Quartier',
        submitter: expect.objectContaining({ email: 'traeger@example.org' }),
      }),
    ]);
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
      [
        submission({ description: Array.from({ length: 11 }, (_, index) => `https://spam.example/${index}`).join(' ') }),
        'project.description',
        /höchstens 10 Links/,
      ],
      [submission({ teaser: `Ein ${control} Steuerzeichen im Kurztext des Projekts` }), 'project.teaser', /Steuerzeichen/],
      [submission({ title: 'x'.repeat(5_000) }), 'project.title', /höchstens 160/],
      [submission({ topics: ['gibt-es-nicht'] }), 'project.topics', /gibt es nicht/],
      [submission({ municipalities: ['05999999'] }), 'project.municipalities', /gibt es nicht/],
      [{ ...submission(), consent: false }, 'consent', /stimmen Sie der Verarbeitung/],
      [{ ...submission(), consentText: '' }, 'consentText', /Einwilligung/],
      [{ ...submission(), submitter: { name: 'T', email: 'keine' } }, 'submitter.email', /gültige E-Mail-Adresse/],
      [{ ...submission(), project: { ...project(), slug: 'eigener-slug' } }, 'project', /./],
      [
        { ...submission(), submitter: { name: 'Kunde,\r\n\r\nIhr Zugang wird gesperrt: https://evil.example', email: 'x@example.org' } },
        'submitter.name',
        /einer Zeile/,
      ],
      [
        { ...submission(), submitter: { name: 'Tina', organisation: 'Verein\nBcc: a@example.org', email: 'x@example.org' } },
        'submitter.organisation',
        /einer Zeile/,
      ],
      [submission({ title: 'Zwei\nZeilen im Titel' }), 'project.title', /einer Zeile/],
      [
        {
          ...submission({ description: Array.from({ length: 8 }, (_, index) => `https://spam.example/${index}`).join(' ') }),
          submitter: { name: 'https://a.example https://b.example', organisation: 'https://c.example', email: 'x@example.org' },
        },
        'project.description',
        /höchstens 10 Links/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const response = await post('/submissions', body);
      expect(response.status, field).toBe(400);
      const fields = response.body.error.details.errors as { path: (string | number)[]; message: string }[];
      expect(
        fields.some((entry) => entry.path.join('.').startsWith(field) && message.test(entry.message)),
        `${field}: ${JSON.stringify(fields).slice(0, 300)}`,
      ).toBe(true);
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
      token_hash: hash.padEnd(64, '0'),
      locale: 'de',
      title: 'Alt',
      project: '{}',
      submitter_name: 'Alt',
      submitter_email: 'alt@example.org',
      consent_text: CONSENT,
      created_at: createdAt,
      confirmed_at: confirmedAt,
    });
    await knex(SUBMISSION_TABLE).insert([row('a1', now - 91 * day, null), row('b2', now - 91 * day, now - 90 * day), row('c3', now - 89 * day, null)]);
    expect(await deleteUnconfirmedSubmissions(knex, now)).toBe(1);
    const left = (await knex(SUBMISSION_TABLE).where({ title: 'Alt' }).select('token_hash'))
      .map((entry: { token_hash: string }) => entry.token_hash.slice(0, 2))
      .sort();
    expect(left).toEqual(['b2', 'c3']);
  });

  it('judges each image by its content: refuses what only starts like an image and more than 40 megapixels, and names it bild-N', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const before = await stored();
    const cases: [Buffer, string, RegExp][] = [
      [Buffer.from('<svg onload="alert(1)"/>'), 'bild.png', /Nur Bilder im Format JPEG, PNG oder WebP/],
      // PNG's signature in front of a page: the review's `bericht.html`.
      [
        Buffer.concat([png.subarray(0, 8), Buffer.from('<!doctype html><script>alert(document.cookie)</script>')]),
        'bericht.html',
        /Megapixel oder ist nicht lesbar/,
      ],
      [pngStating(16_000, 16_000), 'bombe.png', /mehr als 40 Megapixel/],
    ];
    for (const [data, name, message] of cases) {
      const response = await sendWithImages([[data, name]], [{ alt: 'Kinder auf der Bewegungsbaustelle' }], 'bilder@example.org');
      expect(response.status, name).toBe(400);
      expect(response.body.error.details.errors, name).toEqual([{ path: ['images', 0], message: expect.stringMatching(message) }]);
    }
    const withoutAlt = await sendWithImages([[png, 'ok.png']], [{ alt: '' }], 'bilder@example.org');
    expect(withoutAlt.status).toBe(400);
    expect(withoutAlt.body.error.details.errors[0].path).toEqual(['images', '0', 'alt']);
    expect(await stored()).toBe(before);

    // A real image with a script appended, under a page's name: kept, as `bild-1.png`.
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    const accepted = await sendWithImages(
      [[polyglot, 'bericht.html']],
      [{ alt: 'Kinder klettern über eine Bewegungsbaustelle', credit: 'Foto: Projekt' }],
      'bilder@example.org',
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const row = await cms.strapi.db.connection('praxis_submission_images').orderBy('id', 'desc').first();
    expect(row).toMatchObject({ file_name: 'bild-1.png', mime: 'image/png' });
  });

  it('confirms at once and moves the images onto the draft afterwards, re-encoded: the appended script is gone', async () => {
    await waitFor(async () => Boolean(tokenFromMail('bilder@example.org')), 'the confirmation mail did not arrive');
    expect((await post('/submissions/confirm', { token: tokenFromMail('bilder@example.org') })).status).toBe(200);
    await waitFor(imagesMoved, 'the images did not reach the draft');
    const draft = (await cms.strapi
      .documents(CASE_STUDY)
      .findFirst({ filters: { title: 'Bilder bilder@example.org' }, status: 'draft', locale: 'de', populate: { images: { populate: ['file'] } } })) as any;
    expect(draft.images).toEqual([
      expect.objectContaining({
        alt: 'Kinder klettern über eine Bewegungsbaustelle',
        credit: 'Foto: Projekt',
        file: expect.objectContaining({ mime: 'image/png', ext: '.png', name: 'bild-1.png', alternativeText: 'Kinder klettern über eine Bewegungsbaustelle' }),
      }),
    ]);
    const stored = readFileSync(join(cms.strapi.dirs.static.public, draft.images[0].file.url));
    expect(stored.includes('<script')).toBe(false);
    expect((await sharp(stored).metadata()).width).toBe(40);
  });

  it('makes one draft however often a submission with an unusable image is confirmed; the image is left out with a note', async () => {
    const email = 'kaputt@example.org';
    expect((await post('/submissions', submission({ title: 'Kaputtes Bild' }, email))).status).toBe(202);
    await waitFor(async () => Boolean(tokenFromMail(email)), 'the confirmation mail did not arrive');
    const { id } = await cms.strapi.db.connection(SUBMISSION_TABLE).where({ submitter_email: email }).first();
    // What the review's `bild:1.png` stands for: an image that the media library cannot take.
    await cms.strapi.db.connection('praxis_submission_images').insert({
      submission_id: id,
      position: 0,
      file_name: 'bild:1.png',
      mime: 'image/png',
      alt: 'Ein Bild, das sich nicht öffnen lässt',
      data: pngStating(100, 100),
    });
    const answers = await Promise.all([1, 2, 3].map(() => post('/submissions/confirm', { token: tokenFromMail(email) })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.body.data.alreadyConfirmed === false)).toHaveLength(1);
    await waitFor(imagesMoved, 'the image was not dealt with');
    const entries = await cms.strapi.db
      .query(CASE_STUDY)
      .findMany({ where: { title: 'Kaputtes Bild' }, select: ['submitted', 'editorialState', 'reviewComment'], populate: { images: true } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ submitted: true, editorialState: 'zur-pruefung', images: [] });
    expect(entries[0].reviewComment).toMatch(/Bild 1 der Einreichung wurde nicht übernommen: .*kein lesbares Bild/);
  });

  it('leaves nothing behind when a confirmation fails, lets the link be used again, and gives up after five failures', async () => {
    const email = 'wechsel@example.org';
    expect((await post('/submissions', submission({ title: 'Begriff entfernt' }, email))).status).toBe(202);
    await waitFor(async () => Boolean(tokenFromMail(email)), 'the confirmation mail did not arrive');
    const knex = cms.strapi.db.connection;
    const { id, project: original } = await knex(SUBMISSION_TABLE).where({ submitter_email: email }).first();
    // The vocabulary changed since the submission: one of its topics no longer exists.
    await knex(SUBMISSION_TABLE)
      .where({ id })
      .update({ project: JSON.stringify({ ...JSON.parse(original), topics: ['gibt-es-nicht-mehr'] }) });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const failed = await post('/submissions/confirm', { token: tokenFromMail(email) });
      expect(failed.status).toBe(410);
      expect(failed.body.error.message).toMatch(/passt nicht mehr zu den Begriffen/);
    }
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { title: 'Begriff entfernt' } })).toBe(0);
    expect(await knex(SUBMISSION_TABLE).where({ id }).first()).toMatchObject({ confirmed_at: null, case_study_document_id: null, failed_confirmations: 3 });

    await knex(SUBMISSION_TABLE).where({ id }).update({ project: original });
    expect((await post('/submissions/confirm', { token: tokenFromMail(email) })).status).toBe(200);
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { title: 'Begriff entfernt' } })).toBe(1);

    await knex(SUBMISSION_TABLE).where({ id }).update({ confirmed_at: null, case_study_document_id: null, failed_confirmations: 5 });
    const exhausted = await post('/submissions/confirm', { token: tokenFromMail(email) });
    expect(exhausted.status).toBe(410);
    expect(exhausted.body.error.message).toMatch(/mehrmals nicht übernehmen/);
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { title: 'Begriff entfernt' } })).toBe(1);
  });

  it('creates no Organisation: an unknown provider waits in the review note for the Chefredaktion', async () => {
    const email = 'neuer.traeger@example.org';
    const organisations = () => cms.strapi.db.query('api::organisation.organisation').count();
    const before = await organisations();
    expect((await post('/submissions', submission({ title: 'Neuer Träger', provider: 'Quartiersverein Neuland e. V.' }, email))).status).toBe(202);
    await waitFor(async () => Boolean(tokenFromMail(email)), 'the confirmation mail did not arrive');
    expect((await post('/submissions/confirm', { token: tokenFromMail(email) })).status).toBe(200);
    expect(await organisations()).toBe(before);
    const draft = await cms.strapi.db.query(CASE_STUDY).findOne({ where: { title: 'Neuer Träger' }, select: ['reviewComment'], populate: { provider: true } });
    expect(draft.provider).toBeNull();
    expect(draft.reviewComment).toContain('„Quartiersverein Neuland e. V.“');
  });
});
