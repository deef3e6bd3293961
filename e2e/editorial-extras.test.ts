// The newsroom's side of a submission and of a deletion, in the real admin (issue 34, items 3–5):
// a provider's confirmed submission appears under "Offene Einreichungen" and shows its submitter on
// the draft; a reviewer chooses the daily digest; a deleted case study waits in the Papierkorb,
// which the Chefredaktion empties back into a draft and Redaktion only reads.
import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readMails } from '@praxis/tooling/mail-sink';
import { adminNavigate, createNamedEditor, logIn, shoot } from './support/admin-users.ts';
import { openPage } from './support/browser.ts';
import { admin, CASE_STUDY } from './support/cms.ts';
import { postJson, solvedProof } from './support/forms.ts';

const run = randomBytes(3).toString('hex');
const USERS = { chef: `carla.${run}@example.org`, redaktion: `rudi.${run}@example.org` };
const title = `Nachbarschaftsküche Hörde ${run}`;
const submitter = { name: 'Tina Trägerin', email: `tina.${run}@example.org`, organisation: 'Stadtteilverein Hörde e. V.' };
let documentId = '';
const pages: Page[] = [];

function query<T>(sql: string, ...parameters: string[]): T[] {
  const database = new DatabaseSync(inject('cmsDatabase'), { readOnly: true, timeout: 10_000 });
  try {
    return database.prepare(sql).all(...parameters) as T[];
  } finally {
    database.close();
  }
}

/** English or technical words that must not reach a German editor on these screens. */
const NOT_GERMAN = /\b(Trash|Restore|Submitted|Notifications|undefined|null)\b|praxis\.extras/;

async function confirmedSubmission(): Promise<string> {
  const answer = await postJson<{ message?: string }>(
    '/api/submissions',
    {
      step: 5,
      action: 'submit',
      locale: 'de',
      values: {
        title,
        teaser: 'Familien kochen einmal in der Woche gemeinsam im Stadtteilzentrum.',
        buildingBlock: 'gesundes-aufwachsen',
        status: 'laufend',
        fundingStart: '2024',
        municipality: 'Dortmund',
        description: 'Eltern und Kinder kochen gemeinsam und lernen günstige Rezepte kennen.',
        submitterName: submitter.name,
        submitterOrganisation: submitter.organisation,
        submitterEmail: submitter.email,
        consent: 'ja',
        website: '',
        altcha: await solvedProof(),
      },
    },
    '127.0.0.31',
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  let link: string | undefined;
  for (const deadline = Date.now() + 20_000; !link; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (Date.now() > deadline) throw new Error('the confirmation mail did not arrive');
    const mail = readMails(inject('mailDir')).find((entry) => entry.content.split(/\r?\n/).includes(`To: ${submitter.email}`));
    link = /https?:\/\/\S+\/praxisbeispiel-einreichen\/bestaetigen\?token=[A-Za-z0-9_-]+/.exec(
      mail?.content.replace(/=\r?\n/g, '').replace(/=3D/g, '=') ?? '',
    )?.[0];
  }
  const page = await openPage();
  await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bestätigen' }).click()]);
  const shown = await page.locator('main').innerText();
  await page.context().close();
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const [row] = query<{ document_id: string }>('select document_id from case_studies where title = ?', title);
    if (row) return row.document_id;
    if (Date.now() > deadline) throw new Error(`the confirmed submission is no draft; the page said: ${shown.slice(0, 300)}`);
  }
}

beforeAll(async () => {
  await createNamedEditor(USERS.chef, 'praxis-chefredaktion', 'Carla', 'Chef');
  await createNamedEditor(USERS.redaktion, 'praxis-redaktion', 'Rudi', 'Redakteur');
  documentId = await confirmedSubmission();
});
afterAll(async () => {
  for (const page of pages) await page.context().close();
  await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`).catch(() => undefined);
});

describe('a submission, the notices and the Papierkorb in the admin', () => {
  let chef: Page;

  it('lists the confirmed submission on the dashboard and shows its submitter on the draft', async () => {
    chef = await logIn(USERS.chef);
    pages.push(chef);
    const widget = chef
      .locator('section, article, div')
      .filter({ has: chef.getByText('Offene Einreichungen', { exact: true }) })
      .last();
    await expect.poll(() => chef.getByRole('link', { name: title }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The link may come first from the "Zur Prüfung" tile; the submissions tile loads on its own.
    await expect
      .poll(() => chef.getByText(`von ${submitter.name} (${submitter.organisation})`, { exact: false }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await widget.count()).toBeGreaterThan(0);

    // The reviewer takes notices once a day.
    await chef.getByRole('radio', { name: 'einmal täglich als Zusammenfassung' }).click();
    await expect.poll(() => chef.getByText('Gespeichert.', { exact: true }).count()).toBe(1);
    await shoot(chef, '20-dashboard-einreichungen-benachrichtigungen');
    expect(((await admin<{ data: { delivery: string } }>('GET', '/redaktion/notification-settings')) as { data: unknown }).data).toBeTruthy();

    await chef.getByRole('link', { name: title }).first().click();
    await chef.waitForURL((url) => url.pathname.includes(documentId));
    const panel = chef.getByRole('region', { name: 'Eingereicht über das Formular' });
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain(submitter.email);
    const text = await panel.innerText();
    expect(text).toContain(submitter.name);
    expect(text).toContain(submitter.organisation);
    expect(text).toContain('Vor der Freigabe mit dem Träger abgleichen.');
    await panel.getByText('Einwilligung (Wortlaut)').click();
    expect(await panel.innerText()).toMatch(/einverstanden|Einwilligung/);
    expect(text).not.toMatch(NOT_GERMAN);
    await shoot(chef, '21-einreichung-angaben');
  });

  it('keeps a deleted case study in the Papierkorb; the Chefredaktion takes it back as a draft, Redaktion only reads', async () => {
    await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
    expect(query('select id from case_studies where document_id = ?', documentId)).toEqual([]);

    const redaktion = await logIn(USERS.redaktion);
    pages.push(redaktion);
    await redaktion.getByRole('link', { name: 'Papierkorb' }).click();
    await redaktion.waitForURL((url) => url.pathname.endsWith('/papierkorb'));
    await expect.poll(() => redaktion.getByRole('cell', { name: title }).count(), { timeout: 20_000 }).toBe(1);
    expect(await redaktion.getByRole('button', { name: 'Zurückholen' }).count()).toBe(0);
    expect(await redaktion.getByText('Zurückholen kann die Chefredaktion.').count()).toBe(1);

    await adminNavigate(chef, '/admin/papierkorb');
    const row = chef.getByRole('row').filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('Deutsch');
    expect(rowText).toMatch(/von Carla Chef|von .+/);
    expect(await chef.locator('main').innerText()).not.toMatch(NOT_GERMAN);
    await shoot(chef, '22-papierkorb');
    await row.getByRole('button', { name: `„${title}“ als Entwurf zurückholen` }).click();
    await expect.poll(() => chef.getByText(`„${title}“ ist wieder da, als Entwurf.`, { exact: false }).count()).toBe(1);
    expect(
      query<{ editorial_state: string; published_at: unknown }>('select editorial_state, published_at from case_studies where document_id = ?', documentId),
    ).toEqual([{ editorial_state: 'entwurf', published_at: null }]);
    await expect.poll(() => chef.getByRole('row').filter({ hasText: title }).count()).toBe(0);
  });
});
