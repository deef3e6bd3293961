// Merkliste and compare: "Merken" keeps case studies in the browser, the list and the comparison
// are addresses that open anywhere (also without JavaScript), and bad addresses are a clear 400.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { bookmarkHooks as hooks, dataSelector, printHooks, searchPageHooks } from '@praxis/web/hooks';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';

interface Hit {
  documentId: string;
  slug: string;
  title: string;
}

async function searchHits(query: string): Promise<Hit[]> {
  const body = (await (await fetch(`${inject('siteUrl')}/api/search?${query}`)).json()) as { hits: Hit[] };
  return body.hits;
}

const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });

const trimmed = (texts: string[]) => texts.map((text) => text.trim());
const columnTitles = async (page: Page) => trimmed(await page.locator('table.compare thead th a:first-child').allTextContents());
const listTitles = async (page: Page) => trimmed(await page.locator('.bookmark-list .result-card .title').allTextContents());
const idsOf = (url: string) => new URL(url).searchParams.getAll('ids').flatMap((value) => value.split(','));
/** "Merken" for `documentId` inside `scope` (the search's results, the detail page). */
const bookmarkButton = (page: Page, scope: string, documentId: string) => page.locator(`${scope} button${dataSelector(hooks.button, documentId)}`);

describe('Merkliste and compare', () => {
  it('bookmarks three results, compares them, drops one, and the shared address shows the same in a fresh browser', async () => {
    const hits = (await searchHits('sort=title')).slice(0, 3);
    const page = await openPage();
    await page.goto('/praxisbeispiele?sort=title');
    await page.locator(`${searchPageHooks.page.selector}${searchPageHooks.enhanced.selector}`).waitFor();
    for (const hit of hits) {
      const button = bookmarkButton(page, searchPageHooks.hits.selector, hit.documentId);
      await button.click();
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    }
    expect(await page.locator(hooks.status.selector).textContent()).toBe(`„${hits[2]!.title}“ ist auf der Merkliste (3).`);

    // The header's link leads to the list in this browser, in the order it was made.
    await page.locator(`a${hooks.listLink.selector}`).click();
    await page.waitForURL(/\/merkliste\?ids=/);
    expect(idsOf(page.url())).toEqual(hits.map((hit) => hit.documentId));
    expect(await listTitles(page)).toEqual(hits.map((hit) => hit.title));

    await page.getByRole('button', { name: 'Ausgewählte vergleichen' }).click();
    await page.waitForURL(/\/merkliste\/vergleich\?/);
    expect(await columnTitles(page)).toEqual(hits.map((hit) => hit.title));
    const rowLabels = await page.locator('table.compare tbody th').allTextContents();
    expect(rowLabels).toEqual([
      'Baustein',
      'Ort',
      'Art und Größe der Kommune',
      'Zielgruppen',
      'Handlungsfelder',
      'Setting',
      'Status',
      'Förderzeitraum',
      'Personal',
      'Budget pro Jahr',
      'Dauer',
      'Nötige Partner',
      'Erste Schritte',
      'Gelingensbedingungen',
      'Stolpersteine',
      'Was wurde daraus?',
    ]);

    await page.getByRole('link', { name: `„${hits[1]!.title}“ aus dem Vergleich entfernen` }).click();
    await page.waitForURL((url) => idsOf(url.href).length === 2);
    const kept = [hits[0]!.title, hits[2]!.title];
    expect(await columnTitles(page)).toEqual(kept);

    const fresh = await openPage();
    await fresh.goto(page.url());
    expect(await columnTitles(fresh)).toEqual(kept);
    expect(await fresh.locator('table.compare tbody tr').count()).toBe(16);
    // A fresh browser has an empty list of its own: the shared comparison did not become it.
    expect(await fresh.evaluate(() => localStorage.getItem('praxis.merkliste'))).toBeNull();
  });

  it('keeps the list across pages: the detail page shows and changes it, "Entfernen" removes from it', async () => {
    const hits = (await searchHits('sort=newest')).slice(0, 2);
    const page = await openPage();
    await page.goto(`/praxisbeispiele/${hits[0]!.slug}`);
    const detailButton = bookmarkButton(page, '.case-study', hits[0]!.documentId);
    await detailButton.click();
    await page.goto(`/praxisbeispiele/${hits[1]!.slug}`);
    await bookmarkButton(page, '.case-study', hits[1]!.documentId).click();
    await page.goto(`/praxisbeispiele/${hits[0]!.slug}`);
    await expect.poll(() => detailButton.getAttribute('aria-pressed')).toBe('true');

    await page.goto('/merkliste');
    await page.waitForURL(/ids=/);
    expect(await listTitles(page)).toEqual(hits.map((hit) => hit.title));
    await page.getByRole('link', { name: `„${hits[0]!.title}“ von der Liste entfernen` }).click();
    await page.waitForURL((url) => idsOf(url.href).length === 1);
    await page.goto('/merkliste');
    await page.waitForURL(/ids=/);
    expect(await listTitles(page)).toEqual([hits[1]!.title]);

    // Pressed again on the search page: off the list.
    await page.goto('/praxisbeispiele?sort=newest');
    const searchButton = bookmarkButton(page, searchPageHooks.hits.selector, hits[1]!.documentId);
    await expect.poll(() => searchButton.getAttribute('aria-pressed')).toBe('true');
    await searchButton.click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('praxis.merkliste'))).toBe('[]');
  });

  it('shows, compares and trims a list from its address without JavaScript', async () => {
    const hits = (await searchHits('sort=title&region=Arnsberg')).slice(0, 3);
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/merkliste?ids=${hits.map((hit) => hit.documentId).join(',')}`);
    expect(await listTitles(page)).toEqual(hits.map((hit) => hit.title));
    expect(await page.locator(`button${hooks.button.selector}`).count()).toBe(0);
    await page.locator('.bookmark-list input[type="checkbox"]').nth(1).uncheck();
    await page.getByRole('button', { name: 'Ausgewählte vergleichen' }).click();
    await page.waitForURL(/\/merkliste\/vergleich\?/);
    expect(await columnTitles(page)).toEqual([hits[0]!.title, hits[2]!.title]);
    await page.getByRole('link', { name: `„${hits[2]!.title}“ aus dem Vergleich entfernen` }).click();
    expect(await columnTitles(page)).toEqual([hits[0]!.title]);
    expect(await page.locator('.problem').textContent()).toContain('mindestens zwei');

    const english = (await searchHits('locale=en&sort=title')).slice(0, 2);
    await page.goto(`/en/saved-list?ids=${english.map((hit) => hit.documentId).join(',')}`);
    expect(await listTitles(page)).toEqual(english.map((hit) => hit.title));
    expect(await page.locator('h1').textContent()).toBe('Saved list');
    expect(await page.locator('#share-url').inputValue()).toMatch(/\/en\/saved-list\?ids=/);
  });

  it('"Merken" works without JavaScript: it opens the Merkliste address with that case study (detail page, search page, English)', async () => {
    const [first] = await searchHits('sort=newest');
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele/${first!.slug}`);
    await bookmarkButton(page, '.case-study', first!.documentId).click();
    await page.waitForURL(/\/merkliste\?ids=/);
    expect(idsOf(page.url())).toEqual([first!.documentId]);
    expect(await listTitles(page)).toEqual([first!.title]);

    // On the search page "Merken" sits inside the search form: it submits its own form, not the search.
    const [english] = await searchHits('locale=en&sort=title');
    await page.goto('/en/case-studies?sort=title');
    await bookmarkButton(page, searchPageHooks.hits.selector, english!.documentId).click();
    await page.waitForURL(/\/en\/saved-list\?ids=/);
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['ids']);
    expect(await listTitles(page)).toEqual([english!.title]);
  });

  it('prints the comparison on landscape pages and downloads the compared case studies as Excel and CSV', async () => {
    const hits = (await searchHits('sort=title')).slice(0, 3);
    const ids = hits.map((hit) => hit.documentId).join(',');
    const page = await openPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await page.goto(`/merkliste/vergleich?ids=${ids}`);
    const print = page.getByRole('button', { name: 'Den Vergleich drucken (Querformat)' });
    await print.waitFor();
    expect(await print.textContent()).toBe('Drucken');
    // The browser's print dialogue cannot be driven headless: count the calls the button makes instead.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => void (counted.printed += 1);
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Die verglichenen Praxisbeispiele als Excel-Datei' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^merkliste-\d{4}-\d\d-\d\d\.xlsx$/);
    const [sheet] = await readXlsxFile(readFileSync(await download.path()));
    const [headers, ...rows] = sheet!.data;
    expect(rows.map((row) => row[0])).toEqual(await columnTitles(page));
    expect(headers).toEqual(expect.arrayContaining(['Personal (Vollzeitstellen)', 'Budget pro Jahr', 'Dauer (Monate)', 'Kontakt: E-Mail']));
    expect(await page.getByRole('link', { name: 'Die verglichenen Praxisbeispiele als CSV-Datei' }).getAttribute('href')).toBe(`/export.csv?ids=${ids}`);

    // Printed: no buttons, links or hints, the table whole on A4 landscape.
    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(false);
    expect(await page.locator('.downloads').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Zur Merkliste' }).isVisible()).toBe(false);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'vergleich-druck.png'), fullPage: true });
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    const [, , width, height] = (await pdf.getPage(1)).view;
    expect(width).toBeGreaterThan(height!);
    await page.emulateMedia({ media: 'screen' });

    // Without JavaScript no button that could not print; the downloads work all the same. English too.
    const plain = await openPage({ javaScriptEnabled: false });
    await plain.goto(`/merkliste/vergleich?ids=${ids}`);
    expect(await plain.locator(`button${printHooks.button.selector}`).isVisible()).toBe(false);
    expect(await plain.getByRole('link', { name: 'Die verglichenen Praxisbeispiele als Excel-Datei' }).getAttribute('href')).toBe(`/export.xlsx?ids=${ids}`);
    const english = (await searchHits('locale=en&sort=title'))
      .slice(0, 2)
      .map((hit) => hit.documentId)
      .join(',');
    await plain.goto(`/en/saved-list/compare?ids=${english}`);
    expect(await plain.getByRole('link', { name: 'The compared case studies as an Excel file' }).getAttribute('href')).toBe(`/en/export.xlsx?ids=${english}`);
  });

  it('answers bad lists with a 400 that says what is wrong, and names what is no longer published', async () => {
    const site = inject('siteUrl');
    const api = await fetch(`${site}/api/bookmarks?ids=${encodeURIComponent('../etc')}`);
    expect(api.status).toBe(400);
    expect(await api.text()).toContain('is not a case-study id');
    const tooMany = await fetch(`${site}/api/bookmarks/compare?ids=a1,b2,c3,d4,e5`);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain('at most 4');

    const page = await openPage();
    const response = await page.goto('/merkliste/vergleich?ids=a1,b2,c3,d4,e5');
    expect(response?.status()).toBe(400);
    expect(await page.locator('.problem').textContent()).toContain('Höchstens vier');
    const invalid = await page.goto('/merkliste?ids=%3Cscript%3E');
    expect(invalid?.status()).toBe(400);
    expect(await page.locator('.problem').textContent()).toContain('keine gültige Merkliste');

    const [hit] = await searchHits('sort=title');
    await page.goto(`/merkliste?ids=${hit!.documentId},zzzznotpublished`);
    expect(await listTitles(page)).toEqual([hit!.title]);
    expect(await page.locator('.missing').textContent()).toContain('Ein Praxisbeispiel der Liste ist nicht (mehr) auf Deutsch veröffentlicht.');
  });

  for (const [name, listPath, comparePath, viewport] of [
    ['German', '/merkliste', '/merkliste/vergleich', { width: 1280, height: 900 }],
    ['English', '/en/saved-list', '/en/saved-list/compare', { width: 1280, height: 900 }],
    ['a phone', '/merkliste', '/merkliste/vergleich', { width: 390, height: 844 }],
  ] as const) {
    it(`has no axe violations on the Merkliste and the comparison in ${name}`, async () => {
      const locale = listPath.startsWith('/en') ? 'locale=en&' : '';
      const ids = (await searchHits(`${locale}sort=title`))
        .slice(0, 3)
        .map((hit) => hit.documentId)
        .join(',');
      const page = await openPage({ viewport });
      for (const path of [listPath, `${listPath}?ids=${ids}`, `${comparePath}?ids=${ids}`]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
  }
});
