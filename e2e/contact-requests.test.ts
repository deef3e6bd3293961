// "Kontakt aufnehmen" as practitioners use it (with and without JavaScript, German and English,
// phone width) and as an attacker tries it (bad fields, forged or replayed proof of work, the
// honeypot, a flood from one address), against the running stack: the site, the CMS storing
// the request, the CMS's mail queue and an SMTP server that is stopped and started again.
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Challenge } from 'altcha-lib';
import { describe, expect, inject, it } from 'vitest';
import { readMails } from '@praxis/tooling/mail-sink';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { published } from './support/cms.ts';
import { FORM_MIN_MS, postJson, solvedProof, type JsonAnswer } from './support/forms.ts';

interface ContactAnswer {
  status?: number;
  message?: string;
  fields?: Record<string, string>;
}
type Answer = JsonAnswer<ContactAnswer>;

/** POST /api/contact-requests from `localAddress` (the site limits per client address). */
const post = (body: unknown, localAddress: string) => postJson<ContactAnswer>('/api/contact-requests', body, localAddress);

function queryCms<T>(sql: string, ...parameters: string[]): T[] {
  const database = new DatabaseSync(inject('cmsDatabase'), { readOnly: true, timeout: 10_000 });
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}
const storedRequests = () => Number(queryCms<{ n: number }>('select count(*) as n from praxis_contact_requests')[0]!.n);
/** The CMS's mail queue rows to addresses containing `marker`: tried, sent or not. */
const queuedMails = (marker: string) =>
  queryCms<{ attempts: number; sent_at: number | null }>(
    'select attempts, sent_at from praxis_mail_outbox where to_address like ? or reply_to like ?',
    `%${marker}%`,
    `%${marker}%`,
  );
const mailsContaining = (text: string) => readMails(inject('mailDir')).filter((mail) => mail.content.includes(text));

async function waitFor(check: () => boolean | Promise<boolean>, message: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function caseStudyWithContact(locale: 'de' | 'en') {
  for (const entry of await published(locale)) {
    const answer = (await (await fetch(`${inject('siteUrl')}/api/case-studies/${entry.slug}?locale=${locale}`)).json()) as {
      caseStudy?: { contact?: { email?: string } };
    };
    if (answer.caseStudy?.contact?.email) return { ...entry, email: answer.caseStudy.contact.email };
  }
  throw new Error(`no published ${locale} case study with a contact address`);
}

const contactRequest = (caseStudy: string, overrides: Record<string, string> = {}) => ({
  caseStudy,
  locale: 'de',
  purpose: 'austausch',
  name: 'Petra Planerin',
  organisation: 'Stadt Beispielstadt',
  email: `petra.${randomBytes(4).toString('hex')}@example.org`,
  message: 'Wir planen etwas Ähnliches in unserer Stadt. Können wir uns austauschen?',
  website: '',
  ...overrides,
});

describe('Kontakt aufnehmen in the browser', () => {
  it('sends a request from the detail page with JavaScript: messages next to the fields first, then the confirmation and the mails', async () => {
    const target = await caseStudyWithContact('de');
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${target.slug}`);
    await page.getByRole('link', { name: 'Kontakt aufnehmen' }).click();
    await page.waitForURL(`**/praxisbeispiele/${target.slug}/kontakt`);
    await page.locator('form#contact-form[data-enhanced]').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The browser itself stops empty required fields; the server finds what it cannot, and keeps what was typed.
    await page.getByLabel('Hospitation/Besuch').check();
    await page.getByLabel('Ihre Nachricht').fill('Dürfen wir <b>im Frühjahr</b> kommen?');
    await page.getByLabel('Ihr Name').fill('Jonas Jugendhilfe');
    await page.getByLabel('Ihre E-Mail-Adresse').fill('jonas@example.org');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Anfrage senden' }).click()]);
    const summary = page.locator('.form-summary');
    expect(await summary.innerText()).toMatch(/Bitte prüfen Sie die markierten Felder/);
    await page.locator('form#contact-form[data-enhanced]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('form-summary'))).toBe(true);
    expect(await page.locator('#message-error').innerText()).toMatch(/Bitte ohne HTML/);
    expect(await page.getByLabel('Ihre Nachricht').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ihr Name').inputValue()).toBe('Jonas Jugendhilfe');
    expect(await axeViolations(page)).toEqual([]);

    const token = `browser-${randomBytes(4).toString('hex')}`;
    await page.getByLabel('Ihre Nachricht').fill(`Dürfen wir Sie im Frühjahr besuchen? (${token})`);
    await page.getByLabel('Ihre E-Mail-Adresse').fill(`jonas.${token}@example.org`);
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.waitForURL(/\/kontakt\?gesendet/);
    expect(await page.locator('.delivered').innerText()).toMatch(/Ihre Anfrage ist unterwegs/);

    await waitFor(() => mailsContaining(token).length === 2, 'the mail to the project and the receipt did not arrive');
    // The receipt goes to an address nobody has verified: it carries none of the sender's words.
    const receipt = mailsContaining(token).find((mail) => mail.content.split(/\r?\n/).includes(`To: jonas.${token}@example.org`));
    expect(receipt?.text).toMatch(/^Guten Tag,$/m);
    expect(receipt?.text).not.toMatch(/Jonas|Frühjahr|besuchen/);
    const toProject = mailsContaining(token).find((mail) => mail.content.split(/\r?\n/).includes(`To: ${target.email}`));
    expect(toProject?.content).toMatch(new RegExp(`^Reply-To: jonas\\.${token}@example\\.org$`, 'm'));
    await page.context().close();
  });

  it('works without JavaScript: the server renders the messages and keeps what was typed, then redirects to the confirmation', async () => {
    const target = await caseStudyWithContact('de');
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele/${target.slug}/kontakt`);
    await page.getByLabel('Frage', { exact: true }).check();
    // Native validation (required, minlength) already stops an empty or short message; the server finds the markup.
    await page.getByLabel('Ihre Nachricht').fill('Wir möchten <b>gern</b> vorbeikommen.');
    await page.getByLabel('Ihr Name').fill('Nora Ohne-Skript');
    await page.getByLabel('Ihre E-Mail-Adresse').fill('nora@example.org');
    // Without the proof of work, a form sent too soon after loading is refused (scripts do not wait).
    await page.waitForTimeout(FORM_MIN_MS);
    const refused = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Anfrage senden' }).click(),
    ]);
    expect(refused[0].status()).toBe(400);
    expect(await page.locator('#message-error').innerText()).toMatch(/Bitte ohne HTML/);
    expect(await page.getByLabel('Ihr Name').inputValue()).toBe('Nora Ohne-Skript');
    expect(await page.getByLabel('Frage', { exact: true }).isChecked()).toBe(true);
    // axe needs JavaScript: it checks the refused form's HTML, scripts taken out, in a second page.
    const checker = await openPage();
    await checker.setContent((await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, ''));
    expect(await axeViolations(checker)).toEqual([]);
    await checker.context().close();

    const token = `noscript-${randomBytes(4).toString('hex')}`;
    await page.getByLabel('Ihre Nachricht').fill(`Welche Materialien haben Sie genutzt? (${token})`);
    await page.getByLabel('Ihre E-Mail-Adresse').fill(`nora.${token}@example.org`);
    await page.waitForTimeout(FORM_MIN_MS);
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.waitForURL(/\/kontakt\?gesendet/);
    expect(await page.locator('.delivered').innerText()).toMatch(/Ihre Anfrage ist unterwegs/);
    await waitFor(() => mailsContaining(token).length === 2, 'the mails of the request sent without JavaScript did not arrive');
    await page.context().close();
  });

  it('speaks English on the English page, at phone width, with no axe violations', async () => {
    const target = await caseStudyWithContact('en');
    const page = await openPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await page.goto(`/en/case-studies/${target.slug}/contact`);
    await page.locator('form#contact-form[data-enhanced]').waitFor();
    expect(await page.locator('h1').innerText()).toMatch(/Get in touch/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Question').check();
    await page
      .getByLabel('Your message')
      .fill(`Too many links: ${['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'].join(' ')}`);
    await page.getByLabel('Your name').fill('Sam Planner');
    await page.getByLabel('Your e-mail address').fill('sam@example.org');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send request' }).click()]);
    expect(await page.locator('.form-summary').innerText()).toMatch(/Please check the marked fields/);
    expect(await page.locator('#message-error').innerText()).toMatch(/at most 3 links/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('Kontakt aufnehmen against abuse', () => {
  it('refuses bad fields, a forged, replayed or missing proof of work and a filled honeypot with a 400 naming the field, and stores nothing', async () => {
    const { documentId } = await caseStudyWithContact('de');
    const from = '127.0.0.3';
    const before = storedRequests();
    const control = String.fromCharCode(7);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ message: '', name: '', email: '', purpose: '' }, 'message', /zu kurz/],
      [{ message: '', name: '', email: '', purpose: '' }, 'purpose', /Anliegen/],
      [{ message: 'x'.repeat(1_000_000) }, 'message', /zu lang/],
      [{ message: 'Hallo <script>alert(1)</script> wir möchten kommen' }, 'message', /ohne HTML/],
      [{ message: `Siehe ${Array.from({ length: 50 }, (_, index) => `https://spam.example/${index}`).join(' ')}` }, 'message', /höchstens 3 Links/],
      [{ name: `Petra ${control} Planerin` }, 'name', /Steuerzeichen/],
      [{ email: 'petra(at)example.org' }, 'email', /gültige E-Mail-Adresse/],
      [{ website: 'https://spam.example' }, 'website', /leer lassen/],
    ];
    for (const [overrides, field, message] of cases) {
      const answer = await post({ ...contactRequest(documentId, overrides), altcha: await solvedProof() }, from);
      expect(answer.status, `${field}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(400);
      expect(answer.body.fields?.[field], field).toMatch(message);
    }

    const proof = await solvedProof();
    const decoded = JSON.parse(Buffer.from(proof, 'base64').toString()) as { challenge: Challenge; solution: { counter: number; derivedKey: string } };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
    const wrongAnswer = encode({
      ...decoded,
      solution: { ...decoded.solution, derivedKey: `${decoded.solution.derivedKey.slice(0, -2)}${decoded.solution.derivedKey.endsWith('ff') ? '00' : 'ff'}` },
    });
    const easierChallenge = encode({ ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, keyPrefix: '00' } } });
    const refusedProofs: [string, RegExp][] = [
      [wrongAnswer, /fehlgeschlagen/],
      [easierChallenge, /fehlgeschlagen/],
      ['', /fehlt/],
      ['bm9uc2Vuc2U=', /fehlt/],
    ];
    for (const [altcha, message] of refusedProofs) {
      const answer = await post({ ...contactRequest(documentId), altcha }, from);
      expect(answer.status).toBe(400);
      expect(answer.body.fields?.altcha).toMatch(message);
    }
    expect((await post({ ...contactRequest(documentId), altcha: proof }, from)).status).toBe(202);
    const replayed = await post({ ...contactRequest(documentId), altcha: proof }, from);
    expect(replayed.status).toBe(400);
    expect(replayed.body.fields?.altcha).toMatch(/schon gesendet/);
    for (const raw of ['{"caseStudy":', '[1,2]']) expect((await post(raw, from)).status).toBe(400);

    expect(storedRequests()).toBe(before + 1);
  });

  it('takes at most 20 requests an hour from one client address: of 30 sent in a minute the rest get a 429 with a German message', async () => {
    const { documentId } = await caseStudyWithContact('de');
    const before = storedRequests();
    const statuses: number[] = [];
    let refusal: Answer | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      const answer = await post({ ...contactRequest(documentId), altcha: await solvedProof() }, '127.0.0.4');
      statuses.push(answer.status);
      if (answer.status === 429) refusal ??= answer;
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(
      statuses.slice(0, 20).every((status) => status === 202),
      statuses.join(','),
    ).toBe(true);
    expect(
      statuses.slice(20).every((status) => status === 429),
      statuses.join(','),
    ).toBe(true);
    expect(refusal?.body.message).toMatch(/sehr viele Anfragen/);
    expect(Number(refusal?.headers['retry-after'])).toBeGreaterThan(0);
    expect(storedRequests()).toBe(before + 20);
  });

  it('keeps every request while the mail server is down and delivers each mail exactly once when it is back', async () => {
    const { documentId, email: projectAddress } = await caseStudyWithContact('de');
    const control = inject('controlUrl');
    const run = randomBytes(4).toString('hex');
    await fetch(`${control}/mail/stop`, { method: 'POST' });
    try {
      for (let number = 1; number <= 10; number++) {
        const answer = await post(
          {
            ...contactRequest(documentId, { message: `Anfrage ${number} während der Störung.`, email: `petra.${run}-${number}@example.org` }),
            altcha: await solvedProof(),
          },
          '127.0.0.5',
        );
        expect(answer.status).toBe(202);
      }
      // Every mail has been tried and failed while the server was down: none can have arrived.
      await waitFor(() => {
        const rows = queuedMails(run);
        return rows.length === 20 && rows.every((row) => row.attempts > 0);
      }, 'the mails were not tried during the outage');
      expect(queuedMails(run).filter((row) => row.sent_at !== null)).toEqual([]);
      expect(mailsContaining(run)).toEqual([]);
    } finally {
      await fetch(`${control}/mail/start`, { method: 'POST' });
    }
    // Once every row is marked sent, nothing is left to send twice; a row is marked only after the
    // server took its mail, so every delivery is in the sink by then.
    await waitFor(() => queuedMails(run).every((row) => row.sent_at !== null), 'the queued mails were not delivered after the mail server came back', 60_000);
    for (let number = 1; number <= 10; number++) {
      // The sender's address stands in both mails: Reply-To of the one to the project, To of the receipt.
      const mails = mailsContaining(`petra.${run}-${number}@`);
      expect(mails.length, `request ${number}`).toBe(2);
      expect(mails.filter((mail) => mail.content.split(/\r?\n/).includes(`To: ${projectAddress}`)).length, `request ${number} to the project`).toBe(1);
    }
  });
});
