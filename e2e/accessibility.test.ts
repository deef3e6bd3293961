// axe in Chromium: WCAG 2.2 A and AA rules on the home, search and events pages.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';

const PAGES = [
  ['home', '/'],
  ['home (English)', '/en'],
  ['search', '/praxisbeispiele'],
  ['search with query and facets', '/praxisbeispiele?q=Kita&region=Arnsberg&topic=bewegung'],
  ['search without results', '/praxisbeispiele?q=Kita&status=verstetigt&region=Detmold&setting=online'],
  ['search (English)', '/en/case-studies?topic=bewegung'],
  // The event pages are checked one by one in events.test.ts (their slugs come from the CMS).
  ['events', '/veranstaltungen'],
  ['events filtered', '/veranstaltungen?buildingBlock=gesundes-aufwachsen'],
  ['events (English)', '/en/events'],
];

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const [name, path] of PAGES) {
    it(`finds no violations on ${name}`, async () => {
      const page = await openPage();
      await page.goto(path!);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('finds no violations on the search page on a phone with the filter drawer open', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/praxisbeispiele');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Filter anzeigen' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
