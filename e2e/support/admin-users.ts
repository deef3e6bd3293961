// Editors in the real admin: accounts with a newsroom role, logged in through the login page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openPage } from './browser.ts';
import { adminJwt } from './cms.ts';

export const EDITOR_PASSWORD = 'Praxis-Redaktion-2026';

/** With SCREENSHOTS=<dir> (e.g. docs/redaktion), the steps are saved there for the editors' guide. */
const SCREENSHOTS = process.env.SCREENSHOTS;
if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
export const shoot = async (page: Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};

/** An active admin account with one of the newsroom's roles (`praxis-redaktion`, `praxis-chefredaktion`). */
export async function createEditor(email: string, roleCode: string): Promise<void> {
  await createNamedEditor(email, roleCode, roleCode, 'Test');
}

/** The same with a person's name, as the editorial record and the mails show it ("Jana Schreiber"). */
export async function createNamedEditor(email: string, roleCode: string, firstname: string, lastname: string): Promise<void> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${await adminJwt()}` };
  const roles = ((await (await fetch(`${inject('cmsUrl')}/admin/roles`, { headers })).json()) as { data: { id: number; code: string }[] }).data;
  const role = roles.find((candidate) => candidate.code === roleCode)!;
  const created = (await (
    await fetch(`${inject('cmsUrl')}/admin/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstname, lastname, email, roles: [role.id] }),
    })
  ).json()) as { data: { id: number } };
  await fetch(`${inject('cmsUrl')}/admin/users/${created.data.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ password: EDITOR_PASSWORD, isActive: true }),
  });
}

/** Logs in through the admin's login page, as the editor would; the page then shows the dashboard. */
export async function logIn(email: string, onLoginPage?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await openPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  await page.goto(`${inject('cmsUrl')}/admin`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 30_000 }).toBe('Praxisdatenbank – Redaktion');
  await onLoginPage?.(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(EDITOR_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  return page;
}

/**
 * Goes to `path` inside the admin as its own links do (history and the router's popstate), not by
 * loading the page anew: a full load of the admin costs Chromium about 5 s of CPU, this about 1 s.
 */
export async function adminNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  // The admin may add its own query parameters (a list's page and sort): the path is what counts.
  await page.waitForURL((url) => url.pathname === new URL(path, url).pathname);
}

/** Leaves `path` for the profile page and comes back: the page's widgets mount and load their figures again. */
export async function adminReopen(page: Page, path: string): Promise<void> {
  await adminNavigate(page, '/admin/me');
  await adminNavigate(page, path);
}
