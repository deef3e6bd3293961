// The editorial record in the real admin in Chromium (issue 34): a Redaktion user writes a case
// study and sends it to review; the Chefredaktion returns it with a comment through the
// "Prüfung" panel; the author finds it under "Zurück an mich" (and in a mail), reads the comment
// at the top of the edit view, changes the teaser and sends it again; the Chefredaktion publishes;
// the "Verlauf" panel names every version, its comparison shows the teaser's removed and added
// words, and a restore of the first version puts the old teaser into the draft while the site
// keeps the published one.
import { readMails } from '@praxis/tooling/mail-sink';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminNavigate, adminReopen, createNamedEditor, logIn as logInAs, shoot } from './support/admin-users.ts';
import { admin, CASE_STUDY } from './support/cms.ts';

const USERS = {
  redaktion: { email: 'jana.schreiber@example.org', name: 'Jana Schreiber' },
  chefredaktion: { email: 'tobias.brandt@example.org', name: 'Tobias Brandt' },
};
const title = `Lesepaten im Quartier ${Date.now()}`;
const FIRST_TEASER = 'Ehrenamtliche lesen wöchentlich mit Grundschulkindern im Park.';
const SECOND_TEASER = 'Ehrenamtliche lesen wöchentlich mit Grundschulkindern in der Stadtteilbibliothek.';
const COMMENT = 'Bitte schreiben Sie, wo gelesen wird: Der Park ist im Winter zu kalt.\nUnd bitte die Ergebnisse ergänzen.';
let documentId = '';

/** One logged-in page per editor for the whole file (the admin allows five logins in five minutes). */
const sessions = new Map<string, Page>();
async function logIn(email: string): Promise<Page> {
  const open = sessions.get(email);
  if (open) {
    await adminReopen(open, '/admin');
    return open;
  }
  const page = await logInAs(email);
  sessions.set(email, page);
  return page;
}

const editPath = (locale = 'de') => `/admin/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=${locale}`;
const text = (locator: Locator) => locator.innerText({ timeout: 1_000 }).catch(() => '');
const reviewPanel = (page: Page) => page.getByRole('region', { name: 'Prüfung', exact: true });
const historyPanel = (page: Page) => page.getByRole('region', { name: 'Verlauf', exact: true });
/** The names of the versions the Verlauf lists, newest first. */
const versionNames = (page: Page) => historyPanel(page).locator('li h3').allInnerTexts();

/** Strapi's notices ("Gespeichert") would cover the panel in a screenshot. */
async function closeNotifications(page: Page) {
  const close = page.getByRole('button', { name: 'Schließen', exact: true });
  for (let tries = 0; tries < 5 && (await close.count()) > 0; tries += 1)
    await close
      .first()
      .click({ timeout: 1_000 })
      .catch(() => undefined);
}

async function chooseEnum(page: Page, field: string, option: string) {
  await page.locator(`[name="${field}"][role="combobox"]`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Speichern', exact: true }).isDisabled(), { timeout: 20_000 }).toBe(true);
}

const mailsTo = (email: string, subject: string) =>
  readMails(inject('mailDir')).filter((mail) => mail.content.includes(email) && mail.text.includes(title) && mail.text.includes(subject));

beforeAll(async () => {
  await createNamedEditor(USERS.redaktion.email, 'praxis-redaktion', 'Jana', 'Schreiber');
  await createNamedEditor(USERS.chefredaktion.email, 'praxis-chefredaktion', 'Tobias', 'Brandt');
});

// The other suites count the demo content: the case study of this one goes again, from the index too.
afterAll(async () => {
  for (const page of sessions.values()) await page.context().close();
  if (!documentId) return;
  const found = async () =>
    ((await (await fetch(`${inject('siteUrl')}/api/search?q=${encodeURIComponent(title)}`)).json()) as { hits: { title: string }[] }).hits.some(
      (hit) => hit.title === title,
    );
  await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  while (await found()) {
    if (Date.now() > deadline) throw new Error('the test case study did not leave the index within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

describe('the editorial record in the admin', () => {
  it('Redaktion writes a case study and sends it to review; the Verlauf names each step and who took it', async () => {
    const page = await logIn(USERS.redaktion.email);
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}/create?plugins[i18n][locale]=de`);
    await page.locator('input[name="title"]').fill(title);
    // Nothing recorded yet: no panel on the create page.
    expect(await historyPanel(page).count()).toBe(0);
    await page.locator('textarea[name="teaser"]').fill(FIRST_TEASER);
    await page.locator('.CodeMirror-code[contenteditable="true"]').first().click();
    await page.keyboard.insertText('Ein fiktives Projekt für den Test des Verlaufs.');
    await page.locator('input[name="buildingBlock"]').click();
    await page
      .getByRole('option', { name: /Aktive Nachbarschaft/ })
      .first()
      .click();
    await chooseEnum(page, 'projectStatus', 'Laufend');
    await page.locator('input[name="fundingStart"]').fill('2025');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => versionNames(page), { timeout: 15_000 }).toEqual(['Angelegt']);
    expect(await text(historyPanel(page))).toContain(`${USERS.redaktion.name} ·`);
    expect(await text(reviewPanel(page))).toMatch(/Stand: Entwurf/i);

    await chooseEnum(page, 'editorialState', 'Zur Prüfung');
    await save(page);
    await expect.poll(() => versionNames(page), { timeout: 15_000 }).toEqual(['Zur Prüfung gegeben', 'Angelegt']);
    await expect.poll(() => text(reviewPanel(page)), { timeout: 10_000 }).toMatch(/Stand: Zur Prüfung/i);
    // Redaktion neither returns nor resolves.
    expect(await reviewPanel(page).getByRole('button', { name: 'Zurückgeben' }).count()).toBe(0);
  });

  it('Chefredaktion returns it with a comment through the Prüfung panel', async () => {
    const page = await logIn(USERS.chefredaktion.email);
    await adminNavigate(page, editPath());
    const panel = reviewPanel(page);
    await expect.poll(() => text(panel), { timeout: 15_000 }).toMatch(/Stand: Zur Prüfung/i);
    await panel.getByRole('button', { name: 'Zurückgeben', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'An die Redaktion zurückgeben' });
    const focused = () => page.evaluate(() => document.activeElement?.tagName);
    // The dialog puts the focus into its comment field.
    await expect.poll(focused).toBe('TEXTAREA');
    // The comment is required: the dialog says so, stays open and leads back to the field.
    await dialog.getByRole('button', { name: 'Zurückgeben', exact: true }).click();
    await expect.poll(() => text(dialog)).toContain('Bitte schreiben Sie, was fehlt oder geändert werden soll.');
    await expect.poll(focused).toBe('TEXTAREA');
    await dialog.getByLabel('Was fehlt oder geändert werden soll').fill(COMMENT);
    await closeNotifications(page);
    await shoot(page, '14-pruefung-zurueckgeben');
    await dialog.getByRole('button', { name: 'Zurückgeben', exact: true }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => text(panel), { timeout: 10_000 }).toMatch(/Stand: Zurückgegeben/i);
    expect(await text(panel)).toContain('Bitte schreiben Sie, wo gelesen wird');
    // The edit view's form shows the state the server set (reloaded, not saved over it).
    await expect.poll(() => page.locator('[name="editorialState"][role="combobox"]').innerText(), { timeout: 10_000 }).toContain('Entwurf');
    expect(await page.getByRole('button', { name: 'Speichern', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => versionNames(page), { timeout: 10_000 }).toEqual(['Zurückgegeben', 'Zur Prüfung gegeben', 'Angelegt']);
  });

  it('Redaktion finds it under "Zurück an mich" and in a mail, reads the comment at the top of the edit view, changes the teaser and sends it again', async () => {
    const page = await logIn(USERS.redaktion.email);
    const widget = page.getByRole('region', { name: /zurück an mich/i });
    await expect.poll(() => text(widget), { timeout: 15_000 }).toContain(title);
    const tile = await text(widget);
    expect(tile).toContain(`Zurückgegeben von ${USERS.chefredaktion.name}`);
    // The comment's first line, not the second.
    expect(tile).toContain('„Bitte schreiben Sie, wo gelesen wird: Der Park ist im Winter zu kalt.“');
    expect(tile).not.toContain('Ergebnisse ergänzen');
    expect(tile).toContain('Deutsch');
    await widget.scrollIntoViewIfNeeded();
    await closeNotifications(page);
    // The pointer away from the tiles (a hovered tile shows its own buttons).
    await page.mouse.move(0, 0);
    await shoot(page, '13-zurueck-an-mich');

    // The mail to the author, with the comment and the link to the edit view.
    await expect.poll(() => mailsTo(USERS.redaktion.email, 'an Sie zurückgegeben').length, { timeout: 15_000 }).toBe(1);
    const mail = mailsTo(USERS.redaktion.email, 'an Sie zurückgegeben')[0]!;
    expect(mail.text).toContain(`${USERS.chefredaktion.name} hat Ihr Praxisbeispiel „${title}“ (Deutsch) an Sie zurückgegeben`);
    expect(mail.text).toContain('Der Park ist im Winter zu kalt.');
    expect(mail.text).toContain(`/admin/content-manager/collection-types/${CASE_STUDY}/${documentId}?plugins[i18n][locale]=de`);

    await widget.getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${documentId}`) && url.search.includes('plugins[i18n][locale]=de'));
    const panel = reviewPanel(page);
    await expect.poll(() => text(panel), { timeout: 15_000 }).toMatch(/Stand: Zurückgegeben/i);
    expect(await text(panel)).toContain('Der Park ist im Winter zu kalt.');
    expect(await text(panel)).toContain(USERS.chefredaktion.name);
    // Resolving is the Chefredaktion's.
    expect(await panel.getByRole('button', { name: /als erledigt markieren/i }).count()).toBe(0);
    await closeNotifications(page);
    await shoot(page, '15-pruefung-zurueckgegeben');

    await page.locator('textarea[name="teaser"]').fill(SECOND_TEASER);
    // While the change is not saved, the panel waits.
    await expect.poll(() => text(panel)).toContain('Sie haben ungespeicherte Änderungen');
    expect(await panel.getByRole('button', { name: 'Anmerkung senden' }).isDisabled()).toBe(true);
    await chooseEnum(page, 'editorialState', 'Zur Prüfung');
    await save(page);
    await expect.poll(() => versionNames(page), { timeout: 15_000 }).toEqual(['Zur Prüfung gegeben', 'Zurückgegeben', 'Zur Prüfung gegeben', 'Angelegt']);
    await expect.poll(() => text(panel), { timeout: 10_000 }).toMatch(/Stand: Zur Prüfung/i);
    expect(await text(historyPanel(page))).toContain('Geändert: Kurzbeschreibung, Redaktionsstatus');
  });

  it('Chefredaktion publishes it; the author hears of it', async () => {
    const page = await logIn(USERS.chefredaktion.email);
    await adminNavigate(page, editPath());
    await expect.poll(() => text(reviewPanel(page)), { timeout: 15_000 }).toMatch(/Stand: Zur Prüfung/i);
    // Publishing sends the form: the button waits until the form holds the fetched draft, not the
    // copy Strapi cached when this user returned the entry above (fresh-document.ts).
    const publish = page.getByRole('button', { name: 'Veröffentlichen', exact: true });
    await expect.poll(() => publish.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('[name="editorialState"][role="combobox"]').innerText()).toContain('Zur Prüfung');
    await publish.click();
    await expect.poll(() => page.getByRole('tab', { name: /Veröffentlicht/i }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => text(reviewPanel(page)), { timeout: 15_000 }).toMatch(/Stand: Freigegeben/i);
    await expect.poll(() => versionNames(page), { timeout: 15_000 }).toContain('Veröffentlicht');
    await expect.poll(() => mailsTo(USERS.redaktion.email, 'veröffentlicht').length, { timeout: 15_000 }).toBe(1);
  });

  it('the Verlauf lists the versions by name, compares the teaser word by word, and restores the first version into the draft', async () => {
    // Redaktion may not restore on a published case study: the panel says so instead of offering it.
    const author = await logIn(USERS.redaktion.email);
    await adminNavigate(author, editPath());
    await expect.poll(() => text(historyPanel(author)), { timeout: 15_000 }).toContain('Eine frühere Fassung stellt die Chefredaktion wieder her');
    expect(
      await historyPanel(author)
        .getByRole('button', { name: /wiederherstellen$/ })
        .count(),
    ).toBe(0);

    const page = await logIn(USERS.chefredaktion.email);
    await adminNavigate(page, editPath());
    const history = historyPanel(page);
    await expect.poll(() => versionNames(page), { timeout: 15_000 }).toContain('Veröffentlicht');
    const names = await versionNames(page);
    // Publishing records the publication (and "Zuletzt geprüft" as a review where the server records it).
    expect(names.filter((name) => name !== 'Als geprüft markiert')).toEqual([
      'Veröffentlicht',
      'Zur Prüfung gegeben',
      'Zurückgegeben',
      'Zur Prüfung gegeben',
      'Angelegt',
    ]);
    const entries = history.locator('li');
    const entry = (name: string, nth = 0) => entries.filter({ has: page.getByRole('heading', { name, exact: true }) }).nth(nth);
    expect(await text(entry('Zurückgegeben'))).toContain(`${USERS.chefredaktion.name} ·`);
    expect(await text(entry('Zurückgegeben'))).toContain('Der Park ist im Winter zu kalt.');
    // Times in Berlin, as the newsroom reads them.
    expect(await text(entry('Angelegt'))).toMatch(/\d{2}\.\d{2}\.\d{4},\s\d{2}:\d{2}/);
    await history.scrollIntoViewIfNeeded();
    await closeNotifications(page);
    await shoot(page, '16-verlauf');

    // The second "Zur Prüfung gegeben" against the version before it (the return).
    await closeNotifications(page);
    const compare = entry('Zur Prüfung gegeben').getByRole('button', { name: /vergleichen$/ });
    await compare.click();
    const dialog = page.getByRole('dialog', { name: /^Vergleich: Fassung vom/ });
    await expect.poll(() => text(dialog), { timeout: 10_000 }).toMatch(/Felder? (ist|sind) anders/);
    expect(await dialog.getByRole('radio', { name: /der Fassung davor \(Zurückgegeben,/ }).isChecked()).toBe(true);
    const teaser = dialog.locator('section').filter({ has: page.getByRole('heading', { name: 'Kurzbeschreibung', exact: true }) });
    // The words removed and added, each announced to screen readers (not colour alone).
    expect(await teaser.locator('del').count()).toBe(1);
    expect(await teaser.locator('ins').count()).toBe(1);
    expect(await teaser.locator('del').textContent()).toBe('entfernt: im Park');
    expect(await teaser.locator('ins').textContent()).toBe(' hinzugefügt: in der Stadtteilbibliothek');
    expect(await teaser.locator('p').textContent()).toBe(
      'Ehrenamtliche lesen wöchentlich mit Grundschulkindern entfernt: im Park hinzugefügt: in der Stadtteilbibliothek.',
    );
    // Values by name, not by code.
    const state = dialog.locator('section').filter({ has: page.getByRole('heading', { name: 'Redaktionsstatus', exact: true }) });
    expect(await text(state)).toMatch(/Vorher:\s*Entwurf\s*Nachher:\s*Zur Prüfung/);
    expect(await text(dialog)).not.toMatch(/zur-pruefung|editorialState|teaser/);
    await shoot(page, '17-verlauf-vergleich');
    // Against the current draft (the publication): the teaser is the same.
    await dialog.getByRole('radio', { name: /dem aktuellen Entwurf \(Veröffentlicht,/ }).click();
    await expect.poll(() => dialog.locator('section h3').allInnerTexts(), { timeout: 10_000 }).not.toContain('Kurzbeschreibung');
    // The comparison is loaded anew for the other version: wait for it, not just for the old one to go.
    await expect.poll(() => text(dialog), { timeout: 10_000 }).toMatch(/Keine Unterschiede\.|Felder? (ist|sind) anders/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // The focus goes back to the button that opened the dialog.
    expect(await compare.evaluate((button) => button === document.activeElement)).toBe(true);

    // "Diese Fassung wiederherstellen" on the first version: into the draft, after a question.
    await entry('Angelegt')
      .getByRole('button', { name: /wiederherstellen$/ })
      .click();
    const confirm = page.getByRole('alertdialog', { name: 'Fassung wiederherstellen?' });
    expect(await text(confirm)).toContain('wird in den Entwurf übernommen');
    expect(await text(confirm)).toContain('Veröffentlichen bleibt ein eigener Schritt');
    await closeNotifications(page);
    await shoot(page, '18-verlauf-wiederherstellen');
    await confirm.getByRole('button', { name: 'Wiederherstellen', exact: true }).click();
    await expect.poll(() => text(page.locator('body')), { timeout: 10_000 }).toContain('steht jetzt im Entwurf');
    // The form shows the restored content at once (no reload), and nothing is left to save.
    await expect.poll(() => page.locator('textarea[name="teaser"]').inputValue(), { timeout: 10_000 }).toBe(FIRST_TEASER);
    expect(await page.getByRole('button', { name: 'Speichern', exact: true }).isDisabled()).toBe(true);
    await expect.poll(async () => (await versionNames(page))[0], { timeout: 10_000 }).toBe('Fassung wiederhergestellt');
    await expect.poll(() => text(reviewPanel(page)), { timeout: 10_000 }).toMatch(/Stand: Entwurf/i);
    // The site keeps the published teaser until someone publishes again.
    const live = await admin<{ data: { teaser: string } }>('GET', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de&status=published`);
    expect(live.data.teaser).toBe(SECOND_TEASER);
    const draft = await admin<{ data: { teaser: string; title: string } }>('GET', `/content-manager/collection-types/${CASE_STUDY}/${documentId}?locale=de`);
    expect(draft.data).toMatchObject({ teaser: FIRST_TEASER, title });
  });
});
