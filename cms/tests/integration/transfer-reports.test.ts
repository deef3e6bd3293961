// "Nachnutzung melden": POST /api/transfer-reports (the site's token only) stores a report with the
// reporter's consent and mails a confirmation link; only POST /api/transfer-reports/confirm with
// that link's token makes it a draft "Nachnutzung" "Zur Prüfung", which the dashboard lists and only
// the Chefredaktion publishes. Bad input (a missing field, an unknown Kommune or case study, a
// flood from one address) is a 4xx that stores nothing; rows go after the retention period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { deleteOldTransferReports, TRANSFER_REPORT_TABLE } from '../../src/requests/transfer-reports';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { OUTBOX_TABLE } from '../../src/sync/outbox-table';
import { adminCall, adminTokenFor } from '../helpers/admin-users.mts';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
const REPORT = 'api::transfer-report.transfer-report';
const CONSENT = 'Ich bin einverstanden, dass die Praxisdatenbank meine Angaben speichert, um meinen Bericht zu prüfen.';
const reportPath = (documentId = '') => `/content-manager/collection-types/${REPORT}${documentId ? `/${documentId}` : ''}`;
let cms: TestStrapi;
let sink: MailSink;
const dir = mkdtempSync(join(tmpdir(), 'praxis-transfer-test-'));
let caseStudy = '';
const tokens: Record<string, string> = {};

const report = (overrides: Record<string, unknown> = {}) => ({
  caseStudy,
  locale: 'de',
  // Bielefeld
  municipality: '05711000',
  since: 2024,
  adopted: 'Wir haben die Lesepatenschaften an zwei Grundschulen übernommen.',
  changed: 'Statt Ehrenamtlicher lesen bei uns Schülerinnen und Schüler der Oberstufe.',
  name: 'Pia Planerin',
  organisation: 'Stadt Bielefeld, Sozialplanung',
  email: 'pia.planerin@example.org',
  contactConsent: true,
  consent: true,
  consentText: CONSENT,
  ...overrides,
});

async function post(path: string, body: unknown, token: string | null = cms.siteToken) {
  const response = await fetch(`${cms.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
const stored = async () => Number((await cms.strapi.db.connection(TRANSFER_REPORT_TABLE).count({ n: '*' }))[0]!.n);
const tokenFromMail = (address: string) => {
  const mail = readMails(dir)
    .filter((entry) => entry.content.split(/\r?\n/).includes(`To: ${address}`))
    .at(-1);
  const text = mail?.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /nachnutzung\/bestaetigen\?token=([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
};

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({
    env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '200', SITE_URL: 'https://praxis.example.org' },
  });
  const importer = cms.strapi.service('api::case-study.importer') as unknown as { importContent(name: string, content: string): Promise<{ written: boolean }> };
  await importer.importContent('x.json', JSON.stringify([caseStudyRecord({ slug: 'lesepaten', title: 'Lesepaten im Quartier' })]));
  caseStudy = (await cms.strapi.db.query(CASE_STUDY).findOne({ where: { slug: 'lesepaten' }, select: ['documentId'] })).documentId;
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('transfer reports', () => {
  it('stores a report and mails a confirmation link in our own words; nothing reaches the editors before the confirmation', async () => {
    const { status, body } = await post('/transfer-reports', report());
    expect(status, JSON.stringify(body)).toBe(202);
    expect(JSON.stringify(body)).not.toMatch(/token|pia/i);
    expect(await stored()).toBe(1);
    await waitFor(async () => Boolean(tokenFromMail('pia.planerin@example.org')), 'the confirmation mail did not arrive');
    const mail = readMails(dir).find((entry) => entry.content.includes('To: pia.planerin@example.org'))!;
    expect(mail.text).toContain('„Lesepaten im Quartier“');
    for (const foreign of ['Pia', 'Oberstufe', 'Grundschulen']) expect(mail.content + mail.text, foreign).not.toContain(foreign);
    tokens.pia = tokenFromMail('pia.planerin@example.org')!;
    expect(await cms.strapi.db.query(REPORT).count({})).toBe(0);
    const row = await cms.strapi.db.connection(TRANSFER_REPORT_TABLE).first();
    expect(row).toMatchObject({ email: 'pia.planerin@example.org', consent_text: CONSENT, municipality_ags: '05711000', confirmed_at: null });
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bad reports with a 4xx and stores nothing', async () => {
    const before = await stored();
    const cases: [string, unknown, number, string?][] = [
      ['unknown Kommune', report({ municipality: '05999999', email: 'a@example.org' }), 400, 'municipality'],
      ['not an AGS', report({ municipality: 'Bielefeld', email: 'b@example.org' }), 400, 'municipality'],
      ['missing text', report({ adopted: undefined, email: 'c@example.org' }), 400, 'adopted'],
      ['year in the future', report({ since: new Date().getUTCFullYear() + 1, email: 'd@example.org' }), 400, 'since'],
      ['no consent', report({ consent: false, email: 'e@example.org' }), 400, 'consent'],
      ['markup', report({ adopted: 'Wir haben <script>alert(1)</script> übernommen, ganz.', email: 'f@example.org' }), 400, 'adopted'],
      ['unknown field', report({ admin: true, email: 'g@example.org' }), 400],
      ['oversized text', report({ hindered: 'x'.repeat(2_001), email: 'h@example.org' }), 400, 'hindered'],
      ['not JSON', '{"caseStudy":', 400],
      ['an array', [report()], 400],
      ['no consent text', report({ consentText: undefined, email: 'i@example.org' }), 400, 'consentText'],
      ['unknown case study', report({ caseStudy: 'gibt-es-nicht-1234567890', email: 'j@example.org' }), 404],
    ];
    for (const [name, body, status, field] of cases) {
      const answer = await post('/transfer-reports', body);
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(status);
      if (field)
        expect(
          answer.body.error.details.errors.map((error: { path: string[] }) => error.path[0]),
          name,
        ).toContain(field);
    }
    // Only the site's token may send.
    expect((await post('/transfer-reports', report({ email: 'k@example.org' }), null)).status).toBe(403);
    expect(await stored()).toBe(before);
  });

  it('limits reports per address and hour', async () => {
    for (let index = 0; index < 2; index++) expect((await post('/transfer-reports', report({ since: 2020 + index }))).status).toBe(202);
    const refused = await post('/transfer-reports', report({ since: 2023 }));
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('in der letzten Stunde schon 3 Berichte');
  });

  it('makes a confirmed report a draft "Zur Prüfung" with the Kommune, once however often the link is used; the contact only with consent', async () => {
    const first = await post('/transfer-reports/confirm', { token: tokens.pia });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data).toEqual({ town: 'Bielefeld', title: 'Lesepaten im Quartier', alreadyConfirmed: false });
    expect((await post('/transfer-reports/confirm', { token: tokens.pia })).body.data.alreadyConfirmed).toBe(true);
    const entries = await cms.strapi.db.query(REPORT).findMany({ populate: { municipality: true } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      title: 'Bielefeld: Lesepaten im Quartier',
      caseStudyDocumentId: caseStudy,
      since: 2024,
      reportLocale: 'de',
      editorialState: 'zur-pruefung',
      publishedAt: null,
      contactName: 'Pia Planerin',
      contactEmail: 'pia.planerin@example.org',
      municipality: expect.objectContaining({ ags: '05711000' }),
    });
    // Without the consent to be contacted, the draft carries no contact.
    await post('/transfer-reports', report({ email: 'ohne.kontakt@example.org', contactConsent: false, municipality: '05913000' }));
    await waitFor(async () => Boolean(tokenFromMail('ohne.kontakt@example.org')), 'the second confirmation mail did not arrive');
    expect((await post('/transfer-reports/confirm', { token: tokenFromMail('ohne.kontakt@example.org') })).status).toBe(200);
    const second = await cms.strapi.db.query(REPORT).findOne({ where: { title: 'Dortmund: Lesepaten im Quartier' } });
    expect(second).toMatchObject({ contactName: null, contactEmail: null, contactOrganisation: null });
    // A forged or unknown token.
    expect((await post('/transfer-reports/confirm', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await post('/transfer-reports/confirm', { token: '../etc' })).status).toBe(400);
  });

  it('shows waiting reports on the dashboard; Redaktion cannot publish them, the Chefredaktion can, which releases them', async () => {
    const redaktion = await adminTokenFor(cms, 'redakteur.nachnutzung@example.org', REDAKTION.code);
    const chef = await adminTokenFor(cms, 'chefin.nachnutzung@example.org', CHEFREDAKTION.code);
    const queue = await adminCall(cms, redaktion, 'GET', '/redaktion/transfer-reports');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(2);
    expect(queue.body.items.map((item: { title: string }) => item.title)).toEqual(['Bielefeld: Lesepaten im Quartier', 'Dortmund: Lesepaten im Quartier']);
    const documentId = queue.body.items[0].documentId;
    // The contact stays out of the public API.
    expect((await adminCall(cms, redaktion, 'GET', reportPath(documentId))).status).toBe(200);
    const release = await adminCall(cms, redaktion, 'PUT', reportPath(documentId), { editorialState: 'freigegeben' });
    expect(release.status).toBe(400);
    expect((await adminCall(cms, redaktion, 'POST', `${reportPath(documentId)}/actions/publish`, {})).status).toBe(403);
    expect((await adminCall(cms, chef, 'POST', `${reportPath(documentId)}/actions/publish`, {})).status).toBe(200);
    const rows = await cms.strapi.db.query(REPORT).findMany({ where: { documentId } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.editorialState).toBe('freigegeben');
    const after = await adminCall(cms, redaktion, 'GET', '/redaktion/transfer-reports');
    expect(after.body.total).toBe(1);
  });

  it('re-indexes its case study through the outbox when published or unpublished, and the site reads it without the contact', async () => {
    const outboxRows = async () =>
      (await cms.strapi.db.connection(OUTBOX_TABLE).where({ document_id: caseStudy }).select('reason', 'locale')) as {
        reason: string;
        locale: string | null;
      }[];
    const get = async (query: string, token: string | null = cms.siteToken) => {
      const response = await fetch(`${cms.url}/api/transfer-reports/published${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: response.status, body: (await response.json().catch(() => null)) as any };
    };
    expect((await outboxRows()).map((row) => row.reason)).toContain(`publish ${REPORT}`);
    const published = await get(`?caseStudy=${caseStudy}`);
    expect(published.status).toBe(200);
    expect(published.body.data).toEqual([
      { town: 'Bielefeld', ags: '05711000', since: 2024, text: 'Wir haben die Lesepatenschaften an zwei Grundschulen übernommen.', locale: 'de' },
    ]);
    expect(JSON.stringify(published.body)).not.toMatch(/pia|Planerin/i);
    expect((await get('?caseStudy=../../etc')).status).toBe(400);
    expect((await get(`?caseStudy=${caseStudy}`, null)).status).toBe(403);
    // Unpublishing takes it off the page and queues the case study again.
    const chef = await adminTokenFor(cms, 'chef2.nachnutzung@example.org', CHEFREDAKTION.code);
    const report = await cms.strapi.db.query(REPORT).findOne({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] });
    const before = (await outboxRows()).length;
    expect((await adminCall(cms, chef, 'POST', `${reportPath(report.documentId)}/actions/unpublish`, {})).status).toBe(200);
    expect((await outboxRows()).length).toBeGreaterThan(before);
    expect((await get(`?caseStudy=${caseStudy}`)).body.data).toEqual([]);
  });

  it('deletes rows after the retention period, confirmed or not', async () => {
    const rows = await stored();
    expect(rows).toBeGreaterThan(0);
    expect(await deleteOldTransferReports(cms.strapi.db.connection, Date.now())).toBe(0);
    expect(await deleteOldTransferReports(cms.strapi.db.connection, Date.now() + 91 * 24 * 60 * 60 * 1000)).toBe(rows);
    expect(await stored()).toBe(0);
    // The confirmed reports live on as the editors' entries (drafts: one never published, one unpublished).
    expect(await cms.strapi.db.query(REPORT).count({ where: { publishedAt: null } })).toBe(2);
  });
});
