// The search page in Chromium: typing, facets, shareable URLs, history, no-JS form, keyboard, mobile drawer.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { facetOptionId, searchPageHooks as hooks, townComboboxHooks as town } from '@praxis/web/hooks';
import { openPage } from './support/browser.ts';

const resultCount = (page: Page) => page.locator(hooks.resultCount.selector).innerText();
const titles = (page: Page) => page.locator(`${hooks.hits.selector} h3`).allInnerTexts();
const facet = (page: Page, param: string, value: string) => page.locator(`#${facetOptionId(param, value)}`);
const facetCount = (page: Page, param: string, value: string) =>
  page.locator(`label[for="${facetOptionId(param, value)}"] ${town.facetCount.selector}`).innerText();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator(`${hooks.hits.selector}[aria-busy="true"]`)
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

describe('search page with JavaScript', () => {
  it('searches as you type, keeps the focus in the box and announces the count', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele');
    await settled(page);
    expect(await resultCount(page)).toBe('42 Praxisbeispiele gefunden');
    await page.locator(hooks.query.selector).pressSequentially('Kita', { delay: 40 });
    await page.waitForURL(/q=Kita/);
    await settled(page);
    await expect.poll(() => resultCount(page)).toMatch(/^\d+ Praxisbeispiele gefunden$/);
    expect(await resultCount(page)).not.toBe('42 Praxisbeispiele gefunden');
    expect(await focusedId(page)).toBe(hooks.query.name);
    expect(await page.locator(`[role="status"][aria-live="polite"]${hooks.resultCount.selector}`).count()).toBe(1);
    expect(await page.locator(`${hooks.hits.selector} mark`).count()).toBeGreaterThan(0);
  });

  it('ticks facets: the results narrow, other facets recount, the facet keeps its own counts, focus stays', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele');
    await settled(page);
    const blockCountBefore = await facetCount(page, 'buildingBlock', 'gesundes-aufwachsen');
    const regionCountBefore = await facetCount(page, 'region', 'Arnsberg');
    await facet(page, 'buildingBlock', 'aktive-nachbarschaft').check();
    await page.waitForURL(/buildingBlock=aktive-nachbarschaft/);
    await settled(page);
    await expect.poll(() => resultCount(page)).not.toBe('42 Praxisbeispiele gefunden');
    expect(await facetCount(page, 'buildingBlock', 'gesundes-aufwachsen')).toBe(blockCountBefore);
    expect(await facetCount(page, 'region', 'Arnsberg')).not.toBe(regionCountBefore);
    expect(await focusedId(page)).toBe(facetOptionId('buildingBlock', 'aktive-nachbarschaft'));
    await expect.poll(() => page.locator('.chip').allInnerTexts()).toEqual([expect.stringContaining('Aktive Nachbarschaft')]);
  });

  it('narrows the Kreis list to the chosen Regierungsbezirk', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele?region=Detmold');
    await settled(page);
    const districts = await page.locator('fieldset:has(legend:text("Kreis / kreisfreie Stadt")) label .name').allInnerTexts();
    expect(districts).toEqual(expect.arrayContaining(['Bielefeld', 'Kreis Lippe', 'Kreis Höxter', 'Kreis Paderborn']));
    expect(districts).not.toContain('Dortmund');
    expect(districts).toHaveLength(7);
  });

  it('gives a shareable URL: a fresh browser shows the same results; back and forward restore the states', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele');
    await settled(page);
    await facet(page, 'topic', 'bewegung').check();
    await page.waitForURL(/topic=bewegung/);
    await page.locator(hooks.sort.selector).selectOption('title');
    await page.waitForURL(/sort=title/);
    await settled(page);
    const shared = page.url();
    const sharedTitles = await titles(page);
    expect(sharedTitles.length).toBeGreaterThan(0);

    const fresh = await openPage();
    await fresh.goto(shared);
    await settled(fresh);
    expect(await titles(fresh)).toEqual(sharedTitles);
    expect(await facet(fresh, 'topic', 'bewegung').isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('sort='));
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('topic='));
    await settled(page);
    await expect.poll(() => resultCount(page)).toBe('42 Praxisbeispiele gefunden');
    expect(await facet(page, 'topic', 'bewegung').isChecked()).toBe(false);
    await page.goForward();
    await page.waitForURL(/topic=bewegung/);
    await expect.poll(() => facet(page, 'topic', 'bewegung').isChecked()).toBe(true);
  });

  it('suggests dropping a constraint when nothing matches, with the count it would give', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele?q=Kita&status=verstetigt&region=Detmold&setting=online');
    await settled(page);
    await expect.poll(() => page.locator('#empty-heading').innerText()).toBe('Keine Praxisbeispiele gefunden');
    const suggestion = page.locator('.empty-state li').first();
    const [, count] = /\((\d+) Treffer\)/.exec(await suggestion.innerText()) ?? [];
    expect(Number(count)).toBeGreaterThan(0);
    await suggestion.locator('a').click();
    await settled(page);
    await expect.poll(() => resultCount(page)).toBe(`${count === '1' ? 'Ein Praxisbeispiel gefunden' : `${count} Praxisbeispiele gefunden`}`);
  });

  it('offers "Meinten Sie …?" with the words the case studies use when a misspelt search finds nothing', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele?q=Gewalltprevenzion');
    await settled(page);
    await expect.poll(() => page.locator('#empty-heading').innerText()).toBe('Keine Praxisbeispiele gefunden');
    const suggestion = page.locator('.did-you-mean');
    // Six: the Herne project's title, and five whose topic is "Gewalt- und Mobbingprävention".
    expect(await suggestion.innerText()).toMatch(/^Meinten Sie „Gewaltprävention“\? \(6 Treffer\)$/);
    await suggestion.getByRole('link', { name: '„Gewaltprävention“' }).click();
    await settled(page);
    await expect.poll(() => resultCount(page)).toBe('6 Praxisbeispiele gefunden');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Gewaltprävention');
  });

  it('is usable with the keyboard alone: skip link, facet by Space, town type-ahead by arrow and Enter', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele');
    await settled(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.className, document.activeElement?.textContent])).toEqual(['skip-link', 'Zu den Filtern']);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe(hooks.filtersHeading.name);
    let tabs = 0;
    while ((await focusedId(page)) !== facetOptionId('buildingBlock', 'gesundes-aufwachsen') && tabs < 30) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    await page.keyboard.press('Space');
    await page.waitForURL(/buildingBlock=gesundes-aufwachsen/);
    await page.locator(town.input.selector).focus();
    await page.keyboard.type('Lün');
    // The towns' names load when the field is first focused: the list opens once they are there.
    const options = page.locator(`${town.options.selector} li`);
    await options.first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator(town.input.selector).getAttribute('aria-activedescendant')).toBe('town-option-05978024');
    // The option the arrows are on stands out to the eye too: the script makes the options, the component's styles must reach them.
    const active = options.and(page.locator(town.activeOption.selector));
    expect(await active.getAttribute('id')).toBe('town-option-05978024');
    const background = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(active)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await background(active)).not.toBe(await background(page.locator(town.options.selector)));
    await page.keyboard.press('Enter');
    await page.waitForURL(/municipality=05978024/);
    await settled(page);
    await expect.poll(() => page.locator('.chip').allInnerTexts()).toEqual([expect.stringContaining('Gesundes Aufwachsen'), expect.stringContaining('Lünen')]);
  });

  it('opens the filters in a drawer on a phone and returns focus when it closes', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/praxisbeispiele');
    await settled(page);
    const filters = page.locator(hooks.filters.selector);
    expect(await filters.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filter anzeigen' }).click();
    expect(await filters.isVisible()).toBe(true);
    expect(await focusedId(page)).toBe(hooks.filtersHeading.name);
    await facet(page, 'status', 'laufend').check();
    await page.waitForURL(/status=laufend/);
    await page.keyboard.press('Escape');
    expect(await filters.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Filter anzeigen (1)');
  });

  it('speaks English at /en/case-studies', async () => {
    const page = await openPage();
    await page.goto('/en/case-studies');
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('h1').innerText()).toBe('Case studies');
    expect(await resultCount(page)).toBe('12 case studies found');
  });

  it('asks "Did you mean …?" in English, with the English case studies\' words', async () => {
    const page = await openPage();
    await page.goto('/en/case-studies?q=kounsellinng');
    await settled(page);
    expect(await page.locator('.did-you-mean').innerText()).toMatch(/^Did you mean “counselling”\? \(\d+ results\)$/);
    await page.locator('.did-you-mean a').click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'counselling');
    await settled(page);
    await expect.poll(() => resultCount(page)).toMatch(/^\d+ case studies found$/);
  });
});

describe('search page without JavaScript', () => {
  it('works as a GET form: query, facet and sort are submitted and rendered by the server', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/praxisbeispiele');
    await page.locator(hooks.query.selector).fill('Eltern');
    await facet(page, 'region', 'Arnsberg').check();
    await page.locator(hooks.sort.selector).selectOption('title');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/q=Eltern/);
    const url = new URL(page.url());
    expect(url.searchParams.get('region')).toBe('Arnsberg');
    expect(url.searchParams.get('sort')).toBe('title');
    const api = (await (await fetch(`${new URL(page.url()).origin}/api/search?q=Eltern&region=Arnsberg&sort=title`)).json()) as {
      total: number;
      hits: { title: string }[];
    };
    expect(await resultCount(page)).toBe(`${api.total} Praxisbeispiele gefunden`);
    expect(await titles(page)).toEqual(api.hits.map((hit) => hit.title));
    await page.locator('.chip').first().click();
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
  });

  it('filters "In anderen Kommunen übernommen" without JavaScript, with its chip and counts from the API', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/praxisbeispiele');
    const group = page.locator('fieldset:has(legend:text("Nachnutzung"))');
    expect(await group.locator('label').allInnerTexts()).toEqual([
      expect.stringMatching(/^In anderen Kommunen übernommen/),
      expect.stringMatching(/^Noch nicht übernommen/),
    ]);
    await facet(page, 'transferred', 'true').check();
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/transferred=true/);
    const api = (await (await fetch(`${new URL(page.url()).origin}/api/search?transferred=true`)).json()) as { total: number; hits: { title: string }[] };
    expect(api.total).toBeGreaterThan(0);
    expect(await resultCount(page)).toBe(`${api.total} Praxisbeispiele gefunden`);
    expect(await titles(page)).toEqual(api.hits.map((hit) => hit.title));
    expect(await page.locator('.chip').allInnerTexts()).toContainEqual(expect.stringContaining('In anderen Kommunen übernommen'));
    await page.screenshot({ path: '/tmp/t2-transferred.png', fullPage: true });
  });

  it('answers a malformed search link with 400 and says what is wrong', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    const response = await page.goto('/praxisbeispiele?topic=raumfahrt&page=abc');
    expect(response?.status()).toBe(400);
    const alert = await page.getByRole('alert').innerText();
    expect(alert).toContain('topic');
    expect(alert).toContain('page');
  });
});
