// The follow-up of "Kontakt aufnehmen", on a fake clock: FOLLOW_UP_MONTHS after a Hospitation or
// Austausch request the requester gets one mail asking whether the idea was taken over, with the
// link to "Nachnutzung melden" for that case study — only with the consent from the request,
// never after unsubscribing, once even when two runs (two CMS instances) go side by side; the
// address outlives the retention period only while the follow-up is pending.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { runScheduled } from '../../src/database/scheduled-job';
import { anonymiseOldContactRequests, CONTACT_REQUEST_TABLE } from '../../src/requests/contact-requests';
import { sendFollowUps } from '../../src/requests/follow-up';
import { MAIL_TABLE } from '../../src/mail/mail-queue';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
const DAY = 24 * 60 * 60 * 1000;
let cms: TestStrapi;
let sink: MailSink;
const dir = mkdtempSync(join(tmpdir(), 'praxis-follow-up-test-'));
let caseStudy = '';

async function post(path: string, body: unknown) {
  const response = await fetch(`${cms.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.siteToken}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}
const request = (email: string, purpose: string, followUp?: boolean) =>
  post('/contact-requests', {
    caseStudy,
    locale: 'de',
    purpose,
    message: 'Wir möchten Ihr Projekt kennenlernen und überlegen, es zu übernehmen.',
    name: 'Frieda Folge',
    email,
    ...(followUp === undefined ? {} : { followUp }),
  });
const mailsTo = (address: string) =>
  readMails(dir)
    .filter((mail) => mail.content.split(/\r?\n/).includes(`To: ${address}`))
    .map((mail) => ({ ...mail, text: mail.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=') + mail.text }));
const queuedTo = async (address: string) => Number((await cms.strapi.db.connection(MAIL_TABLE).where({ to_address: address }).count({ n: '*' }))[0]!.n);
const unsubscribeToken = (text: string) => /nachfrage\/abbestellen\?token=([0-9]+\.[A-Za-z0-9_-]+)/.exec(text)?.[1];

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({
    env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '200', SITE_URL: 'https://praxis.example.org', FOLLOW_UP_MONTHS: '6' },
  });
  const importer = cms.strapi.service('api::case-study.importer') as unknown as { importContent(name: string, content: string): Promise<{ written: boolean }> };
  await importer.importContent(
    'x.json',
    JSON.stringify([caseStudyRecord({ slug: 'stadtteilmuetter', title: 'Stadtteilmütter im Quartier', contact: { email: 'projekt.folge@example.org' } })]),
  );
  caseStudy = (await cms.strapi.db.query(CASE_STUDY).findOne({ where: { slug: 'stadtteilmuetter' }, select: ['documentId'] })).documentId;
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the follow-up of a contact request', () => {
  const start = Date.now();
  const due = start + 6 * 31 * DAY;

  it('names the follow-up and its unsubscribe link in the receipt only with the consent to it, after a Hospitation or Austausch', async () => {
    for (const [email, purpose, followUp] of [
      ['mit.einwilligung@example.org', 'hospitation', true],
      ['ohne.einwilligung@example.org', 'austausch', undefined],
      ['nur.frage@example.org', 'frage', true],
      ['abbesteller@example.org', 'austausch', true],
    ] as const) {
      const answer = await request(email, purpose, followUp);
      expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    }
    // Anything but true or nothing is a bad request.
    expect((await request('x@example.org', 'austausch', 'ja' as never)).status).toBe(400);
    await waitFor(async () => mailsTo('abbesteller@example.org').length === 1, 'the receipts did not arrive');
    expect(mailsTo('mit.einwilligung@example.org')[0]!.text).toContain('in 6 Monaten einmal nachfragen');
    expect(unsubscribeToken(mailsTo('mit.einwilligung@example.org')[0]!.text)).toBeDefined();
    for (const address of ['ohne.einwilligung@example.org', 'nur.frage@example.org']) {
      expect(mailsTo(address)[0]!.text, address).not.toMatch(/nachfragen|abbestellen/);
    }
    const rows = await cms.strapi.db.connection(CONTACT_REQUEST_TABLE).select('email', 'follow_up_consent').orderBy('id');
    expect(rows.map((row) => Boolean(row.follow_up_consent))).toEqual([true, false, false, true]);
  });

  it('unsubscribes with the link from the receipt, and refuses a forged link', async () => {
    const token = unsubscribeToken(mailsTo('abbesteller@example.org')[0]!.text)!;
    expect((await post('/contact-requests/unsubscribe', { token: `${token.slice(0, -2)}xx` })).status).toBe(404);
    expect((await post('/contact-requests/unsubscribe', { token: '1.abc' })).status).toBe(404);
    expect((await post('/contact-requests/unsubscribe', {})).status).toBe(400);
    expect((await post('/contact-requests/unsubscribe', { token })).status).toBe(200);
    // Twice is fine.
    expect((await post('/contact-requests/unsubscribe', { token })).status).toBe(200);
  });

  it('sends nothing before the months are over; the retention empties everything but a pending follow-up’s address', async () => {
    expect(await sendFollowUps(cms.strapi, start + 5 * 30 * DAY)).toBe(0);
    await anonymiseOldContactRequests(cms.strapi.db.connection, start + 91 * DAY);
    const rows = await cms.strapi.db.connection(CONTACT_REQUEST_TABLE).select('email', 'name', 'message').orderBy('id');
    expect(rows).toEqual([
      { email: 'mit.einwilligung@example.org', name: null, message: null },
      { email: null, name: null, message: null },
      { email: null, name: null, message: null },
      { email: null, name: null, message: null },
    ]);
  });

  it('sends one follow-up when due, once even from two instances at the same time, with the link to the report form', async () => {
    // Two CMS instances' timers at the same moment: the scheduled job runs once…
    const runs = await Promise.all(
      [1, 2].map(() => runScheduled(cms.strapi.db.connection, 'contact-follow-up-test', 60 * 60 * 1000, () => sendFollowUps(cms.strapi, due), due)),
    );
    expect(runs.filter((run) => run.ran)).toHaveLength(1);
    // …and even two runs of the job itself side by side claim each request once.
    const [first, second] = await Promise.all([sendFollowUps(cms.strapi, due), sendFollowUps(cms.strapi, due)]);
    expect(first + second).toBe(0);
    expect(await queuedTo('mit.einwilligung@example.org')).toBe(2);
    for (const address of ['ohne.einwilligung@example.org', 'nur.frage@example.org', 'abbesteller@example.org'])
      expect(await queuedTo(address), address).toBe(1);
    await waitFor(async () => mailsTo('mit.einwilligung@example.org').length === 2, 'the follow-up did not arrive');
    const followUp = mailsTo('mit.einwilligung@example.org').find((mail) => mail.text.includes('Hat Ihre Kommune die Idee'))!;
    expect(followUp.text).toContain('https://praxis.example.org/praxisbeispiele/stadtteilmuetter/nachnutzung');
    expect(followUp.text).toContain('„Stadtteilmütter im Quartier“');
    expect(unsubscribeToken(followUp.text)).toBeDefined();
    // Months later: still once.
    expect(await sendFollowUps(cms.strapi, due + 60 * DAY)).toBe(0);
    // Sent, the address goes with the next retention run.
    await anonymiseOldContactRequests(cms.strapi.db.connection, due + DAY);
    expect(Number((await cms.strapi.db.connection(CONTACT_REQUEST_TABLE).whereNotNull('email').count({ n: '*' }))[0]!.n)).toBe(0);
  });
});
