// The keyboard's way through the search page, pressed with the real keyboard: from the top of the
// page to the first result in at most 15 Tab presses (the skip link "Zu den Ergebnissen" passes
// the filters), "Zu den Filtern" to the filters (on a phone it opens the drawer), and long facet
// groups collapsed behind "alle N anzeigen", a disclosure that says whether it is open.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { facetOptionId, searchPageHooks as hooks } from '@praxis/web/hooks';
import { openPage } from './support/browser.ts';

const MAX_TABS = 15;

const LANGUAGES = [
  { name: 'German', path: '/praxisbeispiele?q=Schwimmen', toResults: 'Zu den Ergebnissen', toFilters: 'Zu den Filtern', showAll: /^alle (\d+) anzeigen$/ },
  { name: 'English', path: '/en/case-studies?q=swimming', toResults: 'Skip to results', toFilters: 'Skip to filters', showAll: /^show all (\d+)$/ },
];

async function ready(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator(`${hooks.page.selector}${hooks.enhanced.selector}`).waitFor();
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    text: document.activeElement?.textContent?.trim() ?? '',
    id: document.activeElement?.id ?? '',
    tag: document.activeElement?.tagName ?? '',
  }));

/** Whether the focused element is the first result's title link. */
const onFirstResult = (page: Page) =>
  page.evaluate((hits) => document.activeElement === document.querySelector(`${hits} li:first-child .title a`), hooks.hits.selector);

/** The accessibility tree's "expanded" state of the element `selector` finds, as Chromium tells screen readers. */
async function expandedState(page: Page, selector: string): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.properties?.find((property) => property.name === 'expanded')?.value.value as boolean | undefined;
}

describe('the keyboard path through the search page', () => {
  for (const language of LANGUAGES) {
    it(`reaches the first result in at most ${MAX_TABS} Tab presses from the top, through "${language.toResults}" (${language.name})`, async () => {
      const page = await openPage({ viewport: { width: 1280, height: 800 } });
      await ready(page, language.path);
      let tabs = 0;
      while (!(await onFirstResult(page)) && tabs < 60) {
        await page.keyboard.press('Tab');
        tabs += 1;
        if ((await focused(page)).text === language.toResults) await page.keyboard.press('Enter');
      }
      expect(await onFirstResult(page)).toBe(true);
      expect(tabs).toBeLessThanOrEqual(MAX_TABS);
      // The first Tab press lands on the skip link, the second on the one to the filters.
      await ready(page, language.path);
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(language.toResults);
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(language.toFilters);
    });

    it(`goes to the filters by "${language.toFilters}" and opens a long facet group from the keyboard (${language.name})`, async () => {
      const page = await openPage({ viewport: { width: 1280, height: 800 } });
      await ready(page, language.path.replace(/\?.*/, ''));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe(facetOptionId('buildingBlock', 'aktive-nachbarschaft'));

      // The Kreise: the first five, then "alle N anzeigen"; Tab passes the hidden ones.
      const group = page.locator('fieldset:has(#district-more)');
      const summary = group.locator('summary');
      const total = Number(language.showAll.exec((await summary.locator('.show-all').innerText()).trim())?.[1]);
      expect(total).toBe(await group.locator('input[type="checkbox"]').count());
      expect(total).toBeGreaterThan(7);
      expect(await group.locator('input[type="checkbox"]:visible').count()).toBe(5);
      expect(await expandedState(page, '#district-more > summary')).toBe(false);
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await group.locator('input[type="checkbox"]:visible').count()).toBe(total);
      expect(await expandedState(page, '#district-more > summary')).toBe(true);
      // The focus stays on the disclosure; the next Tab is the sixth Kreis.
      expect((await focused(page)).tag).toBe('SUMMARY');
      await page.keyboard.press('Tab');
      const sixth = await group.locator('input[type="checkbox"]').nth(5).getAttribute('id');
      expect((await focused(page)).id).toBe(sixth);
      // Ticking it searches again; the group stays open and the box keeps the focus.
      await page.keyboard.press('Space');
      await page.waitForURL(/district=/);
      await expect.poll(async () => (await focused(page)).id).toBe(sixth);
      expect(await page.locator('#district-more').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    });
  }

  it('opens the drawer by "Zu den Filtern" on a phone', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await ready(page, '/praxisbeispiele');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Zu den Filtern');
    await page.keyboard.press('Enter');
    await page.locator(`${hooks.filters.selector}${hooks.drawerOpen.selector}`).waitFor();
    expect((await focused(page)).id).toBe(hooks.filtersHeading.name);
    // Its button to the results is on the screen, not below it.
    const done = await page.locator(hooks.drawerDone.selector).boundingBox();
    expect(done!.y + done!.height).toBeLessThanOrEqual(844);
  });
});
