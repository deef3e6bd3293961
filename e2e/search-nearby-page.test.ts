// "Kommunen wie meine" on the search page: Meine Kommune with an Umkreis, Gemeindetyp and
// Einwohnerzahl before the long place lists, and a town without hits offered its Kreis, its
// Umkreis and towns like it. With SCREENSHOTS=<dir> the phone's drawer and the offer are saved.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchPageHooks as hooks } from '@praxis/web/hooks';
import { openPage } from './support/browser.ts';

const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
const screenshot = async (page: Page, name: string, fullPage = false) => {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
};
const resultCount = (page: Page) => page.locator(hooks.resultCount.selector).innerText();
const found = (count: number) =>
  count === 0 ? 'Kein Praxisbeispiel gefunden' : count === 1 ? 'Ein Praxisbeispiel gefunden' : `${count} Praxisbeispiele gefunden`;
const apiTotal = async (page: Page, query: string) =>
  ((await (await fetch(`${new URL(page.url()).origin}/api/search?${query}`)).json()) as { total: number }).total;

const GELSENKIRCHEN = '05513000';
const EXTERTAL = '05766028';

describe('Umkreis and "Kommunen wie meine" on the search page', () => {
  it('searches within the chosen radius of "Meine Kommune" as you choose, with a chip to drop it', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele');
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Meine Kommune').selectOption(GELSENKIRCHEN);
    await page.waitForURL((url) => url.searchParams.get('near') === GELSENKIRCHEN);
    expect(new URL(page.url()).searchParams.get('radius')).toBe('25');
    await expect.poll(() => resultCount(page)).toBe(found(await apiTotal(page, `near=${GELSENKIRCHEN}&radius=25`)));
    await page.getByLabel('Umkreis', { exact: true }).selectOption('10');
    await page.waitForURL((url) => url.searchParams.get('radius') === '10');
    const within10 = await apiTotal(page, `near=${GELSENKIRCHEN}&radius=10`);
    await expect.poll(() => resultCount(page)).toBe(found(within10));
    expect(within10).toBeLessThan(await apiTotal(page, `near=${GELSENKIRCHEN}&radius=25`));
    const chip = page.locator('.chip', { hasText: 'Umkreis 10 km um Gelsenkirchen' });
    await chip.click();
    await page.waitForURL((url) => !url.searchParams.has('near'));
    // Without a town the radius is left out of the address.
    expect(new URL(page.url()).searchParams.has('radius')).toBe(false);
    await expect.poll(() => resultCount(page)).toBe(found(await apiTotal(page, '')));
  });

  it('works without JavaScript: the form sends the town and the radius, and a radius alone changes nothing', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/praxisbeispiele');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/radius=25/);
    expect(await resultCount(page)).toBe(found(await apiTotal(page, '')));
    await page.getByLabel('Meine Kommune').selectOption(GELSENKIRCHEN);
    await page.getByLabel('Umkreis', { exact: true }).selectOption('50');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL((url) => url.searchParams.get('near') === GELSENKIRCHEN);
    expect(await resultCount(page)).toBe(found(await apiTotal(page, `near=${GELSENKIRCHEN}&radius=50`)));
    expect(await page.getByLabel('Umkreis', { exact: true }).inputValue()).toBe('50');
  });

  it('speaks English at /en/case-studies: "Towns like mine", "My municipality", "Radius"', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/en/case-studies?near=${GELSENKIRCHEN}&radius=50`);
    expect(await page.locator('.towns-like-mine > legend').innerText()).toBe('Towns like mine');
    expect(await page.getByLabel('My municipality').inputValue()).toBe(GELSENKIRCHEN);
    expect(await page.getByLabel('Radius', { exact: true }).inputValue()).toBe('50');
    expect(await page.locator('.chip', { hasText: 'Within 50 km of Gelsenkirchen' }).count()).toBe(1);
    const total = await apiTotal(page, `near=${GELSENKIRCHEN}&radius=50&locale=en`);
    expect(await resultCount(page)).toMatch(new RegExp(`^${total === 0 ? 'No' : total === 1 ? 'One' : total} `));
  });

  it('puts "Kommunen wie meine", Gemeindetyp and Einwohnerzahl before the long place lists in the phone drawer', async () => {
    const page = await openPage({ viewport: { width: 320, height: 640 } });
    await page.goto('/praxisbeispiele');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: /^Filter anzeigen/ }).click();
    const legends = await page.locator(`${hooks.filters.selector} legend`).allInnerTexts();
    const at = (legend: string) => legends.indexOf(legend);
    expect(at('Kommunen wie meine')).toBeGreaterThan(at('Baustein'));
    expect(at('Gemeindetyp')).toBeGreaterThan(at('Kommunen wie meine'));
    expect(at('Einwohnerzahl')).toBeLessThan(at('Regierungsbezirk'));
    expect(at('Regierungsbezirk')).toBeLessThan(at('Kommune'));
    // "Kommunen wie meine" fits the phone (the page's own reflow at 320 px is e2e'd with issue 36's reflow item).
    const overflow = await page.evaluate(() => {
      const group = document.querySelector('.towns-like-mine')!;
      return [group, ...group.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > 320.5)
        .map((element) => element.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
    const body = page.locator(hooks.filtersBody.selector);
    const offset = await page.evaluate(
      ([bodySelector]) => {
        const scroller = document.querySelector(bodySelector!)!;
        const legend = [...scroller.querySelectorAll('legend')].find((element) => element.textContent?.trim() === 'Einwohnerzahl')!;
        return legend.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      },
      [hooks.filtersBody.selector],
    );
    // It began 3,843 px down, after 110 town checkboxes; now about 500 px.
    expect(offset).toBeLessThan(1000);
    await body.evaluate((element) => element.scrollTo(0, element.querySelector('.towns-like-mine')!.getBoundingClientRect().top - 80));
    await screenshot(page, 'drawer-320-kommunen-wie-meine');
  });

  it('offers a town without hits its Kreis, its 25-km Umkreis and towns of its size, instead of "ohne Kommune"', async () => {
    const page = await openPage({ viewport: { width: 320, height: 900 } });
    const query = `buildingBlock=gesundes-aufwachsen&municipality=${EXTERTAL}`;
    await page.goto(`/praxisbeispiele?${query}`);
    await page.waitForLoadState('networkidle');
    expect(await resultCount(page)).toBe(found(0));
    const offer = page.locator('.town-alternatives');
    expect(await offer.locator('h3').innerText()).toBe('Kommunen wie Extertal:');
    const api = (await (await fetch(`${new URL(page.url()).origin}/api/search?${query}`)).json()) as {
      townAlternatives: { alternatives: { kind: string; total: number }[] };
    };
    const total = (kind: string) => api.townAlternatives.alternatives.find((alternative) => alternative.kind === kind)!.total;
    const treffer = (count: number) => (count === 0 ? 'kein Treffer' : `${count} Treffer`);
    expect(await offer.locator('li').allInnerTexts()).toEqual([
      `im Kreis Lippe (${treffer(total('district'))})`,
      `im Umkreis von 25 km (${treffer(total('nearby'))})`,
      `Gemeinden ähnlicher Größe (${treffer(total('similar'))})`,
    ]);
    expect(await page.locator('.empty-state').innerText()).not.toContain('ohne Kommune');
    expect(await offer.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(320);
    await screenshot(page, 'town-alternatives-320', true);
    await offer.getByRole('link', { name: 'im Kreis Lippe' }).click();
    await page.waitForURL((url) => url.searchParams.get('district') === '05766');
    await expect.poll(() => resultCount(page)).toBe(found(total('district')));
  });
});
