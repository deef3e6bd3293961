// The editors' signals (issue 34) through a real mail server (the sink): the author hears of a
// return (with the comment) and of the publication; the Chefredaktion of entries sent to review
// and of confirmed submissions, at once or in a daily digest; an invited user gets the link.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { CHEFREDAKTION, REDAKTION, SUPER_ADMIN_CODE } from '../../src/editorial/roles';
import { lastDigestTime, sendDigests } from '../../src/notifications/digest';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { adminTokenFor, adminCall, caseStudyPath } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
let sink: MailSink;
const dir = mkdtempSync(join(tmpdir(), 'praxis-notification-test-'));
const tokens: Record<string, string> = {};
let buildingBlock: string;

const as = (who: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[who], method, path, body);
const mailsTo = (address: string) => readMails(dir).filter((mail) => mail.content.split(/\r?\n/).includes(`To: ${address}`));
/** The Subject header, unfolded and its RFC 2047 encoded words decoded. */
function subjectOf(mail: { content: string }): string {
  const header = /^Subject: (.*)$/m.exec(mail.content.replace(/\r?\n[ \t]+/g, ' '))?.[1] ?? '';
  return header.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([QB])\?(.*?)\?=/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
/** Waits until `address` got `count` mails in all, and returns them. */
async function received(address: string, count: number) {
  await waitFor(async () => mailsTo(address).length >= count, `${address} did not get ${count} mail(s)`);
  return mailsTo(address);
}

beforeAll(async () => {
  sink = await startMailSink({ dir });
  cms = await startTestStrapi({ env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), MAIL_POLL_INTERVAL_MS: '100', DIGEST_HOUR: '7' } });
  buildingBlock = (await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } })).documentId;
  tokens.autorin = await adminTokenFor(cms, 'rita.mails@example.org', REDAKTION.code, 'Rita');
  tokens.chefin = await adminTokenFor(cms, 'ayse.mails@example.org', CHEFREDAKTION.code, 'Ayşe');
  tokens.chef = await adminTokenFor(cms, 'ben.mails@example.org', CHEFREDAKTION.code, 'Ben');
  tokens.admin = await adminTokenFor(cms, 'vera.mails@example.org', SUPER_ADMIN_CODE, 'Vera');
  // Rita reads the admin in English.
  await cms.strapi.db.query('admin::user').update({ where: { email: 'rita.mails@example.org' }, data: { preferedLanguage: 'en' } });
}, 120_000);
afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the editors’ mails', () => {
  it('lets each reviewer choose at once or a daily digest, and refuses anything else', async () => {
    expect((await as('chef', 'GET', '/redaktion/notification-settings')).body.data).toEqual({ delivery: 'sofort' });
    expect((await as('chef', 'PUT', '/redaktion/notification-settings', { delivery: 'woechentlich' })).status).toBe(400);
    expect((await as('chef', 'PUT', '/redaktion/notification-settings', { delivery: 'taeglich' })).body.data).toEqual({ delivery: 'taeglich' });
    expect((await as('chefin', 'GET', '/redaktion/notification-settings')).body.data).toEqual({ delivery: 'sofort' });
  });

  it('tells the Chefredaktion of an entry sent to review, the author of its return with the comment and of its publication', async () => {
    const created = await as('autorin', 'POST', `${caseStudyPath()}?locale=de`, {
      title: 'Leseclub Marxloh',
      slug: 'case-study',
      teaser: 'Ein Teaser.',
      description: 'Text',
      projectStatus: 'laufend',
      fundingStart: 2025,
      buildingBlock: { connect: [{ documentId: buildingBlock }] },
    });
    const { documentId } = created.body.data;
    expect((await as('autorin', 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'zur-pruefung' })).status).toBe(200);
    const [news] = await received('ayse.mails@example.org', 1);
    expect(subjectOf(news!)).toBe('Zur Prüfung: „Leseclub Marxloh“');
    expect(news!.text).toContain('Guten Tag Ayşe Test,');
    expect(news!.text).toContain('Rita Test hat ein Praxisbeispiel zur Prüfung gegeben:');
    expect(news!.text).toContain(`/admin/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=de`);
    // Ben chose the digest: nothing at once.
    expect(mailsTo('ben.mails@example.org')).toEqual([]);

    const back = await as('chefin', 'POST', `/redaktion/case-studies/${documentId}/review/return?locale=de`, { comment: 'Bitte die Zahlen ergänzen.' });
    expect(back.status).toBe(200);
    const [returned] = await received('rita.mails@example.org', 1);
    // In the author's admin language.
    expect(subjectOf(returned!)).toBe('Returned: “Leseclub Marxloh”');
    expect(returned!.text).toContain('Hello Rita Test,');
    expect(returned!.text).toContain('Ayşe Test returned your case study “Leseclub Marxloh” (German) to you:');
    expect(returned!.text).toContain('  Bitte die Zahlen ergänzen.');

    expect((await as('autorin', 'PUT', `${caseStudyPath(documentId)}?locale=de`, { editorialState: 'zur-pruefung' })).status).toBe(200);
    await received('ayse.mails@example.org', 2);
    expect((await as('chefin', 'POST', `${caseStudyPath(documentId)}/actions/publish?locale=de`, {})).status).toBe(200);
    const published = (await received('rita.mails@example.org', 2)).at(-1)!;
    expect(published.text).toContain('Ayşe Test published your case study “Leseclub Marxloh” (German). It is on the site now.');
    // Each mail once: no reviewer hears of their own step, nobody twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo('rita.mails@example.org')).toHaveLength(2);
    expect(mailsTo('ayse.mails@example.org')).toHaveLength(2);
  });

  it('sends one mail for an import of several entries for review, not one per entry', async () => {
    const before = mailsTo('ayse.mails@example.org').length;
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        JSON.stringify([caseStudyRecord({ slug: 'sammel-eins', title: 'Sammel eins' }), caseStudyRecord({ slug: 'sammel-zwei', title: 'Sammel zwei' })]),
      ]),
      'sammel.json',
    );
    form.append('mode', 'import');
    expect((await fetch(`${cms.url}/redaktion/import`, { method: 'POST', headers: { authorization: `Bearer ${tokens.autorin}` }, body: form })).status).toBe(
      202,
    );
    const mail = (await received('ayse.mails@example.org', before + 1)).at(-1)!;
    expect(mail.text).toContain('Rita Test hat 2 Praxisbeispiele zur Prüfung gegeben:');
    expect(mail.text).toContain('„Sammel eins“ (Deutsch)');
    expect(mail.text).toContain('„Sammel zwei“ (Deutsch)');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo('ayse.mails@example.org')).toHaveLength(before + 1);
  });

  it('gathers the digest reader’s notices into one mail a day, sent once however often the job runs', async () => {
    const now = Date.now();
    expect(await sendDigests(cms.strapi, now)).toBe(1);
    // A second run (or a second CMS instance) the same day sends nothing.
    expect(await sendDigests(cms.strapi, now + 60_000)).toBe(0);
    const [digest] = await received('ben.mails@example.org', 1);
    expect(digest!.text).toContain('Guten Tag Ben Test,');
    expect(digest!.text).toContain('Rita Test hat ein Praxisbeispiel zur Prüfung gegeben:');
    expect(digest!.text).toContain('Rita Test hat 2 Praxisbeispiele zur Prüfung gegeben:');
    // Nothing waiting: no empty digest the next day.
    expect(await sendDigests(cms.strapi, now + 25 * 3_600_000)).toBe(0);
  });

  it('knows the digest hour in Berlin, summer and winter', () => {
    expect(new Date(lastDigestTime(Date.parse('2026-07-01T10:00:00Z'), 7)).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(new Date(lastDigestTime(Date.parse('2026-12-07T05:30:00Z'), 7)).toISOString()).toBe('2026-12-06T06:00:00.000Z');
    expect(new Date(lastDigestTime(Date.parse('2026-12-07T06:30:00Z'), 7)).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  });

  it('mails an invited user the link to set a password', async () => {
    const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: REDAKTION.code } });
    const invited = await as('admin', 'POST', '/admin/users', { firstname: 'Nora', lastname: 'Neu', email: 'nora@example.org', roles: [role.id] });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const [mail] = await received('nora@example.org', 1);
    expect(mail!.text).toContain('Vera Test hat Sie in die Redaktion der Praxisdatenbank „Zusammen im Quartier“ eingeladen.');
    const link = /(http\S+\/admin\/auth\/register\?registrationToken=\S+)/.exec(mail!.content.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1];
    expect(link).toContain(invited.body.data.registrationToken);
  });

  it('lists the invitations not taken up and sends one again with the same link, for Administration only', async () => {
    const open = await as('admin', 'GET', '/redaktion/invitations');
    expect(open.status).toBe(200);
    const nora = open.body.items.find((item: { email: string }) => item.email === 'nora@example.org');
    expect(nora).toMatchObject({ name: 'Nora Neu', email: 'nora@example.org' });
    expect(open.body.items.map((item: { email: string }) => item.email)).not.toContain('vera.mails@example.org');
    expect((await as('autorin', 'POST', `/redaktion/invitations/${nora.id}/resend`)).status).toBe(403);
    expect((await as('autorin', 'GET', '/redaktion/invitations')).status).toBe(403);

    const resent = await as('admin', 'POST', `/redaktion/invitations/${nora.id}/resend`);
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    const [first, again] = await received('nora@example.org', 2);
    const link = (mail: typeof first) => /registrationToken=\S+/.exec(mail!.content.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[0];
    expect(link(again)).toBe(link(first));

    const vera = await cms.strapi.db.query('admin::user').findOne({ where: { email: 'vera.mails@example.org' } });
    const registered = await as('admin', 'POST', `/redaktion/invitations/${vera.id}/resend`);
    expect(registered.status).toBe(409);
    expect(registered.body.error.message).toContain('hat sich schon registriert');
    expect((await as('admin', 'POST', '/redaktion/invitations/999999/resend')).status).toBe(404);
    expect((await as('admin', 'POST', '/redaktion/invitations/abc/resend')).status).toBe(404);
  });
});
