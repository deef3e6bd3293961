// Debian's Chromium driven by playwright-core (a test tool's own browser download fails here).
// One browser for the whole e2e run (the test files share a worker: e2e/vitest.config.mts); every
// page still gets a fresh context, and the contexts a test file opened are closed after it
// (support/per-file.ts), so no file sees another's cookies, storage or pages.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

let browser: Promise<Browser> | undefined;
const openContexts = new Set<BrowserContext>();

/** A page in a fresh browser context (no shared cookies or history); `baseURL` is the site. */
export async function openPage(options: BrowserContextOptions = {}): Promise<Page> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await (await browser).newContext({ baseURL: inject('siteUrl'), locale: 'de-DE', ...options });
  openContexts.add(context);
  context.once('close', () => openContexts.delete(context));
  return context.newPage();
}

/** Closes every context opened since the last call (after each test file). */
export async function closeOpenContexts(): Promise<void> {
  await Promise.all([...openContexts].map((context) => context.close().catch(() => undefined)));
  openContexts.clear();
}
