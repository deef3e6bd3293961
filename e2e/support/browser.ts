// Debian's Chromium driven by playwright-core (a test tool's own browser download fails here).
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  browser = undefined;
});

/** A page in a fresh browser context (no shared cookies or history); `baseURL` is the site. */
export async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ baseURL: inject('siteUrl'), locale: 'de-DE', ...options });
  return context.newPage();
}
