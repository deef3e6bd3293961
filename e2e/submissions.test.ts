// "Praxisbeispiel einreichen" as a provider uses it, with and without JavaScript: six steps, a
// message next to each wrong field, the review, the confirmation mail, the confirmation page;
// then the draft waits "Zur Prüfung" in the CMS, marked as submitted, and nothing is published.
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Challenge } from 'altcha-lib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readMails } from '@praxis/tooling/mail-sink';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { admin, CASE_STUDY } from './support/cms.ts';
import { FORM_MIN_MS, postJson, solvedProof } from './support/forms.ts';

function query<T>(sql: string, ...parameters: string[]): T[] {
  const database = new DatabaseSync(inject('cmsDatabase'), { readOnly: true, timeout: 10_000 });
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}

async function waitFor<T>(find: () => T | undefined, message: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The confirmation link in the last mail to `address` (quoted-printable soft breaks undone). */
const confirmationLink = (address: string) => {
  const mail = readMails(inject('mailDir'))
    .filter((entry) => entry.content.split(/\r?\n/).includes(`To: ${address}`))
    .at(-1);
  const text = mail?.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return /https?:\/\/\S+\/praxisbeispiel-einreichen\/bestaetigen\?token=[A-Za-z0-9_-]+/.exec(text ?? '')?.[0];
};

async function next(page: Page, label = 'Weiter') {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label, exact: true }).click()]);
}

/** Fills every step and stops on the review; checks axe on each step. */
async function fillAllSteps(page: Page, title: string, email: string, checkAxe: boolean) {
  await page.goto('/praxisbeispiel-einreichen');
  expect(await page.locator('h2').first().innerText()).toMatch(/Schritt 1 von 6: Das Projekt/);
  if (checkAxe) {
    expect(await axeViolations(page)).toEqual([]);
    // With JavaScript a field is checked when the reader leaves it, by the same server check.
    await page.locator('form#submission-form[data-enhanced]').waitFor();
    await page.getByLabel('Titel des Projekts').fill('Familienpatinnen <b>im Quartier</b>');
    await page.getByLabel('Kurzbeschreibung').focus();
    await expect.poll(() => page.locator('#title-error').textContent()).toMatch(/ohne HTML/);
    expect(await page.getByLabel('Titel des Projekts').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.getByLabel('Titel des Projekts').fill(title);
  await page.getByLabel('Kurzbeschreibung').fill('Ehrenamtliche Familienpatinnen begleiten Familien im ersten Jahr nach dem Umzug ins Quartier.');
  if (checkAxe) await expect.poll(() => page.locator('#title-error').count()).toBe(0);
  await page.getByLabel(/Baustein 1/).check();
  await page.getByLabel('Laufend').check();
  await page.getByLabel(/Förderung seit/).fill('2023');
  await next(page);

  expect(await page.locator('h2').first().innerText()).toMatch(/Schritt 2 von 6/);
  if (checkAxe) expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Kommune 1').fill('Dortmund');
  await page.getByLabel('Kommune 2').fill('Atlantis');
  await next(page);
  // An unknown town: the same step again, with the message next to the field and the entries kept.
  expect(await page.locator('#municipality-error').innerText()).toMatch(/„Atlantis“ ist keine Kommune/);
  expect(await page.getByLabel('Kommune 1').inputValue()).toBe('Dortmund');
  if (checkAxe) expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Kommune 2').fill('');
  await page.locator('input[name="topics"]').first().check();
  await next(page);

  await page
    .getByLabel('Worum es geht')
    .fill('Patinnen besuchen neu zugezogene Familien, zeigen Kita, Schule und Beratung im Quartier und bleiben ein Jahr lang ansprechbar.');
  await next(page);
  await page.getByLabel('Gelingensbedingungen').fill('Feste Sprechzeit im Familienzentrum\nSchulung der Patinnen');
  await next(page);

  await page.getByLabel('E-Mail für Anfragen').fill('projekt@example.org');
  await page.getByLabel('Ihr Name').fill('Tina Trägerin');
  await page.getByLabel('Ihre E-Mail-Adresse').fill(email);
  await page.getByLabel(/Ich bin einverstanden/).check();
  await next(page);
  expect(await page.locator('h2').first().innerText()).toMatch(/Schritt 6 von 6: Prüfen und absenden/);
  const review = await page.locator('.review').allInnerTexts();
  expect(review.join('\n')).toContain(title);
  expect(review.join('\n')).toContain('Dortmund');
  expect(review.join('\n')).toMatch(/Baustein 1|Aktive Nachbarschaft/);
  if (checkAxe) expect(await axeViolations(page)).toEqual([]);
}

async function confirmAndCheckDraft(page: Page, title: string, email: string) {
  submittedTitles.push(title);
  const link = await waitFor(() => confirmationLink(email), 'the confirmation mail did not arrive');
  expect(query('select id from praxis_submissions where title = ? and confirmed_at is null', title)).toHaveLength(1);
  expect(query('select id from case_studies where title = ?', title)).toEqual([]);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  // Opening the link confirms nothing (mail programs open links to check them); the button does.
  expect(query('select id from case_studies where title = ?', title)).toEqual([]);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bestätigen' }).click()]);
  expect(await page.locator('.message').innerText()).toMatch(/liegt jetzt der Redaktion zur Prüfung vor/);
  const drafts = query<{ editorial_state: string; submitted: number; published_at: unknown }>(
    'select editorial_state, submitted, published_at from case_studies where title = ?',
    title,
  );
  expect(drafts).toEqual([{ editorial_state: 'zur-pruefung', submitted: 1, published_at: null }]);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const submittedTitles: string[] = [];
// The drafts these tests make would show in other tests' lists "Zur Prüfung".
afterAll(async () => {
  for (const title of submittedTitles) {
    for (const { document_id: documentId } of query<{ document_id: string }>('select distinct document_id from case_studies where title = ?', title)) {
      await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
    }
  }
});

describe('Praxisbeispiel einreichen', () => {
  it('takes a project in six steps without JavaScript, and the confirmed submission waits for review', async () => {
    const run = randomBytes(3).toString('hex');
    const title = `Familienpatinnen im Quartier ${run}`;
    const email = `tina.${run}@example.org`;
    const page = await openPage({ javaScriptEnabled: false });
    await fillAllSteps(page, title, email, false);
    // An image without its alt text: the last step again, with the message and a word on choosing the file again.
    await page.getByLabel('Bilddatei').first().setInputFiles({ name: 'patinnen.png', mimeType: 'image/png', buffer: PNG });
    await page.waitForTimeout(FORM_MIN_MS);
    await next(page, 'Einreichen');
    expect(await page.locator('#image-error').innerText()).toMatch(/Bild 1: Der Alternativtext ist zu kurz/);
    expect(await page.locator('.form-summary').innerText()).toMatch(/Bitte wählen Sie die Bilder erneut aus/);
    expect(query('select id from praxis_submissions where title = ?', title)).toEqual([]);
    // Without the proof of work a form needs some time between page and post (scripts do not wait).
    await page.waitForTimeout(FORM_MIN_MS);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Einreichen' }).click()]);
    expect(page.url()).toMatch(/\/praxisbeispiel-einreichen\?eingereicht$/);
    expect(await page.locator('.done').innerText()).toMatch(/Bitte bestätigen Sie Ihre E-Mail-Adresse/);
    await confirmAndCheckDraft(page, title, email);
    await page.context().close();
  });

  it('does the proof of work with JavaScript, and every step has no axe violations', async () => {
    const run = randomBytes(3).toString('hex');
    const title = `Familienpatinnen mit Skript ${run}`;
    const email = `tom.${run}@example.org`;
    const page = await openPage();
    await fillAllSteps(page, title, email, true);
    await page.getByLabel('Bilddatei').first().setInputFiles({ name: 'patinnen.png', mimeType: 'image/png', buffer: PNG });
    await page
      .getByLabel(/Alternativtext/)
      .first()
      .fill(`Zwei Patinnen im Gespräch mit einer Familie ${run}`);
    await page.locator('form#submission-form[data-enhanced]').waitFor();
    await Promise.all([page.waitForURL(/\?eingereicht$/), page.getByRole('button', { name: 'Einreichen' }).click()]);
    expect(query('select id from praxis_submissions where title = ?', title)).toHaveLength(1);
    await confirmAndCheckDraft(page, title, email);
    // The image goes to the media library with its alt text, onto the draft, right after the confirmation answered.
    const alt = `Zwei Patinnen im Gespräch mit einer Familie ${run}`;
    expect(
      await waitFor(
        () => query<{ mime: string; name: string }>('select mime, name from files where alternative_text = ?', alt)[0],
        'the image did not reach the media library',
      ),
    ).toEqual({ mime: 'image/png', name: 'bild-1.png' });
    await page.context().close();
  });

  it('speaks English on the English form at phone width', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await page.goto('/en/submit-a-project');
    expect(await page.locator('h2').first().innerText()).toMatch(/Step 1 of 6: The project/);
    // The browser itself stops empty required fields; the server finds what it cannot.
    await page.getByLabel('Title of the project').fill('Family mentors <b>in the neighbourhood</b>');
    await page.getByLabel('Short description').fill('Volunteer mentors accompany families in their first year in the neighbourhood.');
    await page.getByLabel(/Building block 1/).check();
    await page.getByLabel('Ongoing').check();
    await page.getByLabel(/Funded since/).fill('2023');
    await next(page, 'Next');
    expect(await page.locator('.form-summary').innerText()).toMatch(/Please check the marked fields/);
    expect(await page.locator('#title-error').innerText()).toMatch(/ohne HTML/);
    expect(await page.getByLabel('Short description').inputValue()).toMatch(/^Volunteer mentors/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

/** POST /api/submissions (what the form's page sends) from `localAddress`. */
const postSubmission = (body: unknown, localAddress: string) =>
  postJson<{ errors?: Record<string, string>; message?: string; step?: number }>('/api/submissions', body, localAddress);

/** Every field of a valid submission, as the form posts them. */
const formValues = (overrides: Record<string, string | string[]> = {}) => ({
  title: `Stadtteilküche für Familien ${randomBytes(3).toString('hex')}`,
  teaser: 'Familien kochen einmal in der Woche gemeinsam im Stadtteilzentrum.',
  buildingBlock: 'gesundes-aufwachsen',
  status: 'laufend',
  fundingStart: '2024',
  municipality: 'Dortmund',
  description: 'Eltern und Kinder kochen gemeinsam, lernen günstige Rezepte kennen und essen zusammen.',
  submitterName: 'Tina Trägerin',
  submitterEmail: `tina.${randomBytes(3).toString('hex')}@example.org`,
  consent: 'ja',
  website: '',
  ...overrides,
});

describe('Praxisbeispiel einreichen against abuse', () => {
  it('refuses oversized, HTML, link-stuffed and invisible text, a forged or replayed proof of work and a filled honeypot, with a message for the field, and stores nothing', async () => {
    const from = '127.0.0.6';
    const stored = () => query<{ n: number }>('select count(*) as n from praxis_submissions')[0]!.n;
    const before = stored();
    const control = String.fromCharCode(7);
    const cases: [Record<string, string>, string, RegExp, number][] = [
      [{ title: '', teaser: '', description: '' }, 'title', /Pflichtfeld|leer/, 0],
      [{ description: 'x'.repeat(1_000_000) }, 'description', /höchstens 50000|höchstens 50.000/, 2],
      [{ description: 'Wir <script>alert(1)</script> kochen' }, 'description', /ohne HTML/, 2],
      [{ description: Array.from({ length: 50 }, (_, index) => `https://spam.example/${index}`).join(' ') }, 'description', /höchstens 10 Links/, 2],
      [{ teaser: `Familien ${control} kochen gemeinsam im Stadtteilzentrum` }, 'teaser', /Steuerzeichen/, 0],
      [{ website: 'https://spam.example' }, 'website', /leer lassen/, 5],
    ];
    for (const [overrides, field, message, step] of cases) {
      const answer = await postSubmission({ step: 5, action: 'submit', locale: 'de', values: { ...formValues(overrides), altcha: await solvedProof() } }, from);
      expect(answer.status, field).toBe(400);
      expect(answer.body.errors?.[field], `${field}: ${JSON.stringify(answer.body).slice(0, 200)}`).toMatch(message);
      expect(answer.body.step, field).toBe(step);
    }
    const proof = await solvedProof();
    const decoded = JSON.parse(Buffer.from(proof, 'base64').toString()) as { challenge: Challenge; solution: { derivedKey: string } };
    const wrong = Buffer.from(
      JSON.stringify({
        ...decoded,
        solution: { ...decoded.solution, derivedKey: decoded.solution.derivedKey.replace(/.$/, (last) => (last === '0' ? '1' : '0')) },
      }),
    ).toString('base64');
    expect((await postSubmission({ step: 5, action: 'submit', locale: 'de', values: { ...formValues(), altcha: wrong } }, from)).body.errors?.altcha).toMatch(
      /fehlgeschlagen/,
    );
    expect((await postSubmission({ step: 5, action: 'submit', locale: 'de', values: { ...formValues(), altcha: proof } }, from)).status).toBe(202);
    const replayed = await postSubmission({ step: 5, action: 'submit', locale: 'de', values: { ...formValues(), altcha: proof } }, from);
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors?.altcha).toMatch(/schon gesendet/);
    expect((await postSubmission({ step: 'x', action: 'submit', values: {} }, from)).status).toBe(400);
    expect(stored()).toBe(before + 1);
  });

  it('of 30 submissions in a minute from one address takes 20 and answers the rest with a 429 in German', async () => {
    const statuses: number[] = [];
    let message = '';
    for (let attempt = 0; attempt < 30; attempt++) {
      const answer = await postSubmission({ step: 5, action: 'submit', locale: 'de', values: { ...formValues(), altcha: await solvedProof() } }, '127.0.0.7');
      statuses.push(answer.status);
      if (answer.status === 429) message ||= answer.body.message ?? '';
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
    expect(message).toMatch(/sehr viele Anfragen/);
  });
});
