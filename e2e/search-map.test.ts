// The map view of the search (/praxisbeispiele/karte): the same counts as /api/search, Kreise
// and dots as links that filter the list, a table with the same numbers, zoom to a Regierungsbezirk.
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';

const COMBINATIONS = [
  '',
  'q=Eltern',
  'buildingBlock=gesundes-aufwachsen&topic=bewegung',
  'region=Arnsberg&status=laufend',
  'townSize=20000-50000&targetGroup=eltern&fundingFrom=2020',
];

async function facets(query: string): Promise<{ district: Record<string, number>; municipality: Record<string, number> }> {
  const answer = (await (await fetch(`${inject('siteUrl')}/api/search?${query}`)).json()) as {
    facets: { district: Record<string, number>; municipality: Record<string, number> };
  };
  return answer.facets;
}

describe('search map', () => {
  it(`shows the facet counts of /api/search on the map and in its table for ${COMBINATIONS.length} searches`, async () => {
    for (const query of COMBINATIONS) {
      const expected = await facets(query);
      const html = await (await fetch(`${inject('siteUrl')}/praxisbeispiele/karte?${query}`)).text();
      const shown: Record<string, number> = {};
      for (const [, ags, count] of html.matchAll(/<a href="[^"]*district=(\d{5})[^"]*" class="district"[^>]*aria-label="[^"]*: (\d+) Praxisbeispiel/g))
        shown[ags!] = Number(count);
      const zoomed = query.includes('region=');
      const nonZero = Object.fromEntries(Object.entries(shown).filter(([, count]) => count > 0));
      expect(nonZero, query).toEqual(expected.district);
      if (!zoomed) expect(Object.keys(shown), query).toHaveLength(53);
      const dots = [...html.matchAll(/class="town"[^>]*aria-label="[^"]*: (\d+) Praxisbeispiel/g)].map(([, count]) => Number(count));
      expect(dots.sort(), query).toEqual(Object.values(expected.municipality).sort());
      // The table: the Kreise with hits, most first.
      const rows = [
        ...html.matchAll(/<th scope="row"[^>]*><a href="[^"]*district=(\d{5})[^"]*"[^>]*>[^<]*<\/a> <span[^>]*>[^<]*<\/span><\/th><td[^>]*>(\d+)<\/td>/g),
      ];
      expect(Object.fromEntries(rows.map(([, ags, count]) => [ags!, Number(count)])), query).toEqual(nonZero);
      const counts = rows.map(([, , count]) => Number(count));
      expect(counts, query).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it('switches from the list to the map and filters the list by a clicked Kreis, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await openPage({ javaScriptEnabled });
      await page.goto('/praxisbeispiele?q=Eltern');
      await page.getByRole('link', { name: 'Karte', exact: true }).click();
      await page.waitForURL(/\/praxisbeispiele\/karte\?q=Eltern$/);
      const kreis = page.locator('a.district[aria-label*=": 1 Praxisbeispiel"], a.district[aria-label*="Praxisbeispiele"]:not([aria-label*=": 0 "])').first();
      const ags = await kreis.getAttribute('data-ags');
      const count = Number(/: (\d+) Praxis/.exec((await kreis.getAttribute('aria-label'))!)![1]);
      // By keyboard: a pointer could land on a town's dot drawn over the Kreis.
      await kreis.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/praxisbeispiele\\?q=Eltern&district=${ags}$`));
      expect(await page.locator('.result-count').innerText()).toBe(count === 1 ? 'Ein Praxisbeispiel gefunden' : `${count} Praxisbeispiele gefunden`);
      expect(await page.locator(`#facet-district-${ags}`).isChecked()).toBe(true);
      await page.context().close();
    }
  });

  it('zooms to a chosen Regierungsbezirk, and shows the Kreis under the keyboard focus by name', async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele/karte?region=Detmold');
    expect(await page.locator('a.district').count()).toBe(7);
    expect(await page.locator('.search-map svg').getAttribute('viewBox')).not.toBe('0 0 400 395');
    const first = page.locator('a.district').first();
    await first.focus();
    const label = page.locator(`.label[data-for="${await first.getAttribute('data-ags')}"]`);
    expect(await label.evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
  });

  it('names the Kreise that have room for it, inside their shape and apart from each other; the one under the pointer by its count', async () => {
    const page = await openPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/praxisbeispiele/karte');
    const names = await page.locator('.search-map text.name').evaluateAll((texts) =>
      texts.map((text) => {
        const ags = text.getAttribute('data-for')!;
        const own = document.querySelector(`a.district[data-ags="${ags}"] path`)!.getBoundingClientRect();
        const { left, right, top, bottom } = text.getBoundingClientRect();
        return {
          ags,
          text: text.textContent!.trim(),
          box: { left, right, top, bottom },
          own: { left: own.left, right: own.right, top: own.top, bottom: own.bottom },
        };
      }),
    );
    expect(names.map((name) => name.text)).toEqual(expect.arrayContaining(['Lippe', 'Borken', 'Steinfurt', 'Hochsauerlandkreis']));
    for (const name of names) {
      expect(name.box.left, name.text).toBeGreaterThanOrEqual(name.own.left);
      expect(name.box.right, name.text).toBeLessThanOrEqual(name.own.right);
      expect(name.box.top, name.text).toBeGreaterThanOrEqual(name.own.top);
      expect(name.box.bottom, name.text).toBeLessThanOrEqual(name.own.bottom);
      for (const other of names) {
        if (other === name) continue;
        const apart =
          name.box.right <= other.box.left || name.box.left >= other.box.right || name.box.bottom <= other.box.top || name.box.top >= other.box.bottom;
        expect(apart, `${name.text} / ${other.text}`).toBe(true);
      }
    }
    // Under the pointer the name gives way to the name with its count.
    const lippe = names.find((name) => name.text === 'Lippe')!;
    await page.mouse.move((lippe.box.left + lippe.box.right) / 2, (lippe.box.top + lippe.box.bottom) / 2);
    const visibility = (selector: string) => page.locator(selector).evaluate((element) => getComputedStyle(element).visibility);
    expect(await visibility(`.label[data-for="${lippe.ags}"]`)).toBe('visible');
    expect(await visibility(`.name[data-for="${lippe.ags}"]`)).toBe('hidden');
    // On a phone they would be too small to read: the table below gives the names.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.locator('.search-map text.name').first().isVisible()).toBe(false);
  });

  it("shows every Kreis's count in view on a 320 px phone, in both languages", async () => {
    for (const [path, countHeading] of [
      ['/praxisbeispiele/karte', 'Anzahl'],
      ['/en/case-studies/map', 'Number'],
    ] as const) {
      const page = await openPage({ viewport: { width: 320, height: 640 } });
      await page.goto(path);
      expect(await page.locator('.district-table thead th').last().innerText()).toBe(countHeading);
      const cells = await page
        .locator('.district-table tbody td:last-child')
        .evaluateAll((tds) => tds.map((td) => ({ right: td.getBoundingClientRect().right, text: td.textContent!.trim() })));
      expect(cells.length, path).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.right, path).toBeLessThanOrEqual(320);
        expect(Number(cell.text), path).toBeGreaterThan(0);
      }
      await page.context().close();
    }
  });

  for (const [name, path, viewport] of [
    ['German', '/praxisbeispiele/karte?q=Kita', { width: 1280, height: 900 }],
    ['English', '/en/case-studies/map?region=Arnsberg', { width: 1280, height: 900 }],
    ['a phone', '/praxisbeispiele/karte', { width: 390, height: 844 }],
  ] as const) {
    it(`has no axe violations in ${name}`, async () => {
      const page = await openPage({ viewport });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
