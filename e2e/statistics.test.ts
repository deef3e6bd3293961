// The statistics page: every number equals a brute-force count over the index, every bar leads to
// a search with exactly that many hits, it works without JavaScript and passes axe.
import { createMeiliClient, FACETS, type SearchDocument } from '@praxis/search';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { publishedTransfers } from './support/cms.ts';

let docs: SearchDocument[] = [];
beforeAll(async () => {
  const client = createMeiliClient(inject('meiliUrl'), inject('masterKey'));
  docs = (await client.index('case-studies-de').getDocuments<SearchDocument>({ limit: 10_000 })).results;
});

/** How many documents have each value of a search parameter's attribute. */
function bruteForce(param: keyof typeof FACETS): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const raw = doc[FACETS[param]] as unknown;
    const values = Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw];
    for (const value of new Set(values.map(String))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

interface ChartTable {
  value: string;
  text: string;
  href: string;
}

describe('statistics page', () => {
  it("counts every chart exactly as a brute-force count over the index, and each bar's search finds that many", async () => {
    const page = await openPage({ javaScriptEnabled: false });
    const response = await page.goto('/statistik');
    expect(response?.status()).toBe(200);
    expect(await page.locator('.intro').first().textContent()).toContain(`${docs.length} auf Deutsch`);
    const tables = await page.locator('table[data-chart]').evaluateAll(
      (elements) =>
        Object.fromEntries(
          elements.map((table) => [
            table.getAttribute('data-chart'),
            [...table.querySelectorAll('tbody tr')].map((row) => ({
              value: row.getAttribute('data-value')!,
              text: row.querySelector('td')!.textContent!.trim(),
              href: row.querySelector('a')!.getAttribute('href')!,
            })),
          ]),
        ) as Record<string, ChartTable[]>,
    );

    const site = inject('siteUrl');
    for (const param of ['buildingBlock', 'region', 'targetGroup', 'topic', 'setting', 'status', 'fundingStart'] as const) {
      const rows = tables[`chart-${param}`]!;
      const expected = bruteForce(param);
      expect(rows.length, param).toBeGreaterThanOrEqual(expected.size);
      for (const row of rows) {
        expect(Number(row.text), `${param}=${row.value}`).toBe(expected.get(row.value) ?? 0);
        // The bar's link: the search with this one filter finds exactly the bar's number.
        const query = new URL(row.href, site).searchParams;
        expect([...query.keys()], row.href).toEqual([param]);
        const { total } = (await (await fetch(`${site}/api/search?${query}&pageSize=1`)).json()) as { total: number };
        expect(total, row.href).toBe(Number(row.text));
      }
    }

    // Verstetigt per Baustein: "<share> % (<count> von <total>)".
    for (const row of tables['chart-continued']!) {
      const inBlock = docs.filter((doc) => doc.buildingBlockSlug === row.value);
      const continued = inBlock.filter((doc) => doc.status === 'verstetigt').length;
      const percent = inBlock.length ? Math.round((continued / inBlock.length) * 100) : 0;
      expect(row.text).toBe(`${percent} % (${continued} von ${inBlock.length})`);
      expect(new URL(row.href, site).search).toBe(`?buildingBlock=${row.value}&status=verstetigt`);
    }

    // The Kreise on the map: the same counts as a brute force, each Kreis a link; the table lists those with case studies.
    const districts = bruteForce('district');
    const mapRows = await page.locator('.district-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        href: row.querySelector('a')!.getAttribute('href')!,
        count: Number(row.querySelector('td:last-child')!.textContent),
      })),
    );
    expect(mapRows).toHaveLength([...districts.values()].filter((count) => count > 0).length);
    for (const row of mapRows) expect(row.count, row.href).toBe(districts.get(new URL(row.href, site).searchParams.get('district')!) ?? 0);
  });

  it('names the most frequent value only when one leads; tied values are named together (a few) or counted (many)', async () => {
    const sentences = {
      de: {
        one: (label: string, count: number, total: number) => `Am häufigsten: ${label} mit ${count} von ${total} Praxisbeispielen.`,
        few: (labels: string, count: number, total: number) => `Gleich häufig: ${labels} mit je ${count} von ${total} Praxisbeispielen.`,
        many: (number: number, count: number, total: number) =>
          `Kein Wert überwiegt: ${number} liegen gleichauf mit je ${count} von ${total} Praxisbeispielen.`,
      },
      en: {
        one: (label: string, count: number, total: number) => `Most frequent: ${label} with ${count} of ${total} case studies.`,
        few: (labels: string, count: number, total: number) => `Equally frequent: ${labels} with ${count} of ${total} case studies each.`,
        many: (number: number, count: number, total: number) => `No single value leads: ${number} tie with ${count} of ${total} case studies each.`,
      },
    };
    const seen = new Set<string>();
    for (const [locale, path] of [
      ['de', '/statistik'],
      ['en', '/en/statistics'],
    ] as const) {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(path);
      const total = Number((await page.locator('.intro').first().textContent())!.match(/\d+/)![0]);
      const charts = await page.locator('.statistics-chart:has(table[data-chart]:not([data-chart="chart-continued"])), .district-map').evaluateAll((sections) =>
        sections.map((section) => ({
          summary: section.querySelector('.summary, h2 + p')!.textContent!.trim(),
          rows: [...section.querySelectorAll('table[data-chart] tbody tr, .district-table tbody tr')].map((row) => ({
            label: row.querySelector('a')!.textContent!.trim(),
            count: Number(row.querySelector('td:last-child')!.textContent),
          })),
        })),
      );
      expect(charts.length, path).toBe(8);
      for (const { summary, rows } of charts) {
        const highest = Math.max(...rows.map((row) => row.count));
        const leaders = rows.filter((row) => row.count === highest).map((row) => row.label);
        const sentence = sentences[locale];
        if (leaders.length === 1) expect(summary).toBe(sentence.one(leaders[0]!, highest, total));
        else if (leaders.length > 3) expect(summary).toBe(sentence.many(leaders.length, highest, total));
        else {
          const [before, after] = sentence.few('§', highest, total).split('§') as [string, string];
          expect(summary.startsWith(before) && summary.endsWith(after), summary).toBe(true);
          for (const leader of leaders) expect(summary).toContain(leader);
        }
        seen.add(leaders.length === 1 ? 'one' : leaders.length > 3 ? 'many' : 'few');
      }
    }
    // The demo content has ties (all Kreise of the English pages have one case study each).
    expect(seen.has('many') || seen.has('few')).toBe(true);
  });

  it('counts the transfers, their Kommunen and the case studies taken over most as the index and the published reports say', async () => {
    // The CMS's published reports: the demo content's and any another test file published.
    const transfers = await publishedTransfers();
    const pairs = new Set([...transfers].flatMap(([slug, towns]) => [...towns].map((ags) => `${slug} ${ags}`)));
    const towns = new Set([...transfers.values()].flatMap((ags) => [...ags]));
    const caseStudies = new Set(transfers.keys());
    // The index agrees with the CMS, so the page's figures are checked against both.
    expect(docs.reduce((sum, doc) => sum + doc.transferredTo.length, 0)).toBe(pairs.size);
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/statistik');
    const section = page.locator('section.transfers');
    expect(await section.locator('h2').textContent()).toBe('Nachnutzung in anderen Kommunen');
    expect(await section.locator('p').first().textContent()).toBe(
      `Kommunen haben ${pairs.size}-mal ein Praxisbeispiel übernommen: ${caseStudies.size} Praxisbeispiele in ${towns.size} Kommunen (aus den veröffentlichten Berichten „Nachnutzung melden“).`,
    );
    const ranked = docs
      .filter((doc) => doc.transferred)
      .sort((a, b) => b.transferredTo.length - a.transferredTo.length || a.title.localeCompare(b.title, 'de'))
      .slice(0, 5);
    expect(await section.locator('ol a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
      ranked.map((doc) => `/praxisbeispiele/${doc.slug}`),
    );
    expect(await section.locator('ol li').first().textContent()).toContain(
      ranked[0]!.transferredTo.length === 1 ? 'übernommen in einer Kommune' : `übernommen in ${ranked[0]!.transferredTo.length} Kommunen`,
    );
    await page.goto('/en/statistics');
    expect(await page.locator('section.transfers h2').textContent()).toBe('Taken over by other municipalities');
  });

  it('draws its charts as bars that are links, with a sentence saying what each shows', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/en/statistics');
    expect(await page.locator('h1').textContent()).toBe('Programme statistics');
    const charts = page.locator('.statistics-chart');
    expect(await charts.count()).toBe(8);
    for (const chart of await charts.all()) {
      expect(await chart.locator('.summary').textContent()).toMatch(/\S/);
      expect(await chart.locator('.bars a').count()).toBe(await chart.locator('tbody tr').count());
    }
    await page.locator('#chart-topic-heading').scrollIntoViewIfNeeded();
    const firstBar = page.locator('.statistics-chart').nth(3).locator('.bars a').first();
    const target = await firstBar.getAttribute('href');
    expect(target).toMatch(/^\/en\/case-studies\?topic=/);
    await firstBar.locator('rect').click();
    await page.waitForURL((url) => url.pathname === '/en/case-studies');
  });

  for (const [name, path, viewport] of [
    ['German', '/statistik', { width: 1280, height: 900 }],
    ['English', '/en/statistics', { width: 1280, height: 900 }],
    ['a phone', '/statistik', { width: 390, height: 844 }],
  ] as const) {
    it(`has no axe violations in ${name}`, async () => {
      const page = await openPage({ viewport });
      await page.goto(path);
      // The tables too, opened.
      for (const details of await page.locator('details').all()) await details.evaluate((element) => element.setAttribute('open', ''));
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
