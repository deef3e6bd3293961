// Nothing moves after load: the browser's own layout-shift entries, summed from navigation until
// the page's scripts have done their work and it is idle, stay at or below 0.02 (Core Web Vitals' CLS) at phone and desktop width.
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { published } from './support/cms.ts';

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

/** When a page's scripts are done: the Nuxt app mounted (the forms), the search page's own script run, or none at all. */
const READY = {
  app: () => Boolean((document.querySelector('#__nuxt') as unknown as { __vue_app__?: unknown }).__vue_app__),
  search: () => document.querySelector('.search-page.enhanced') !== null,
  none: () => true,
};

async function pages(): Promise<[string, string, keyof typeof READY][]> {
  const slug = (await published('de'))[0]!.slug;
  return [
    ['home', '/', 'none'],
    ['search', '/praxisbeispiele', 'search'],
    ['search with a query', '/praxisbeispiele?q=Kita', 'search'],
    ['search with filters', '/praxisbeispiele?q=Eltern&region=Arnsberg&topic=elternbildung', 'search'],
    ['search without results', '/praxisbeispiele?q=Kita&status=verstetigt&region=Detmold&setting=online', 'search'],
    ['map', '/praxisbeispiele/karte?q=Kita', 'search'],
    ['map of a Regierungsbezirk', '/praxisbeispiele/karte?region=Detmold', 'search'],
    ['detail', `/praxisbeispiele/${slug}`, 'none'],
    ['contact form', `/praxisbeispiele/${slug}/kontakt`, 'app'],
    ['submission form', '/praxisbeispiel-einreichen', 'app'],
    ['English search', '/en/case-studies?q=family', 'search'],
  ];
}

describe('layout shift', () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    it(`stays at or below 0.02 on every kind of page on a ${device}`, async () => {
      const shifts: Record<string, number> = {};
      for (const [name, path, ready] of await pages()) {
        const page = await openPage({ viewport });
        await page.addInitScript(() => {
          const total = { value: 0 };
          (window as unknown as { layoutShift: typeof total }).layoutShift = total;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total.value += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(READY[ready]);
        // Two more frames drawn and the observer's queued entries delivered (the site loads no web
        // fonts or late styles: what networkidle has not seen does not come).
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
        shifts[name] = await page.evaluate(() => (window as unknown as { layoutShift: { value: number } }).layoutShift.value);
        await page.context().close();
      }
      for (const [name, value] of Object.entries(shifts)) expect(value, `${device}: ${name}`).toBeLessThanOrEqual(0.02);
    });
  }
});
