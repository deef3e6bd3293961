// "Nachnutzung melden" as practitioners use it (with and without JavaScript, German and English,
// 320 px) and as an attacker tries it (bad bodies, missing fields, an unknown Kommune, oversized
// texts and bodies, the honeypot, a reused proof of work), against the running stack: the site,
// the CMS storing the report and mailing the confirmation link, the confirmation page turning it
// into a draft "Nachnutzung" for the editors.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, inject, it } from 'vitest';
import { readMails } from '@praxis/tooling/mail-sink';
import { axeViolations } from './support/axe.ts';
import { createEditor, logIn, adminNavigate } from './support/admin-users.ts';
import { openPage } from './support/browser.ts';
import { admin, published } from './support/cms.ts';
import { FORM_MIN_MS, postJson, solvedProof } from './support/forms.ts';

interface TransferAnswer {
  status?: number;
  message?: string;
  fields?: Record<string, string>;
}
const post = (body: unknown, localAddress: string) => postJson<TransferAnswer>('/api/transfer-reports', body, localAddress);
const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });

function queryCms<T>(sql: string, ...parameters: string[]): T[] {
  const database = new DatabaseSync(inject('cmsDatabase'), { readOnly: true, timeout: 10_000 });
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}
const storedReports = () => Number(queryCms<{ n: number }>('select count(*) as n from praxis_transfer_reports')[0]!.n);
const mailTo = (address: string) => readMails(inject('mailDir')).find((mail) => mail.content.split(/\r?\n/).includes(`To: ${address}`));
/** The confirmation link in the mail to `address` (quoted-printable may wrap it). */
const confirmationLink = (address: string) => {
  const text = mailTo(address)
    ?.content.replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  return /https?:\/\/\S+\/(?:nachnutzung\/bestaetigen|transfer\/confirm)\?token=[A-Za-z0-9_-]+/.exec(text ?? '')?.[0];
};

async function waitFor(check: () => boolean | Promise<boolean>, message: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const report = (caseStudy: string, overrides: Record<string, string> = {}) => ({
  caseStudy,
  locale: 'de',
  municipality: 'Bielefeld',
  since: '2024',
  adopted: 'Wir haben die Idee an zwei Grundschulen übernommen.',
  name: 'Petra Planerin',
  email: `petra.${randomBytes(4).toString('hex')}@example.org`,
  consent: 'ja',
  website: '',
  ...overrides,
});

/** The text of the report the browser test sends, confirms and (later) the Chefredaktion publishes. */
let browserReport = '';

describe('Nachnutzung melden in the browser', () => {
  it('reports a transfer from the detail page with JavaScript: a message next to an unknown Kommune first, then the mail, the confirmation and the draft', async () => {
    const [target] = await published('de');
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${target!.slug}`);
    await page.getByRole('link', { name: 'Nachnutzung melden' }).click();
    await page.waitForURL(`**/praxisbeispiele/${target!.slug}/nachnutzung`);
    await page.locator('form#transfer-form[data-enhanced]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'transfer-form-desktop.png'), fullPage: true });

    const token = randomBytes(4).toString('hex');
    browserReport = token;
    const email = `browser.${token}@example.org`;
    await page.getByLabel('Kommune', { exact: true }).fill('Atlantis');
    await page.getByLabel('Seit (Jahr)').fill('2024');
    await page.getByLabel('Was haben Sie übernommen?').fill(`Die Lesepatenschaften an zwei Grundschulen (${token}).`);
    await page.getByLabel('Was haben Sie verändert? (freiwillig)').fill('Bei uns lesen Schülerinnen und Schüler der Oberstufe vor.');
    await page.getByLabel('Ihr Name').fill('Jonas Jugendhilfe');
    await page.getByLabel('Ihre E-Mail-Adresse').fill(email);
    await page.getByLabel(/Ich bin einverstanden/).check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bericht senden' }).click()]);
    expect(await page.locator('.form-summary').innerText()).toMatch(/Bitte prüfen Sie die markierten Felder/);
    expect(await page.locator('#municipality-error').innerText()).toMatch(/„Atlantis“ ist keine Kommune in Nordrhein-Westfalen/);
    expect(await page.getByLabel('Kommune', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ihr Name').inputValue()).toBe('Jonas Jugendhilfe');
    await page.locator('form#transfer-form[data-enhanced]').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const before = storedReports();
    await page.getByLabel('Kommune', { exact: true }).fill('Bielefeld');
    await page.getByRole('button', { name: 'Bericht senden' }).click();
    await page.waitForURL(/\/nachnutzung\?gesendet/);
    expect(await page.locator('.delivered').innerText()).toMatch(/Bitte bestätigen Sie noch Ihre E-Mail-Adresse/);
    expect(storedReports()).toBe(before + 1);

    await waitFor(() => Boolean(confirmationLink(email)), 'the confirmation mail did not arrive');
    // The address is not verified yet: the mail carries none of the reporter's words.
    expect(mailTo(email)!.text).not.toMatch(/Jonas|Grundschulen|Oberstufe/);
    const link = new URL(confirmationLink(email)!);
    await page.goto(`${link.pathname}${link.search}`);
    // Opening the link confirms nothing (mail programs open links); the button does.
    expect(queryCms('select id from transfer_reports where adopted like ?', `%${token}%`)).toEqual([]);
    await page.getByRole('button', { name: 'Bericht bestätigen' }).click();
    await page.locator('.message').waitFor();
    expect(await page.locator('.message').innerText()).toMatch(/Ihr Bericht über Bielefeld und „.+“ liegt jetzt der Redaktion zur Prüfung vor/);
    const drafts = queryCms<{ editorial_state: string; published_at: string | null; since: number }>(
      'select editorial_state, published_at, since from transfer_reports where adopted like ?',
      `%${token}%`,
    );
    expect(drafts).toEqual([{ editorial_state: 'zur-pruefung', published_at: null, since: 2024 }]);
    await page.context().close();
  });

  it('works without JavaScript: the server renders the messages and keeps what was typed, then redirects', async () => {
    const [target] = await published('de');
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele/${target!.slug}/nachnutzung`);
    await page.getByLabel('Kommune', { exact: true }).fill('Bielefeld');
    await page.getByLabel('Seit (Jahr)').fill('2023');
    await page.getByLabel('Was haben Sie übernommen?').fill('Wir haben <b>alles</b> übernommen, ganz genau so.');
    await page.getByLabel('Ihr Name').fill('Nora Ohne-Skript');
    await page.getByLabel('Ihre E-Mail-Adresse').fill('nora@example.org');
    await page.getByLabel(/Ich bin einverstanden/).check();
    await page.waitForTimeout(FORM_MIN_MS);
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Bericht senden' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    expect(await page.locator('#adopted-error').innerText()).toMatch(/Bitte ohne HTML/);
    expect(await page.getByLabel('Ihr Name').inputValue()).toBe('Nora Ohne-Skript');
    expect(await page.getByLabel('Kommune', { exact: true }).inputValue()).toBe('Bielefeld');
    expect(await page.getByLabel(/Ich bin einverstanden/).isChecked()).toBe(true);
    // axe needs JavaScript: it checks the refused form's HTML, scripts taken out, in a second page.
    const checker = await openPage();
    await checker.setContent((await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, ''));
    expect(await axeViolations(checker)).toEqual([]);
    await checker.context().close();

    const token = randomBytes(4).toString('hex');
    await page.getByLabel('Was haben Sie übernommen?').fill(`Das Elterncafé in unserer Familienzentrum-Kita (${token}).`);
    await page.getByLabel('Ihre E-Mail-Adresse').fill(`nora.${token}@example.org`);
    await page.waitForTimeout(FORM_MIN_MS);
    await page.getByRole('button', { name: 'Bericht senden' }).click();
    await page.waitForURL(/\/nachnutzung\?gesendet/);
    await waitFor(() => Boolean(confirmationLink(`nora.${token}@example.org`)), 'the confirmation mail of the report sent without JavaScript did not arrive');
    // The confirmation page works without JavaScript too.
    const link = new URL(confirmationLink(`nora.${token}@example.org`)!);
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Bericht bestätigen' }).click();
    expect(await page.locator('.message').innerText()).toMatch(/liegt jetzt der Redaktion zur Prüfung vor/);
    await page.context().close();
  });

  it('speaks English on the English page and fits 320 px, with no axe violations', async () => {
    const [target] = await published('en');
    const page = await openPage({ viewport: { width: 320, height: 640 }, locale: 'en-GB' });
    await page.goto(`/en/case-studies/${target!.slug}/transfer`);
    await page.locator('form#transfer-form[data-enhanced]').waitFor();
    expect(await page.locator('h1').innerText()).toMatch(/Report a transfer/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'transfer-form-en-320.png'), fullPage: true });
    await page.getByLabel('Municipality', { exact: true }).fill('Bielefeld');
    await page.getByLabel('Since (year)').fill('1999');
    await page.getByLabel('What did you adopt?').fill('The reading mentors at two primary schools.');
    await page.getByLabel('Your name').fill('Sam Planner');
    await page.getByLabel('Your e-mail address').fill('sam@example.org');
    await page.getByLabel(/I agree/).check();
    // The browser stops a year below the field's minimum; the server's message is what counts here.
    await page.locator('#field-since').evaluate((field) => field.removeAttribute('min'));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send report' }).click()]);
    expect(await page.locator('.form-summary').innerText()).toMatch(/Please check the marked fields/);
    expect(await page.locator('#since-error').innerText()).toMatch(/Please give a year between 2000 and/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'transfer-form-en-320-refused.png'), fullPage: true });
    await page.context().close();
  });
});

describe('Nachnutzung melden against abuse', () => {
  it('refuses bad bodies, missing or oversized fields, an unknown Kommune, the honeypot and a reused proof of work with a 4xx, and stores nothing', async () => {
    const [target] = await published('de');
    const from = '127.0.0.3';
    const before = storedReports();
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['missing fields', { municipality: '', since: '', adopted: '', name: '', email: '', consent: '' }, 'adopted', /zu kurz/],
      ['missing Kommune', { municipality: '' }, 'municipality', /Pflichtfeld/],
      ['unknown Kommune', { municipality: 'Gotham City' }, 'municipality', /keine Kommune in Nordrhein-Westfalen/],
      ['ambiguous Kommune', { municipality: 'Bergheim (Atlantis)' }, 'municipality', /keine Kommune/],
      ['year', { since: 'letztes Jahr' }, 'since', /Jahr zwischen 2000/],
      ['oversized text', { hindered: 'x'.repeat(20_000) }, 'hindered', /zu lang/],
      ['markup', { adopted: 'Hallo <script>alert(1)</script> wir haben es übernommen' }, 'adopted', /ohne HTML/],
      ['no consent', { consent: '' }, 'consent', /stimmen Sie/],
      ['bad address', { email: 'petra(at)example.org' }, 'email', /gültige E-Mail-Adresse/],
      ['honeypot', { website: 'https://spam.example' }, 'website', /leer lassen/],
    ];
    for (const [name, overrides, field, message] of cases) {
      const answer = await post({ ...report(target!.documentId, overrides), altcha: await solvedProof() }, from);
      expect(answer.status, `${name}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(400);
      expect(answer.body.fields?.[field], name).toMatch(message);
    }
    // Not a JSON object at all.
    for (const body of ['[1,2]', '"text"', '{"caseStudy":']) expect((await post(body, from)).status, body).toBe(400);
    // A body over the site's limit is not even read.
    expect((await post({ ...report(target!.documentId), adopted: 'x'.repeat(3_000_000) }, from)).status).toBe(413);
    // An unknown case study: the CMS's 404.
    expect((await post({ ...report('gibt-es-nicht-123456'), altcha: await solvedProof() }, from)).status).toBe(404);

    // A proof of work is good once.
    const proof = await solvedProof();
    const first = await post({ ...report(target!.documentId), altcha: proof }, from);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const again = await post({ ...report(target!.documentId), altcha: proof }, from);
    expect(again.status).toBe(400);
    expect(again.body.fields?.altcha).toMatch(/schon gesendet/);
    expect(storedReports()).toBe(before + 1);
  });
});

describe('Übertragen nach', () => {
  it('shows the demo reports on the case study page, in German and English, at 320 px too', async () => {
    for (const [path, heading, since] of [
      ['/praxisbeispiele/familienlotsinnen-geburtsklinik-essen', 'Übertragen nach', 'seit 2024'],
      ['/en/case-studies/family-guides-maternity-clinic-essen', 'Transferred to', 'since 2024'],
    ]) {
      for (const width of [320, 1280]) {
        const page = await openPage({ viewport: { width, height: 900 } });
        await page.goto(path!);
        const section = page.locator('section.transfers');
        expect(await section.getByRole('heading', { level: 2 }).innerText()).toBe(heading);
        const items = await section.locator('li').allInnerTexts();
        expect(items.map((item) => item.split('\n')[0])).toEqual([`Dortmund, ${since!.replace('2024', '2025')}`, `Bielefeld, ${since}`]);
        // A German report on the English page says it is German.
        if (path!.startsWith('/en')) expect(await section.locator('li p[lang^="de"]').count()).toBe(2);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await axeViolations(page)).toEqual([]);
        if (SCREENSHOTS) {
          await section.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(SCREENSHOTS, `transfers-${path!.startsWith('/en') ? 'en' : 'de'}-${width}.png`) });
        }
        await page.context().close();
      }
    }
  });

  it('lists the confirmed report for the Chefredaktion in German; once published it shows on the case study page', async () => {
    expect(browserReport, 'the browser test sent no report').not.toBe('');
    const email = `chefin.${randomBytes(4).toString('hex')}@example.org`;
    await createEditor(email, 'praxis-chefredaktion');
    const page = await logIn(email);
    await page.getByText('Nachnutzung zur Prüfung', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(/Berichte? warte[nt]? auf Prüfung, der älteste zuerst/).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: /^Bielefeld: / }).count()).toBeGreaterThan(0);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'admin-dashboard-nachnutzung.png') });

    await adminNavigate(page, '/admin/content-manager/collection-types/api::transfer-report.transfer-report');
    await page.getByText(/^\d+ Einträge? gefunden$/).waitFor({ timeout: 30_000 });
    await page.locator('thead th').first().waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, '48-nachnutzung-liste.png') });
    const headers = await page.locator('thead th').allTextContents();
    for (const column of ['Bezeichnung', 'Redaktionsstatus', 'Zuletzt geändert'])
      expect(
        headers.filter((text) => text.includes(column)),
        column,
      ).toHaveLength(1);
    const row = queryCms<{ document_id: string }>(
      'select document_id from transfer_reports where adopted like ? and published_at is null',
      `%${browserReport}%`,
    )[0]!;
    await adminNavigate(page, `/admin/content-manager/collection-types/api::transfer-report.transfer-report/${row.document_id}`);
    await page
      .getByText(/^Was wurde übernommen\?/)
      .first()
      .waitFor({ timeout: 30_000 });
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, '49-nachnutzung-bearbeiten.png'), fullPage: true });
    // Required fields carry Strapi's asterisk after the label, a relation its count ("Kommune (1)"),
    // which comes with the relation's own request: waited for, not read once.
    for (const label of [
      'Bezeichnung',
      'Kommune',
      'Seit (Jahr)',
      'Sprache des Berichts',
      'Was wurde verändert?',
      'Was hat geholfen?',
      'Was stand im Weg?',
      'Redaktionsstatus',
    ]) {
      await expect
        .poll(
          () =>
            page
              .locator('label')
              .filter({ hasText: new RegExp(`^${label.replace(/[()?]/g, '\\$&')}( \\(\\d+\\))?\\*?$`) })
              .count(),
          { message: label, timeout: 30_000 },
        )
        .toBeGreaterThan(0);
    }
    await page.context().close();

    // Published (as the Chefredaktion's button does), the report reaches the page through the outbox's notice.
    const [caseStudy] = await published('de');
    await admin('POST', `/content-manager/collection-types/api::transfer-report.transfer-report/${row.document_id}/actions/publish`, {});
    const reader = await openPage();
    await waitFor(async () => {
      await reader.goto(`/praxisbeispiele/${caseStudy!.slug}`);
      return (await reader.locator('section.transfers').count()) > 0 && (await reader.locator('section.transfers').innerText()).includes(browserReport);
    }, 'the published report did not appear on the case study page');
    await reader.context().close();
  });
});

describe('Nachfrage after a contact request', () => {
  it('is offered on the contact form; the receipt names it, and its link unsubscribes with one button, without JavaScript too', async () => {
    const target = (await published('de'))[0]!;
    const answer = (await (await fetch(`${inject('siteUrl')}/api/case-studies/${target.slug}?locale=de`)).json()) as {
      caseStudy?: { contact?: { email?: string } };
    };
    if (!answer.caseStudy?.contact?.email) return expect.fail(`${target.slug} has no contact address`);
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele/${target.slug}/kontakt`);
    const token = randomBytes(4).toString('hex');
    const email = `nachfrage.${token}@example.org`;
    await page.getByLabel('Austausch', { exact: true }).check();
    await page.getByLabel('Ihre Nachricht').fill(`Wir möchten uns austauschen und überlegen, das Projekt zu übernehmen (${token}).`);
    await page.getByLabel('Ihr Name').fill('Nils Nachfrage');
    await page.getByLabel('Ihre E-Mail-Adresse').fill(email);
    await page.getByLabel(/Sie dürfen mich in 6 Monaten einmal fragen/).check();
    await page.waitForTimeout(FORM_MIN_MS);
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.waitForURL(/\/kontakt\?gesendet/);
    expect(queryCms<{ follow_up_consent: number }>('select follow_up_consent from praxis_contact_requests where email = ?', email)).toEqual([
      { follow_up_consent: 1 },
    ]);
    await waitFor(() => Boolean(mailTo(email)), 'the receipt did not arrive');
    const receipt = mailTo(email)!
      .content.replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    const link = new URL(/https?:\/\/\S+\/nachfrage\/abbestellen\?token=[0-9]+\.[A-Za-z0-9_-]+/.exec(receipt)![0]);
    await page.goto(`${link.pathname}${link.search}`);
    // Opening the link changes nothing; the button does.
    expect(queryCms<{ at: number | null }>('select follow_up_unsubscribed_at as at from praxis_contact_requests where email = ?', email)).toEqual([
      { at: null },
    ]);
    await page.getByRole('button', { name: 'Nachfrage abbestellen' }).click();
    expect(await page.locator('.message').innerText()).toMatch(/Sie bekommen keine Nachfrage mehr/);
    expect(queryCms<{ at: number | null }>('select follow_up_unsubscribed_at as at from praxis_contact_requests where email = ?', email)[0]!.at).not.toBeNull();
    // A forged link is refused with a 4xx.
    await page.goto('/nachfrage/abbestellen?token=1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Nachfrage abbestellen' }).click(),
    ]);
    expect(refused.status()).toBe(404);
    await page.context().close();
  });
});
