// axe in Chromium: WCAG 2.1 A and AA rules on the home and search pages.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';

const PAGES = [
  ['home', '/'],
  ['home (English)', '/en'],
  ['search', '/praxisbeispiele'],
  ['search with query and facets', '/praxisbeispiele?q=Kita&region=Arnsberg&topic=bewegung'],
  ['search without results', '/praxisbeispiele?q=Kita&status=verstetigt&region=Detmold&setting=online'],
  ['search (English)', '/en/case-studies?topic=bewegung'],
];

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const [name, path] of PAGES) {
    it(`finds no violations on ${name}`, async () => {
      const page = await openPage();
      await page.goto(path!);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  it('finds no violations on the search page on a phone with the filter drawer open', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/praxisbeispiele');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Filter anzeigen' }).click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
