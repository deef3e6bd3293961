// Reflow (WCAG 2.2, 1.4.10): at 320 CSS pixels (a 1280 px window zoomed to 400 %) and at a
// phone's 390, no page is wider than the window and nothing sticks out of it or is cut off: the
// reader never scrolls sideways. axe does not test this. Every kind of page, in both languages.
// With SCREENSHOTS=<dir> each page is saved there as it looks at 320 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchPageHooks } from '@praxis/web/hooks';
import { openPage } from './support/browser.ts';
import { published } from './support/cms.ts';

const WIDTHS = [320, 390];
const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });

interface PageKind {
  name: string;
  path: string;
  /** What to do once the page is there (open the filter drawer). */
  then?: (page: Page) => Promise<void>;
}

async function openDrawer(page: Page, label: string): Promise<void> {
  await page.locator(`${searchPageHooks.page.selector}${searchPageHooks.enhanced.selector}`).waitFor();
  await page.getByRole('button', { name: label }).click();
  await page.locator(`${searchPageHooks.filters.selector}${searchPageHooks.drawerOpen.selector}`).waitFor();
}

async function pageKinds(): Promise<PageKind[]> {
  const [de, en, events, enEvents] = await Promise.all([published('de'), published('en'), published('de', 'events'), published('en', 'events')]);
  const deIds = de
    .slice(0, 3)
    .map((entry) => entry.documentId)
    .join(',');
  const enIds = en
    .slice(0, 3)
    .map((entry) => entry.documentId)
    .join(',');
  return [
    { name: 'home', path: '/' },
    { name: 'search', path: '/praxisbeispiele' },
    { name: 'search with filters', path: '/praxisbeispiele?q=Eltern&region=Arnsberg&topic=elternbildung' },
    { name: 'search without results', path: '/praxisbeispiele?q=Kita&status=verstetigt&region=Detmold&setting=online' },
    { name: 'search drawer', path: '/praxisbeispiele', then: (page) => openDrawer(page, 'Filter anzeigen') },
    { name: 'map', path: '/praxisbeispiele/karte' },
    { name: 'detail', path: `/praxisbeispiele/${de[0]!.slug}` },
    { name: 'contact form', path: `/praxisbeispiele/${de[0]!.slug}/kontakt` },
    { name: 'transfer report form', path: `/praxisbeispiele/${de[0]!.slug}/nachnutzung` },
    { name: 'Merkliste', path: `/merkliste?ids=${deIds}` },
    { name: 'comparison', path: `/merkliste/vergleich?ids=${deIds}` },
    { name: 'submission form', path: '/praxisbeispiel-einreichen' },
    { name: 'statistics', path: '/statistik' },
    { name: 'open data', path: '/open-data' },
    { name: 'API documentation', path: '/api-dokumentation' },
    { name: 'methodology', path: '/so-entsteht-die-datenbank' },
    { name: 'events', path: '/veranstaltungen' },
    { name: 'event', path: `/veranstaltungen/${events[0]!.slug}` },
    { name: 'not found', path: '/gibt-es-nicht' },
    { name: 'English home', path: '/en' },
    { name: 'English search', path: '/en/case-studies?q=family' },
    { name: 'English search drawer', path: '/en/case-studies', then: (page) => openDrawer(page, 'Show filters') },
    { name: 'English map', path: '/en/case-studies/map' },
    { name: 'English detail', path: `/en/case-studies/${en[0]!.slug}` },
    { name: 'English contact form', path: `/en/case-studies/${en[0]!.slug}/contact` },
    { name: 'English transfer report form', path: `/en/case-studies/${en[0]!.slug}/transfer` },
    { name: 'English saved list', path: `/en/saved-list?ids=${enIds}` },
    { name: 'English comparison', path: `/en/saved-list/compare?ids=${enIds}` },
    { name: 'English submission form', path: '/en/submit-a-project' },
    { name: 'English statistics', path: '/en/statistics' },
    { name: 'English open data', path: '/en/open-data' },
    { name: 'English API documentation', path: '/en/api-documentation' },
    { name: 'English methodology', path: '/en/how-the-database-is-made' },
    { name: 'English events', path: '/en/events' },
    { name: 'English event', path: `/en/events/${enEvents[0]!.slug}` },
    { name: 'English not found', path: '/en/does-not-exist' },
  ];
}

/**
 * What breaks reflow on the open page: the document wider than the window, and every visible
 * element whose box reaches past the window's edge or whose text is cut off by its own box.
 * Inside a container that scrolls sideways on its own (a wide table's wrapper) nothing counts:
 * 1.4.10 allows that for content that needs two dimensions.
 */
function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((name) => `.${name}`).join('')} "${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    /** Inside something that scrolls (or clips, as the visually hidden texts do) on its own. */
    const clippedByAncestor = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow !== 'visible') return true;
      }
      return false;
    };
    /** Text for screen readers only (clipped to nothing, as .visually-hidden does). */
    const visuallyHidden = (element: Element) => {
      for (let node: Element | null = element; node; node = node.parentElement) if (getComputedStyle(node).clip === 'rect(0px, 0px, 0px, 0px)') return true;
      return false;
    };
    const outside = new Map<Element, string>();
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || element.closest('.skip-link') || visuallyHidden(element)) continue;
      const box = element.getBoundingClientRect();
      // Empty, or wholly left of the page (a form's honeypot field): nothing to scroll to.
      if (box.width === 0 || box.height === 0 || box.right <= 0) continue;
      if ((box.right > width + 1 || box.left < -1) && !clippedByAncestor(element)) {
        outside.set(element, `${describe(element)} reaches from ${Math.round(box.left)} to ${Math.round(box.right)} px`);
      }
      // A field's value scrolls inside the field by design.
      if (element.matches('input, textarea, select')) continue;
      if (style.overflowX === 'visible' || element.scrollWidth <= element.clientWidth + 1 || clippedByAncestor(element)) continue;
      // A box that scrolls sideways on its own is allowed as a named region the keyboard can scroll (a wide table).
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (!scrolls) problems.push(`${describe(element)} cuts off its content (${element.scrollWidth} px in ${element.clientWidth})`);
      else if (!element.matches('[role="region"][tabindex="0"][aria-labelledby], [role="region"][tabindex="0"][aria-label]')) {
        problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth})`);
      }
    }
    // The innermost of what sticks out: the element that makes its ancestors wide.
    for (const [element, problem] of outside) {
      if (![...outside.keys()].some((other) => other !== element && element.contains(other))) problems.push(problem);
    }
    return problems;
  });
}

/** Pages checked side by side. */
const PAGES_AT_ONCE = 4;

describe('reflow (WCAG 1.4.10)', () => {
  for (const width of WIDTHS) {
    it(`needs no sideways scrolling on any kind of page at ${width} px, in German and English`, async () => {
      const found: Record<string, string[]> = {};
      const kinds = await pageKinds();
      // A few pages at a time: most of a page's time is the half second without network that
      // "networkidle" waits for, which pages can spend side by side.
      const next = () => kinds.shift();
      const inspect = async () => {
        for (let kind = next(); kind; kind = next()) {
          const page = await openPage({ viewport: { width, height: 640 } });
          await page.goto(kind.path);
          await page.waitForLoadState('networkidle');
          await kind.then?.(page);
          const problems = await reflowProblems(page);
          if (problems.length > 0) found[kind.name] = problems.slice(0, 8);
          if (SCREENSHOTS && width === WIDTHS[0])
            await page.screenshot({ path: join(SCREENSHOTS, `reflow-${kind.name.replace(/\W+/g, '-')}.png`), fullPage: true });
          await page.context().close();
        }
      };
      await Promise.all(Array.from({ length: PAGES_AT_ONCE }, inspect));
      expect(found).toEqual({});
      // Thirty pages in one test, on a slow shared machine.
    }, 300_000);
  }
});

describe('long words', () => {
  // Chromium here has no hyphenation dictionaries (Chrome and Safari bring them), so what is
  // checked is what makes a browser hyphenate: the text's language and hyphens: auto.
  it('are hyphenated by the language of their text and never broken anywhere without a hyphen', async () => {
    const [de, en] = await Promise.all([published('de'), published('en')]);
    for (const [path, language] of [
      [`/praxisbeispiele/${de[0]!.slug}`, 'de-DE'],
      [`/en/case-studies/${en[0]!.slug}`, 'en-GB'],
      ['/praxisbeispiele', 'de-DE'],
      ['/praxisbeispiel-einreichen', 'de-DE'],
    ] as const) {
      const page = await openPage({ viewport: { width: 320, height: 640 } });
      await page.goto(path);
      const text = await page.evaluate(() => {
        const texts = [...document.querySelectorAll('main p, main h1, main h2, main h3, main dd, main li, main label')].filter(
          (element) => !element.closest('code'),
        );
        return {
          lang: document.documentElement.lang,
          notHyphenated: texts.filter((element) => getComputedStyle(element).hyphens !== 'auto').map((element) => element.outerHTML.slice(0, 80)),
          anywhere: [...document.querySelectorAll('body *')]
            .filter((element) => !element.matches('code, code *') && getComputedStyle(element).overflowWrap === 'anywhere')
            .map((element) => element.outerHTML.slice(0, 80)),
          count: texts.length,
        };
      });
      expect(text.lang, path).toBe(language);
      expect(text.count, path).toBeGreaterThan(5);
      expect(text.notHyphenated, path).toEqual([]);
      expect(text.anywhere, path).toEqual([]);
      await page.context().close();
    }
  });

  it('carry the language they are written in where it differs from the page (the API page, German, quotes the English API description)', async () => {
    const page = await openPage();
    await page.goto('/api-dokumentation');
    const languages = await page
      .locator('.operation td:last-child > span:first-child, .operation .summary')
      .evaluateAll((cells) => [...new Set(cells.map((cell) => cell.closest('[lang]')!.getAttribute('lang')))]);
    expect(languages).toEqual(['en']);
    expect(await page.locator('html').getAttribute('lang')).toBe('de-DE');
  });
});
