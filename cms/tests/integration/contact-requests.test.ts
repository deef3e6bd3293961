// "Kontakt aufnehmen": POST /api/contact-requests (the site's token only) stores a request and
// forwards it by mail to the project's contact address with a copy to the sender; bad input is a
// 400 with a German message per field and stores nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { contactRequestCounts } from '../../src/dashboard/contact-request-counts';
import { anonymiseOldContactRequests, CONTACT_REQUEST_TABLE } from '../../src/requests/contact-requests';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
let sink: MailSink;
const dir = mkdtempSync(join(tmpdir(), 'praxis-contact-test-'));
const documentIds: Record<string, string> = {};

const valid = () => ({
  caseStudy: documentIds.withContact!,
  locale: 'de',
  purpose: 'hospitation',
  message: 'Wir möchten Ihr Projekt im Frühjahr besuchen. Passt Ihnen ein Termin im März?',
  name: 'Maria Planerin',
  organisation: 'Stadt Musterstadt, Jugendamt',
  email: 'maria.planerin@example.org',
});

async function send(body: unknown, token: string | null = cms.siteToken) {
  const response = await fetch(`${cms.url}/api/contact-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
const storedRequests = async () => Number((await cms.strapi.db.connection(CONTACT_REQUEST_TABLE).count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({
    env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '200', SITE_URL: 'https://praxis.example.org' },
  });
  const importer = cms.strapi.service('api::case-study.importer') as unknown as { importContent(name: string, content: string): Promise<{ written: boolean }> };
  await importer.importContent(
    'x.json',
    JSON.stringify([
      caseStudyRecord({ slug: 'mit-kontakt', title: 'Lesepaten mit Kontakt', contact: { email: 'projekt@example.org', role: 'Projektleitung' } }),
      caseStudyRecord({ slug: 'ohne-kontakt', title: 'Lesepaten ohne Kontakt' }),
    ]),
  );
  for (const slug of ['mit-kontakt', 'ohne-kontakt']) {
    const entry = await cms.strapi.db.query(CASE_STUDY).findOne({ where: { slug }, select: ['documentId'] });
    documentIds[slug === 'mit-kontakt' ? 'withContact' : 'withoutContact'] = entry.documentId;
  }
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('contact requests', () => {
  it('stores the request and forwards it to the project, replies going to the sender, with a receipt in our own words to the sender', async () => {
    const { status, body } = await send(valid());
    expect(status, JSON.stringify(body)).toBe(202);
    expect(JSON.stringify(body)).not.toContain('maria');
    expect(await storedRequests()).toBe(1);
    await waitFor(async () => readMails(dir).length === 2, 'the two mails did not arrive');
    const [toProject, copy] = ['projekt@example.org', 'maria.planerin@example.org'].map((address) =>
      readMails(dir).find((mail) => mail.content.split(/\r?\n/).includes(`To: ${address}`))!,
    );
    expect(toProject!.content).toMatch(/^Reply-To: maria\.planerin@example\.org$/m);
    expect(toProject!.content).toContain('Hospitation/Besuch');
    expect(toProject!.content).toContain('https://praxis.example.org/praxisbeispiele/mit-kontakt');
    expect(toProject!.text).toContain('Wir möchten Ihr Projekt im Frühjahr besuchen');
    // The sender's address is not verified: the receipt carries none of the sender's words.
    expect(copy!.text).toMatch(/^Guten Tag,$/m);
    expect(copy!.text).toContain('„Lesepaten mit Kontakt“');
    for (const foreign of ['Maria', 'Planerin', 'Jugendamt', 'Frühjahr', 'Termin im März']) expect(copy!.text, foreign).not.toContain(foreign);
  });

  it('answers bad input with a German message per field, and stores nothing', async () => {
    const before = await storedRequests();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...valid(), message: '', name: '', email: '' }, 'message', /zu kurz/],
      [{ ...valid(), message: 'Hallo <script>alert(1)</script> wir möchten kommen' }, 'message', /ohne HTML/],
      [{ ...valid(), message: `Siehe ${Array.from({ length: 50 }, (_, index) => `https://spam.example/${index}`).join(' ')}` }, 'message', /höchstens 3 Links/],
      [{ ...valid(), message: 'Eine Nachricht mit \u0007 Steuerzeichen darin' }, 'message', /Steuerzeichen/],
      [{ ...valid(), message: 'x'.repeat(6_000) }, 'message', /zu lang/],
      [{ ...valid(), email: 'keine-adresse' }, 'email', /gültige E-Mail-Adresse/],
      [{ ...valid(), purpose: 'werbung' }, 'purpose', /Anliegen/],
      [{ ...valid(), website: 'https://spam.example' }, '', /website/],
      [{ ...valid(), name: 'Kunde,\r\n\r\nIhr Zugang wird gesperrt: https://evil.example/login' }, 'name', /einer Zeile/],
      [{ ...valid(), organisation: 'Jugendamt\nBcc: jemand@example.org' }, 'organisation', /einer Zeile/],
      [{ ...valid(), name: 'https://a.example https://b.example', organisation: 'https://c.example https://d.example' }, 'message', /höchstens 3 Links/],
    ];
    for (const [body, field, message] of cases) {
      const response = await send(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const fields = response.body.error.details.errors as { path: string[]; message: string }[];
      expect(
        fields.some((entry) => entry.path.join('.') === field && message.test(entry.message)) || message.test(response.body.error.message),
        JSON.stringify(fields),
      ).toBe(true);
    }
    for (const raw of ['{"caseStudy":', 'x'.repeat(1_100_000)]) {
      const response = await send(raw);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(await storedRequests()).toBe(before);
  });

  it('refuses an unknown case study (404) and one without a contact address (422)', async () => {
    expect((await send({ ...valid(), caseStudy: 'gibt-es-nicht' })).status).toBe(404);
    const withoutContact = await send({ ...valid(), caseStudy: documentIds.withoutContact });
    expect(withoutContact.status).toBe(422);
    expect(withoutContact.body.error.message).toContain('keine Kontaktadresse');
  });

  it('takes at most five requests an hour from one sender address', async () => {
    const from = (email: string) => ({ ...valid(), email });
    for (let request = 0; request < 5; request++) expect((await send(from('Viel.Schreiberin@example.org'))).status).toBe(202);
    const sixth = await send(from('viel.schreiberin@example.org'));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.message).toMatch(/in der letzten Stunde schon 5 Anfragen/);
    expect((await send(from('jemand.anderes@example.org'))).status).toBe(202);
  });

  it('takes requests from the site only, not from the public', async () => {
    expect((await send(valid(), null)).status).toBe(403);
  });

  it('removes the personal data of requests older than 90 days and keeps them as a count', async () => {
    const knex = cms.strapi.db.connection;
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    await knex(CONTACT_REQUEST_TABLE).insert([
      {
        case_study_document_id: documentIds.withContact,
        locale: 'de',
        purpose: 'frage',
        message: 'Alt',
        name: 'Alte Anfrage',
        email: 'alt@example.org',
        created_at: now - 91 * day,
      },
      {
        case_study_document_id: documentIds.withContact,
        locale: 'de',
        purpose: 'frage',
        message: 'Neu',
        name: 'Neue Anfrage',
        email: 'neu@example.org',
        created_at: now - 89 * day,
      },
    ]);
    expect(await anonymiseOldContactRequests(knex, now)).toBe(1);
    const rows = await knex(CONTACT_REQUEST_TABLE)
      .whereIn('message', ['Alt', 'Neu'])
      .orWhereNotNull('anonymised_at')
      .select('message', 'name', 'email', 'anonymised_at');
    expect(rows.find((row: { message: string | null }) => row.message === 'Neu')).toMatchObject({
      name: 'Neue Anfrage',
      email: 'neu@example.org',
      anonymised_at: null,
    });
    expect(rows.filter((row: { anonymised_at: unknown }) => row.anonymised_at !== null)).toEqual([
      expect.objectContaining({ message: null, name: null, email: null }),
    ]);
    expect(await anonymiseOldContactRequests(knex, now)).toBe(0);
  });

  it('counts requests per case study for the editors, without personal data', async () => {
    const knex = cms.strapi.db.connection;
    const rows = (await knex(CONTACT_REQUEST_TABLE).select('case_study_document_id', 'purpose', 'created_at')) as {
      case_study_document_id: string;
      purpose: string;
      created_at: number | string;
    }[];
    const now = Date.now();
    const since = now - 90 * 24 * 60 * 60 * 1000;
    const recent = rows.filter((row) => Number(row.created_at) >= since);
    const counts = await contactRequestCounts(cms.strapi, 90, 10, now);
    expect(counts.total).toBe(rows.length);
    expect(counts.recent).toBe(recent.length);
    expect(counts.byPurpose.hospitation).toBe(recent.filter((row) => row.purpose === 'hospitation').length);
    expect(counts.items).toEqual([
      {
        documentId: documentIds.withContact,
        locale: 'de',
        title: 'Lesepaten mit Kontakt',
        recent: recent.filter((row) => row.case_study_document_id === documentIds.withContact).length,
        total: rows.filter((row) => row.case_study_document_id === documentIds.withContact).length,
      },
    ]);
    expect(counts.total).toBeGreaterThan(5);
    expect(JSON.stringify(counts)).not.toMatch(/@|Maria|Planerin|besuchen/);
  });
});
