// Suchbegriffe in the real admin (Chromium): the Chefredaktion opens the search terms from the
// content manager's navigation, reads the list and the form in German, is refused a set of one
// word with the CMS's message, saves a two-way set "Zauberwort" + "Schwimmkurs", and the site's
// search finds the swimming-course case study by "Zauberwort" within seconds, without a reindex.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMeiliClient, queryTerms } from '@praxis/search';
import { adminNavigate, createEditor, logIn, shoot } from './support/admin-users.ts';
import { openPage } from './support/browser.ts';
import { admin } from './support/cms.ts';

const SEARCH_TERM = 'api::search-term.search-term';
const LIST_PATH = `/admin/content-manager/collection-types/${SEARCH_TERM}`;
const CHEFREDAKTION = 'sina.suchbegriffe@example.org';
/** The demo's swimming-course case study. */
const SWIMMING = 'Seepferdchen-Offensive Emscher-Lippe';
/** Field names as the schema spells them: an editor must never read one. */
const RAW_NAMES = /\b(?:oneWay|words|language|note|search-term|true|false)\b/;

let page: Page;
let documentId = '';
const body = () =>
  page
    .locator('main')
    .innerText({ timeout: 1_000 })
    .catch(() => '');
/** Closes the admin's notifications ("Gespeichert", a refusal), which would cover the page's title in a screenshot. */
async function closeNotifications() {
  const close = page.getByRole('button', { name: 'Schließen', exact: true });
  for (let tries = 0; tries < 5 && (await close.count()) > 0; tries += 1)
    await close
      .first()
      .click({ timeout: 1_000 })
      .catch(() => undefined);
  await expect.poll(() => close.count(), { timeout: 5_000 }).toBe(0);
}

beforeAll(async () => {
  await createEditor(CHEFREDAKTION, 'praxis-chefredaktion');
});

// The other suites search the demo content: the set goes again (and with it the synonym).
afterAll(async () => {
  if (documentId) await admin('DELETE', `/content-manager/collection-types/${SEARCH_TERM}/${documentId}`).catch(() => undefined);
});

describe('Suchbegriffe in the admin', () => {
  it("are in the content manager's navigation, listed in German: Sprache, Begriffe, Richtung", async () => {
    // One login for the whole file (the admin allows five per address in five minutes).
    page = await logIn(CHEFREDAKTION);
    await page.getByRole('link', { name: 'Inhalte', exact: true }).click();
    await page.getByRole('link', { name: 'Suchbegriff', exact: true }).click();
    await page.waitForURL((url) => url.pathname === LIST_PATH);
    const kita = page.getByRole('row').filter({ hasText: 'Kita, Kindertagesstätte, Kindergarten' });
    await expect
      .poll(() => kita.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: 15_000 })
      .toMatch(/Deutsch\s+Kita, Kindertagesstätte, Kindergarten\s+Gegenseitig/);
    const headers = (await page.locator('thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    expect(headers.map((text) => text.toLowerCase())).toEqual(['sprache', 'begriffe', 'richtung']);
    expect(await body()).toContain('nursery, day care, daycare, kindergarten, childcare');
    expect(await body()).toContain('Englisch');
    expect(await body()).not.toMatch(RAW_NAMES);
    await shoot(page, 'suchbegriffe-liste');
  });

  it('refuses a set of one word with the CMS\'s German message, and saves "Zauberwort" + "Schwimmkurs"', async () => {
    await page.getByRole('link', { name: 'Neuer Eintrag' }).first().click();
    await page.waitForURL((url) => url.pathname === `${LIST_PATH}/create`);
    const words = page.locator('textarea[name="words"]');
    await words.waitFor();
    await page.getByRole('button', { name: 'Speichern' }).waitFor();
    for (const label of ['Sprache', 'Begriffe (einer pro Zeile)', 'Nur in eine Richtung', 'Notiz']) {
      expect(
        await page
          .locator('label')
          .filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
          .count(),
        label,
      ).toBe(1);
    }
    expect(await body()).toContain('Das erste Wort findet auch die anderen, aber nicht umgekehrt.');
    expect(await page.locator('[name="language"][role="combobox"]').innerText()).toContain('Deutsch');
    expect(await body()).not.toMatch(RAW_NAMES);
    expect(await words.getAttribute('placeholder')).toBe('Kita\nKindertagesstätte\nKindergarten');
    await shoot(page, 'suchbegriff-formular');

    await words.fill('Zauberwort');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // The CMS's message, under the field.
    await expect.poll(body, { timeout: 10_000 }).toContain('Bitte mindestens zwei Begriffe angeben, einen pro Zeile.');
    expect(new URL(page.url()).pathname).toBe(`${LIST_PATH}/create`);
    await shoot(page, 'suchbegriff-abgelehnt');
    await closeNotifications();

    await words.fill('Zauberwort\nSchwimmkurs');
    const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes(SEARCH_TERM));
    await page.getByRole('button', { name: 'Speichern' }).click();
    expect((await saved).status()).toBe(201);
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => words.inputValue({ timeout: 1_000 }).catch(() => ''), { timeout: 10_000 }).toBe('Zauberwort\nSchwimmkurs');
    // The set's words are its title.
    await expect
      .poll(
        () =>
          page
            .getByRole('heading', { level: 1 })
            .innerText({ timeout: 1_000 })
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toBe('Zauberwort Schwimmkurs');
    await closeNotifications();
    await shoot(page, 'suchbegriff-gespeichert');
  });

  it('the site finds the swimming course by "Zauberwort" within seconds', async () => {
    expect(documentId).not.toBe('');
    const savedAt = Date.now();
    // First the index has the synonym (asked directly, so that the site's search is not asked
    // before and does not remember, for its minute, that the index does not know the word).
    const index = createMeiliClient(inject('meiliUrl'), inject('masterKey')).index('case-studies-de');
    await expect.poll(async () => Object.keys(await index.getSynonyms()), { timeout: 5_000, interval: 50 }).toContain(queryTerms('Zauberwort', 'de'));
    const site = async () => (await fetch(`${inject('siteUrl')}/praxisbeispiele?q=Zauberwort`)).text();
    await expect.poll(site, { timeout: 5_000, interval: 100 }).toContain(SWIMMING);
    console.log(`[e2e] Suchbegriff saved → the site finds it ${Date.now() - savedAt} ms later`);

    // In the browser, as a reader sees it.
    const reader = await openPage();
    await reader.goto('/praxisbeispiele?q=Zauberwort');
    expect(await reader.locator('main').innerText()).toContain(SWIMMING);
    await shoot(reader, 'suche-zauberwort');
  });

  it('lists the new set as two-way, and the site no longer finds it once the set is deleted', async () => {
    await adminNavigate(page, LIST_PATH);
    const row = page.getByRole('row').filter({ hasText: 'Zauberwort, Schwimmkurs' });
    await expect.poll(() => row.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: 15_000 }).toMatch(/Deutsch\s+Zauberwort, Schwimmkurs\s+Gegenseitig/);
    await shoot(page, 'suchbegriffe-liste-neu');
    await admin('DELETE', `/content-manager/collection-types/${SEARCH_TERM}/${documentId}`);
    documentId = '';
    const site = async () => (await fetch(`${inject('siteUrl')}/praxisbeispiele?q=Zauberwort`)).text();
    await expect.poll(site, { timeout: 10_000, interval: 200 }).not.toContain(SWIMMING);
  });
});
