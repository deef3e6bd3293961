// Redaktion proposes a missing Träger (issue 35, item 3): in a case study's edit view the relation
// picker finds nothing and offers "Neuen Eintrag anlegen"; the Redaktion names the Träger there and
// saves the case study with it. The Träger is a proposal: not on the site's API, and the case
// study cannot be published until the Chefredaktion approves it on the dashboard ("Vorgeschlagene
// Träger"). The screenshots are the editors' guide's (docs/redaktion/46-…, 47-…).
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminNavigate, createNamedEditor, logIn, shoot } from './support/admin-users.ts';
import { admin, adminJwt, CASE_STUDY } from './support/cms.ts';

const run = randomBytes(3).toString('hex');
const USERS = { redaktion: `rita.${run}@example.org`, chefredaktion: `clara.${run}@example.org` };
const PROVIDER = `Quartiersverein Vorschlag ${run} e. V.`;
const TITLE = `Nachbarschaftstreff ${run}`;
const ORGANISATION = 'api::organisation.organisation';

const pages: Page[] = [];
let documentId: string;

const visible = (page: Page, text: string | RegExp) => expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);
/** How many Träger of that name the content API lists (the public's and the site token's route). */
const onSite = async () => {
  const response = await fetch(`${inject('cmsUrl')}/api/organisations?filters[name][$eq]=${encodeURIComponent(PROVIDER)}`);
  return ((await response.json()) as { data: unknown[] }).data.length;
};
const providerOf = async () =>
  (
    await admin<{ data: { provider?: { name: string } | null } }>(
      'GET',
      `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de&populate[provider][fields][0]=name`,
    )
  ).data.provider?.name ?? null;

beforeAll(async () => {
  await createNamedEditor(USERS.redaktion, 'praxis-redaktion', 'Rita', 'Roth');
  await createNamedEditor(USERS.chefredaktion, 'praxis-chefredaktion', 'Clara', 'Chef');
  const buildingBlock = (
    await admin<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::building-block.building-block?pageSize=1`)
  ).results[0]!.documentId;
  documentId = (
    await admin<{ data: { documentId: string } }>('POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
      title: TITLE,
      slug: `nachbarschaftstreff-${run}`,
      teaser: 'Ein Treff für alle im Quartier.',
      description: 'Nachbarinnen und Nachbarn treffen sich wöchentlich.',
      projectStatus: 'laufend',
      fundingStart: 2025,
      buildingBlock: { connect: [{ documentId: buildingBlock }] },
    })
  ).data.documentId;
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  // The other suites see the case studies and Träger as before (admin-german opens the list's newest case study).
  if (documentId) await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`).catch(() => undefined);
  const proposed = (
    await admin<{ results: { documentId: string }[] }>(
      'GET',
      `/content-manager/collection-types/${ORGANISATION}?filters[name][$eq]=${encodeURIComponent(PROVIDER)}`,
    )
  ).results;
  for (const { documentId: organisation } of proposed)
    await admin('DELETE', `/content-manager/collection-types/${ORGANISATION}/${organisation}`).catch(() => undefined);
});

describe('a Träger the Redaktion proposes', () => {
  it('Redaktion: the relation picker offers "Neuen Eintrag anlegen", the Träger is created as a proposal and saved with the case study', async () => {
    const page = await logIn(USERS.redaktion);
    pages.push(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=de`);
    const picker = page.locator('input[name="provider"]');
    await picker.waitFor({ timeout: 60_000 });
    await picker.click();
    await picker.pressSequentially('Quartiersverein Vorschlag', { delay: 30 });
    await visible(page, 'Nichts gefunden');
    const create = page.getByRole('option', { name: 'Neuen Eintrag anlegen' });
    await expect.poll(() => create.getAttribute('aria-disabled')).not.toBe('true');
    // By keyboard, as in chooseByTyping (editorial-admin.test.ts): down to the offer, then Enter.
    const highlighted = () =>
      page
        .locator('[role="option"][data-highlighted]')
        .first()
        .innerText({ timeout: 500 })
        .catch(() => '');
    for (let presses = 0; presses < 5 && (await highlighted()) !== 'Neuen Eintrag anlegen'; presses += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="name"]').fill(PROVIDER);
    await dialog.locator('input[name="website"]').fill('https://quartiersverein.example.org');
    // The address is made from the name, and whether it is a proposal is not the Redaktion's to say.
    await shoot(page, '46-traeger-vorschlagen');
    for (const field of ['slug', 'proposed'])
      expect(
        await dialog
          .locator(`input[name="${field}"], button[name="${field}"]`)
          .first()
          .isEditable()
          .catch(() => false),
      ).toBe(false);
    await dialog.getByRole('button', { name: 'Speichern' }).first().click();
    await expect
      .poll(
        async () =>
          (
            await admin<{ results: { name: string; proposed: boolean }[] }>(
              'GET',
              `/content-manager/collection-types/${ORGANISATION}?filters[name][$eq]=${encodeURIComponent(PROVIDER)}`,
            )
          ).results,
        { timeout: 20_000 },
      )
      .toEqual([expect.objectContaining({ name: PROVIDER, proposed: true })]);
    // Strapi's dialog saves the case study with the new Träger in its field; the Redaktion may look but not change it.
    await visible(page, 'Relation bearbeiten');
    expect(await page.getByText('Beim Hinzufügen der Relation ist ein Fehler aufgetreten.').count()).toBe(0);
    await expect.poll(providerOf, { timeout: 20_000 }).toBe(PROVIDER);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText(PROVIDER, { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await onSite()).toBe(0);
  }, 180_000);

  it('Chefredaktion: publishing waits for the Träger; "Vorgeschlagene Träger" on the dashboard approves it, then the case study publishes', async () => {
    const refused = await fetch(`${inject('cmsUrl')}/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminJwt()}` },
      body: '{}',
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(`Der Träger „${PROVIDER}“ ist erst vorgeschlagen.`);

    const page = await logIn(USERS.chefredaktion);
    pages.push(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await visible(page, 'Vorgeschlagene Träger');
    await visible(page, PROVIDER);
    await visible(page, /vorgeschlagen von Rita Roth am/);
    await visible(page, TITLE);
    await page.getByText('Vorgeschlagene Träger').first().scrollIntoViewIfNeeded();
    await shoot(page, '47-vorgeschlagene-traeger');
    await page.getByRole('button', { name: `${PROVIDER} freigeben` }).click();
    await visible(page, `„${PROVIDER}“ ist freigegeben; Praxisbeispiele mit diesem Träger lassen sich jetzt veröffentlichen.`);
    await expect.poll(onSite, { timeout: 10_000 }).toBe(1);
    await admin('POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});
    expect(
      (await admin<{ data: { publishedAt: string | null } }>('GET', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de&status=published`))
        .data.publishedAt,
    ).not.toBeNull();
  }, 120_000);
});
