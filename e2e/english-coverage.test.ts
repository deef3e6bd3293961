// The English pages say what they cover: how many case studies exist only in German, with a list
// of them, each linked to its German page and marked as German (hreflang and lang="de"); the
// statistics say which language they count. The German pages carry no such notice.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { published, type PublishedEntry } from './support/cms.ts';

const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
const screenshot = async (page: Page, name: string, fullPage = false) => {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
};

let germanOnly: PublishedEntry[] = [];
let englishCount = 0;
beforeAll(async () => {
  const [de, en] = await Promise.all([published('de'), published('en')]);
  const inEnglish = new Set(en.map((entry) => entry.documentId));
  germanOnly = de.filter((entry) => !inEnglish.has(entry.documentId));
  englishCount = en.length;
});

describe('English pages and the case studies only in German', () => {
  it('the demo content has case studies only in German (or this test could not fail)', () => {
    expect(germanOnly.length).toBeGreaterThan(1);
    expect(englishCount).toBeGreaterThan(0);
  });

  it('home, search and statistics in English name how many exist only in German and link to their list', async () => {
    const page = await openPage({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    for (const path of ['/en', '/en/case-studies', '/en/statistics']) {
      await page.goto(path);
      const notice = page.locator('.german-only-notice');
      await expect.poll(() => notice.textContent(), { message: path }).toContain(`${germanOnly.length} more case studies are available only in German`);
      expect(await notice.locator('a').first().getAttribute('href'), path).toBe('/en/case-studies-in-german');
      expect(await notice.locator('a').first().textContent()).toBe(`See the list of all ${germanOnly.length} (in German)`);
      await screenshot(page, `english-coverage${path.replaceAll('/', '-')}-320`);
    }
    // The statistics: which language they count, and the German page for all of them, marked as German.
    await page.goto('/en/statistics');
    expect(await page.locator('.intro').first().textContent()).toContain(`Figures on the ${englishCount} case studies published in English`);
    const germanStatistics = page.locator('.german-only-notice a[hreflang="de"]');
    expect(await germanStatistics.getAttribute('href')).toBe('/statistik');
    expect(await germanStatistics.getAttribute('lang')).toBe('de');
    expect(await page.locator('.german-only-notice').textContent()).toMatch(/Statistik zum Programm\s+\(in German\)/);
  });

  it('lists exactly the case studies only in German, each a German link marked "(in German)", and passes axe', async () => {
    // With JavaScript: axe runs in the page.
    const page = await openPage();
    expect((await page.goto('/en/case-studies-in-german'))?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Case studies only in German');
    expect(await page.locator('.intro').textContent()).toContain(`These ${germanOnly.length} case studies are published in German`);
    const items = await page.locator('.list li').evaluateAll((elements) =>
      elements.map((item) => {
        const link = item.querySelector('a')!;
        return {
          href: link.getAttribute('href'),
          hreflang: link.getAttribute('hreflang'),
          lang: link.getAttribute('lang'),
          text: item.textContent!.replace(/\s+/g, ' '),
        };
      }),
    );
    expect(items.map((item) => item.href).sort()).toEqual(germanOnly.map((entry) => `/praxisbeispiele/${entry.slug}`).sort());
    for (const item of items) {
      expect(item).toMatchObject({ hreflang: 'de', lang: 'de' });
      expect(item.text).toContain('(in German)');
    }
    // Each link leads to a German page that exists.
    const first = germanOnly[0]!;
    await page.locator(`a[href="/praxisbeispiele/${first.slug}"]`).click();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^de/);
    expect(await page.locator('h1').textContent()).toBe(first.title);

    await page.goto('/en/case-studies-in-german');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'english-coverage-list', true);
  });

  it('the German pages carry no notice; the German list says the same in German', async () => {
    const page = await openPage();
    for (const path of ['/', '/praxisbeispiele', '/statistik']) {
      await page.goto(path);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.locator('.german-only-notice').count(), path).toBe(0);
    }
    await page.goto('/nur-auf-deutsch');
    expect(await page.locator('.intro').textContent()).toBe(`Diese ${germanOnly.length} Praxisbeispiele gibt es nur auf Deutsch, noch nicht auf Englisch.`);
    expect(await page.locator('.list li').count()).toBe(germanOnly.length);
    expect(await axeViolations(page)).toEqual([]);
  });
});
