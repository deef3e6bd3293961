// The editor's path through the real admin in Chromium: a Redaktion user writes a case study,
// picks the town by typing its name, sees German messages, gets a slug, sends it to review and
// cannot publish; the Chefredaktion publishes; the site finds it; the translation gets its own slug.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STRAPI_GERMAN } from '@praxis/cms/admin-texts';
import { adminNavigate, adminReopen, createEditor, logIn as logInAs, shoot } from './support/admin-users.ts';
import { admin, CASE_STUDY } from './support/cms.ts';

const USERS = { redaktion: 'rita.redaktion@example.org', chefredaktion: 'chris.chefredaktion@example.org' };
/** One logged-in page per editor for the whole file, as an editor keeps the admin open; each test starts on the dashboard. */
const sessions = new Map<string, Page>();
async function logIn(email: string): Promise<Page> {
  const open = sessions.get(email);
  if (open) {
    await adminReopen(open, '/admin');
    return open;
  }
  const page = await logInAs(email, (loginPage) => shoot(loginPage, '01-anmeldung'));
  sessions.set(email, page);
  return page;
}

const editPath = (documentId: string, locale: string) => `/admin/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=${locale}`;

/** Types into a relation picker until only `option` is offered, then takes it by keyboard, as a screen-reader user would. */
async function chooseByTyping(page: Page, field: string, typed: string, option: string) {
  const input = page.locator(`input[name="${field}"]`);
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  // The picker always offers "Neuen Eintrag anlegen" last; the found entries come first.
  const create = STRAPI_GERMAN['content-manager.relation.create'];
  const found = async () => (await page.getByRole('option').allInnerTexts()).filter((text) => text !== create);
  await expect.poll(found, { timeout: 10_000 }).toEqual([option]);
  // Arrow down until the option is the highlighted one (the list may still settle), then Enter.
  const highlighted = () =>
    page
      .locator('[role="option"][data-highlighted]')
      .first()
      .innerText({ timeout: 500 })
      .catch(() => '');
  for (let presses = 0; presses < 5 && (await highlighted()) !== option; presses += 1) await page.keyboard.press('ArrowDown');
  expect(await highlighted()).toBe(option);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByText(option, { exact: true }).count()).toBeGreaterThan(0);
}

const pageText = (page: Page) =>
  page
    .locator('body')
    .innerText({ timeout: 1_000 })
    .catch(() => '');

/** Opens the dashboard again until its Suchindex tile shows figures that `done` accepts; returns the page's text then. */
async function dashboardWhen(page: Page, done: (text: string) => boolean, timeout: number): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        await adminReopen(page, '/admin');
        await expect.poll(async () => /ausstehend/i.test(await pageText(page)), { timeout: 10_000 }).toBe(true);
        text = await pageText(page);
        return done(text);
      },
      { timeout },
    )
    .toBe(true);
  return text;
}

async function chooseEnum(page: Page, field: string, option: string) {
  await page.locator(`[name="${field}"][role="combobox"]`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const title = `Lesepaten Bottrop ${Date.now()}`;
/** Searches that find nothing (typos are tolerated: a made-up word of real syllables would find something), and a browser's headers. */
const NOTHING = 'zzzzqqqq';
const NOTHING_EN = 'qqqqxxxx';
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36', 'accept-language': 'de-DE' };
let documentId = '';

const indexedTotal = async (locale: string) =>
  ((await (await fetch(`${inject('siteUrl')}/api/search?pageSize=1&locale=${locale}`)).json()) as { total: number }).total;
let totalsBefore: number[] = [];

beforeAll(async () => {
  totalsBefore = await Promise.all(['de', 'en'].map(indexedTotal));
  await createEditor(USERS.redaktion, 'praxis-redaktion');
  await createEditor(USERS.chefredaktion, 'praxis-chefredaktion');
});

// The other suites count the demo content: the case study of this one goes again, from the index too.
afterAll(async () => {
  for (const page of sessions.values()) await page.context().close();
  if (!documentId) return;
  for (const locale of ['en', 'de'])
    await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=${locale}`).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  while (JSON.stringify(await Promise.all(['de', 'en'].map(indexedTotal))) !== JSON.stringify(totalsBefore)) {
    if (Date.now() > deadline) throw new Error('the test case study did not leave the index within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

describe("the editor's path through the admin", () => {
  it('Redaktion writes a case study in German, picks Bottrop by typing, gets a slug, sends it to review and cannot publish', async () => {
    const page = await logIn(USERS.redaktion);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('Media Library').count()).toBe(0);
    await shoot(page, '02-startseite');
    // The main menu's content link opens the case studies, not the first type in the alphabet.
    await page.getByRole('link', { name: 'Inhalte', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/${CASE_STUDY}`));
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}/create?plugins[i18n][locale]=de`);
    await page.locator('input[name="title"]').fill(title);
    // The address follows the title as it is typed, before any save (Strapi showed "case-study" until then).
    await expect.poll(() => page.locator('input[name="slug"]').first().inputValue(), { timeout: 10_000 }).toMatch(/^lesepaten-bottrop-\d+$/);
    // German labels in the German admin (Strapi lays its English messages under every language).
    expect(
      await page
        .locator('label')
        .filter({ hasText: /^Kurzbeschreibung/ })
        .count(),
    ).toBe(1);
    expect(
      await page
        .locator('label')
        .filter({ hasText: /^Short description/ })
        .count(),
    ).toBe(0);
    await page.locator('textarea[name="teaser"]').fill('x'.repeat(320));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('Der Wert ist zu lang (max: 300).').count()).toBeGreaterThan(0);
    await page.locator('textarea[name="teaser"]').fill('Ehrenamtliche lesen wöchentlich mit Grundschulkindern in der Stadtteilbibliothek.');
    await page.locator('.CodeMirror-code[contenteditable="true"]').first().click();
    await page.keyboard.insertText('Ein fiktives Projekt für den Test des Redaktionswegs.');
    await page.locator('input[name="buildingBlock"]').click();
    await page
      .getByRole('option', { name: /Aktive Nachbarschaft/ })
      .first()
      .click();
    await chooseByTyping(page, 'municipalities', 'Bottrop', 'Bottrop (kreisfreie Stadt)');
    await chooseEnum(page, 'projectStatus', 'Laufend');
    await page.locator('input[name="fundingStart"]').fill('2025');
    await shoot(page, '03-neues-praxisbeispiel');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    const slugField = () =>
      page
        .locator('input[name="slug"]')
        .first()
        .inputValue({ timeout: 500 })
        .catch(() => '');
    await expect.poll(slugField, { timeout: 10_000 }).toMatch(/^lesepaten-bottrop-\d+$/);
    await expect.poll(() => page.getByText('Bottrop (kreisfreie Stadt)', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await chooseEnum(page, 'editorialState', 'Zur Prüfung');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Speichern' }).isDisabled(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('button', { name: 'Veröffentlichen' }).isDisabled()).toBe(true);
    await shoot(page, '04-zur-pruefung');
  });

  it('Chefredaktion sees it on the dashboard under "Zur Prüfung", with who sent it', async () => {
    const page = await logIn(USERS.chefredaktion);
    const main = () =>
      page
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '');
    await expect.poll(main, { timeout: 15_000 }).toContain(title);
    // innerText follows the widgets' upper-case titles and badges.
    expect(await main()).toMatch(/zur prüfung[\s\S]*praxisbeispiele? warte/i);
    expect(await main()).toContain('von praxis-redaktion Test');
    await shoot(page, '07-dashboard-zur-pruefung');
  });

  it('Chefredaktion publishes it, and the site finds it at once', async () => {
    const page = await logIn(USERS.chefredaktion);
    // The list names the review state, it does not print its code.
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}?plugins[i18n][locale]=de&sort=updatedAt:DESC`);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect.poll(() => row.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: 15_000 }).toContain('Zur Prüfung');
    await shoot(page, '06-liste');
    await adminNavigate(page, editPath(documentId, 'de'));
    const found = async () =>
      ((await (await fetch(`${inject('siteUrl')}/api/search?q=${encodeURIComponent(title)}`)).json()) as { hits: { title: string }[] }).hits.some(
        (hit) => hit.title === title,
      );
    const isPublish = (url: string) => url.includes('/actions/publish');
    const publishSent = page.waitForRequest((request) => isPublish(request.url())).then(() => Date.now());
    const publishAnswered = page.waitForResponse((response) => isPublish(response.url())).then(() => Date.now());
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(found, { timeout: 5_000, interval: 50 }).toBe(true);
    const foundAt = Date.now();
    const [sent, answered] = await Promise.all([publishSent, publishAnswered]);
    console.log(
      `[e2e] publish sent → the CMS answered in ${answered - sent} ms → the site's search found it ${foundAt - answered} ms later (${foundAt - sent} ms in all)`,
    );
    await expect.poll(() => page.getByRole('tab', { name: /Veröffentlicht/i }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shoot(page, '05-veroeffentlicht');
  });

  it('the dashboard shows the search index up to date, reviews due and the searches that found nothing', async () => {
    // A practitioner's search (from a browser: scripts are not counted) that finds nothing, in German
    // and in English; the site sends its counts to the CMS (every 0.5 s in this stack).
    const nothing = NOTHING;
    for (const [q, locale] of [
      [NOTHING, 'de'],
      [NOTHING_EN, 'en'],
    ]) {
      expect(((await (await fetch(`${inject('siteUrl')}/api/search?q=${q}&locale=${locale}`, { headers: BROWSER })).json()) as { total: number }).total).toBe(
        0,
      );
    }
    const page = await logIn(USERS.chefredaktion);
    const main = () =>
      page
        .locator('body')
        .innerText({ timeout: 1_000 })
        .catch(() => '');
    await expect
      .poll(
        async () => {
          await adminReopen(page, '/admin');
          // The widgets have loaded their figures (the search statistics: a ranking or the note that there is none).
          const loaded = async () => /ausstehend/i.test(await main()) && /häufigste suchen|blieb keine suche/i.test(await main());
          await expect.poll(loaded, { timeout: 10_000 }).toBe(true);
          return main();
        },
        { timeout: 30_000 },
      )
      .toContain(`„${nothing}“`);
    const text = await main();
    expect(text).toMatch(/0 ausstehend/i);
    expect(text).toMatch(/0 fehlgeschlagen/i);
    expect(text).toMatch(/Deutsch\s+\d+\s+\d+/);
    expect(text).toMatch(/prüfung fällig/i);
    expect(text).toContain('Als geprüft markieren');
    expect(text).toContain('Neu indexieren');
    await shoot(page, '08-dashboard');
  });

  it('Suchen ohne Treffer: counts per day, and "Synonym anlegen" opens a search-term set with the word filled in (Chefredaktion only)', async () => {
    const SEARCH_TERM = 'api::search-term.search-term';
    // The admin's notices (an earlier "Veröffentlicht") would cover the page in a screenshot.
    const closeNotifications = async (page: Page) => {
      const close = page.getByRole('button', { name: 'Schließen', exact: true });
      for (let tries = 0; tries < 5 && (await close.count()) > 0; tries += 1)
        await close
          .first()
          .click({ timeout: 1_000 })
          .catch(() => undefined);
    };
    const openWidget = async (page: Page) => {
      await adminReopen(page, '/admin');
      const widget = page.getByRole('region', { name: /suchen ohne treffer/i });
      await expect.poll(() => widget.innerText({ timeout: 1_000 }).catch(() => ''), { timeout: 15_000 }).toContain(`„${NOTHING_EN}“`);
      return widget;
    };
    // Redaktion may not create search terms: the counts, no link.
    const redaktion = await logIn(USERS.redaktion);
    const readOnly = await openWidget(redaktion);
    await redaktion.waitForLoadState('networkidle');
    expect(await readOnly.innerText()).toMatch(new RegExp(`„${NOTHING}“\\s*DE\\s*\\d+× an 1 Tag(?!e)`));
    expect(await readOnly.getByRole('link', { name: /Synonym anlegen/ }).count()).toBe(0);

    const page = await logIn(USERS.chefredaktion);
    const widget = await openWidget(page);
    // "1× an 1 Tag": how often and on how many days it found nothing.
    expect(await widget.innerText()).toMatch(new RegExp(`„${NOTHING}“\\s*DE\\s*\\d+× an 1 Tag(?!e)`));
    const add = widget.getByRole('link', { name: `Synonym anlegen für „${NOTHING}“`, exact: true });
    await expect.poll(() => add.count(), { timeout: 10_000 }).toBe(1);
    expect(await add.innerText()).toBe('Synonym anlegen');
    // Each word in its own language.
    expect(await widget.getByRole('link', { name: `Synonym anlegen für „${NOTHING_EN}“`, exact: true }).getAttribute('href')).toMatch(/[?&]language=en(&|$)/);
    await widget.scrollIntoViewIfNeeded();
    await closeNotifications(page);
    await shoot(page, 'dashboard-suchen-ohne-treffer');

    await add.click();
    await page.waitForURL((url) => url.pathname === `/admin/content-manager/collection-types/${SEARCH_TERM}/create`);
    const words = page.locator('textarea[name="words"]');
    await expect.poll(() => words.inputValue({ timeout: 1_000 }).catch(() => ''), { timeout: 15_000 }).toBe(`${NOTHING}\n`);
    expect(await page.locator('[name="language"][role="combobox"]').innerText()).toContain('Deutsch');
    expect(
      await page
        .locator('label')
        .filter({ hasText: /^Begriffe \(einer pro Zeile\)/ })
        .count(),
    ).toBe(1);
    // The cursor waits on the empty line: the editor types the synonyms and saves.
    await expect.poll(() => words.evaluate((field) => field === document.activeElement), { timeout: 5_000 }).toBe(true);
    await closeNotifications(page);
    await shoot(page, 'dashboard-synonym-anlegen');
    try {
      await page.keyboard.type('Kita');
      expect(await words.inputValue()).toBe(`${NOTHING}\nKita`);
      const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes(SEARCH_TERM));
      await page.getByRole('button', { name: 'Speichern' }).click();
      expect((await saved).status()).toBe(201);
      await page.waitForURL((url) => !url.pathname.endsWith('/create'));
      const created = await admin<{ data: { documentId: string; language: string; words: string; oneWay: boolean } }>(
        'GET',
        `/content-manager/collection-types/${SEARCH_TERM}/${new URL(page.url()).pathname.split('/').pop()}`,
      );
      expect(created.data).toMatchObject({ language: 'de', words: `${NOTHING}\nKita`, oneWay: false });
    } finally {
      // The other suites search the demo content: the set goes again (and with it the synonym).
      const sets = await admin<{ results: { documentId: string; words: string }[] }>('GET', `/content-manager/collection-types/${SEARCH_TERM}?pageSize=100`);
      for (const set of sets.results.filter((entry) => entry.words.startsWith(NOTHING))) {
        await admin('DELETE', `/content-manager/collection-types/${SEARCH_TERM}/${set.documentId}`);
      }
    }
  });

  it('the Suchindex widget shows a Meilisearch outage with the failed change, and recovers when it is back', async () => {
    const outageTitle = `${title} (während des Ausfalls)`;
    await fetch(`${inject('controlUrl')}/meilisearch/stop`, { method: 'POST' });
    try {
      await admin('PUT', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`, { title: outageTitle });
      await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
      const page = await logIn(USERS.chefredaktion);
      const text = await dashboardWhen(page, (shown) => /[1-9]\d* fehlgeschlagen/i.test(shown), 30_000);
      expect(text).toMatch(/nicht erreichbar/i);
      // The failed change names the case study once, and why in words.
      expect(text.split(`${outageTitle} (de): Die Suche war nicht erreichbar; wird automatisch wiederholt.`)).toHaveLength(2);
      await shoot(page, '12-suchindex-ausfall');
    } finally {
      await fetch(`${inject('controlUrl')}/meilisearch/start`, { method: 'POST' });
    }
    const page = await logIn(USERS.chefredaktion);
    await dashboardWhen(page, (shown) => /0 fehlgeschlagen/i.test(shown) && /0 ausstehend/i.test(shown) && !/nicht erreichbar/i.test(shown), 60_000);
    const found = (await (await fetch(`${inject('siteUrl')}/api/search?q=${encodeURIComponent('während des Ausfalls')}`)).json()) as {
      hits: { title: string }[];
    };
    expect(found.hits.map((hit) => hit.title)).toContain(outageTitle);
  });

  it('gives the English translation its own slug', async () => {
    const page = await logIn(USERS.redaktion);
    // An editor who chose English in the profile reads English field labels and value names.
    await page.evaluate(() => window.localStorage.setItem('strapi-admin-language', 'en'));
    // The admin reads its language when it loads: this one load is a full one.
    await page.goto(`${inject('cmsUrl')}${editPath(documentId, 'en')}`);
    await expect
      .poll(
        () =>
          page
            .locator('label')
            .filter({ hasText: /^Short description/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await page.locator('input[name="title"]').fill('Reading mentors in Bottrop');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(
        () =>
          page
            .locator('input[name="slug"]')
            .first()
            .inputValue({ timeout: 500 })
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toBe('reading-mentors-in-bottrop');
  });

  it('keeps the old address working with a 301 when a published slug changes', async () => {
    const oldPath = async () => {
      const entry = await admin<{ data: { slug: string } }>('GET', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
      return entry.data.slug;
    };
    const before = await oldPath();
    await admin('PUT', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`, { slug: `${before}-neu` });
    await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
    const response = await fetch(`${inject('siteUrl')}/praxisbeispiele/${before}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, inject('siteUrl')).pathname).toBe(`/praxisbeispiele/${before}-neu`);
  });
});
