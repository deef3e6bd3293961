// Every Strapi screen an editor uses, in German and in one register (issue 35, item 1): the media
// library (list and grid, the upload, the picker of a case study's image and its upload dialog),
// the case studies' list and edit view and the dashboard as Redaktion; Settings → Benutzer, its
// invitation and the dashboard as the super admin. Each screen is checked for Strapi's English
// (its messages, the ones the issue quotes first, the words Strapi types into its code, which
// cms/scripts/patch-strapi.mts replaces) and for the du-form; the list's filter for names instead
// of codes, the state menu for what Redaktion may set. The screenshots are the editors' guide's
// (docs/redaktion/30-…).
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STRAPI_GERMAN, strapiMessages, translations } from '@praxis/cms/admin-texts';
import { readMails } from '@praxis/tooling/mail-sink';
import { adminNavigate, createEditor, EDITOR_PASSWORD, logIn, shoot } from './support/admin-users.ts';
import { openPage } from './support/browser.ts';
import { admin, CASE_STUDY } from './support/cms.ts';

const run = randomBytes(3).toString('hex');
const USERS = { redaktion: `greta.${run}@example.org`, admin: `armin.${run}@example.org`, invited: `ines.${run}@example.org` };
const FOLDER = `Projektfotos ${run}`;

/** What the issue found in English, screen by screen. */
const QUOTED_ENGLISH = {
  media: ['Home', 'items', 'New', 'Sort:', 'Most recent updates', 'Table view', 'Grid view', 'No folders yet', 'More actions', 'Pagination'],
  picker: ['Add folder', 'List View', 'Grid View', 'Add new assets', 'Browse', 'Search', 'Close modal', 'Pagination'],
  upload: ['Drag & Drop here or', 'Browse files', 'From computer', 'From url', 'Close modal'],
  editView: ['Bulleted list', 'Numbered list', 'Copy document ID', 'More actions', 'Relation erstellen', 'Pagination'],
  list: ['zur-pruefung', 'documentId', 'previousSlugs', 'createdAt', 'updatedAt', 'id', 'UPDATEDAT', 'Pagination'],
  users: [
    'Select',
    'Learn more on our documentation',
    'Invite new user',
    'Invite user',
    'Active',
    'Inactive',
    'Firstname',
    'Lastname',
    'Username',
    'Active user',
    'Close modal',
    'Pagination',
  ],
  register: [
    'Keep me updated',
    'terms',
    'policy',
    'Nutzungsbedingungen',
    'Datenschutzerklärung',
    'Auf dem Laufenden',
    "Let's start",
    'Password',
    'Account bereits vorhanden?',
    'Account',
    'Notifications',
  ],
  // "Notifications alt+T": the notifications' region as screen readers announce it (on every screen).
  dashboard: ['Create your schema', 'Deploy your application to Strapi Cloud', 'Welcome to your administration panel', 'Notifications'],
};

/**
 * Strapi's English that is no message and is not patched (see docs/upgrading.md "The admin in
 * German"): labels only screen readers read (the edit view's status badge).
 */
const HARD_CODED_ENGLISH = new Set(['search', 'published', 'draft', 'modified']);

/** Strapi's English messages that have no German twin (a German message may be "Filter" too). */
const ENGLISH_MESSAGES = (() => {
  const { english, german } = strapiMessages();
  const germanTexts = new Set([...Object.values(german), ...Object.values(STRAPI_GERMAN), ...Object.values(translations.de)]);
  return new Set(
    [...english.values()]
      .map(({ text }) => text.trim())
      .filter((text) => text.length >= 3 && /\p{L}/u.test(text) && !/[{<]/.test(text) && !germanTexts.has(text) && !HARD_CODED_ENGLISH.has(text)),
  );
})();

/** "du" and the du-imperatives Strapi's German used (as in strapi-german.test.ts, in short). */
const DU_FORM = /(?<!\p{L})(du|dich|dir|dein|deine|deinem|deinen|deiner|deines|Erstelle|Deploye|Füge|Wähle|Klicke|Bist)(?!\p{L})/u;

/** The lines a sighted editor reads, and the labels, placeholders and titles a screen reader reads. */
async function screenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = document.body.innerText.split('\n');
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const name of ['aria-label', 'placeholder', 'title']) texts.push(element.getAttribute(name) ?? '');
    return texts.map((text) => text.trim()).filter(Boolean);
  });
}

/** Checks a screen: none of the quoted English words, no English message of Strapi's, no du-form. */
async function expectGerman(page: Page, quoted: string[], screen: string) {
  // Strapi renders lists and dialogs in steps: check once the screen has settled.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const texts = await screenTexts(page);
  const words = (text: string) => text.split(/[\s()]+/);
  expect(
    texts.filter((text) => quoted.some((english) => text === english || (english.includes(' ') ? text.includes(english) : words(text).includes(english)))),
    `${screen}: English the issue quoted`,
  ).toEqual([]);
  expect(
    texts.filter((text) => ENGLISH_MESSAGES.has(text)),
    `${screen}: Strapi's English`,
  ).toEqual([]);
  expect(
    texts.filter((text) => DU_FORM.test(text)),
    `${screen}: the du-form`,
  ).toEqual([]);
}

/** The options of the open menu, without Strapi's placeholder "Hier wählen". */
const menuOptions = async (page: Page) =>
  (await page.getByRole('option').allInnerTexts()).map((option) => option.trim()).filter((option) => option !== 'Hier wählen');

const visible = (page: Page, text: string | RegExp) => expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);

/** A photo-like PNG drawn in the browser (a gradient with a caption), as the editors upload them. */
async function drawnPhoto(page: Page, caption: string, hue: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([text, baseHue]) => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [640, 420];
      const context = canvas.getContext('2d')!;
      const gradient = context.createLinearGradient(0, 0, 640, 420);
      gradient.addColorStop(0, `hsl(${baseHue}, 55%, 62%)`);
      gradient.addColorStop(1, `hsl(${Number(baseHue) + 40}, 45%, 38%)`);
      context.fillStyle = gradient;
      context.fillRect(0, 0, 640, 420);
      context.fillStyle = 'rgba(255, 255, 255, 0.9)';
      context.font = 'bold 40px sans-serif';
      context.fillText(String(text), 36, 380);
      return canvas.toDataURL('image/png');
    },
    [caption, String(hue)] as const,
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** The registration links mailed to `email` so far (the invitation and each "Einladung erneut senden"). */
const invitationLinks = (email: string) =>
  readMails(inject('mailDir'))
    .filter((mail) => mail.content.split(/\r?\n/).includes(`To: ${email}`))
    .map((mail) => /https?:\/\/\S+\/auth\/register\?registrationToken=[A-Za-z0-9%_-]+/.exec(mail.text)?.[0])
    .filter((link): link is string => Boolean(link));

const pages: Page[] = [];
const uploaded: number[] = [];
let folderId: number | undefined;

async function openAs(email: string): Promise<Page> {
  const page = await logIn(email);
  await page.setViewportSize({ width: 1440, height: 900 });
  pages.push(page);
  return page;
}

beforeAll(async () => {
  await createEditor(USERS.redaktion, 'praxis-redaktion');
  await createEditor(USERS.admin, 'strapi-super-admin');
  folderId = (await admin<{ data: { id: number } }>('POST', '/upload/folders', { name: FOLDER, parent: null })).data.id;
});

afterAll(async () => {
  for (const page of pages) await page.context().close();
  // The other suites see the media library as the demo content left it.
  await admin('POST', '/upload/actions/bulk-delete', { fileIds: uploaded, folderIds: folderId ? [folderId] : [] }).catch(() => undefined);
});

describe('the admin in German', () => {
  it('Redaktion: the dashboard, the media library in list and grid, uploading, in German', async () => {
    const page = await openAs(USERS.redaktion);
    await visible(page, 'Willkommen in der Verwaltung');
    await expectGerman(page, QUOTED_ENGLISH.dashboard, "Redaktion's dashboard");
    await shoot(page, '37-startseite-redaktion');
    await adminNavigate(page, '/admin/plugins/upload');
    await visible(page, /^Hauptordner \(\d+ Dateien?\)$/);
    // Upload through "Neu" → "Dateien hochladen", as an editor does.
    const photos = await Promise.all(
      [
        ['Stadtteilfest', 190],
        ['Lesepatenschaft', 20],
        ['Spielmobil', 120],
      ].map(async ([caption, hue]) => ({
        name: `${String(caption).toLowerCase()}.png`,
        mimeType: 'image/png',
        buffer: await drawnPhoto(page, String(caption), Number(hue)),
      })),
    );
    await page.getByRole('button', { name: 'Neu', exact: true }).click();
    await expectGerman(page, QUOTED_ENGLISH.media, 'the menu "Neu"');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Dateien hochladen' }).click();
    await (await chooser).setFiles(photos);
    await visible(page, 'Hochladen abgeschlossen');
    await visible(page, '3 Dateien hochgeladen');
    const files = (await admin<{ results: { id: number; name: string }[] }>('GET', '/upload/files?pageSize=100')).results;
    uploaded.push(...files.filter((file) => photos.some((photo) => photo.name === file.name)).map((file) => file.id));
    expect(uploaded).toHaveLength(3);
    await page.keyboard.press('Escape');

    // Other suites may have left files in the main folder: these three are there, counted as files.
    await visible(page, /^Hauptordner \([3-9]\d* Dateien\)$/);
    for (const photo of photos) await visible(page, photo.name);
    await visible(page, 'Sortierung: Zuletzt geändert');
    await expectGerman(page, QUOTED_ENGLISH.media, 'the media library (grid)');
    await shoot(page, '30-medienbibliothek-raster');
    await page.locator('[aria-label="Listenansicht"]').click();
    await visible(page, 'Erstellt am');
    await expectGerman(page, QUOTED_ENGLISH.media, 'the media library (list)');
    await shoot(page, '31-medienbibliothek-liste');
    await page.getByRole('button', { name: 'Sortierung: Zuletzt geändert' }).click();
    await visible(page, 'Vor den Dateien');
    await expectGerman(page, QUOTED_ENGLISH.media, 'the sort menu');
    await shoot(page, '32-medienbibliothek-sortierung');
    await page.keyboard.press('Escape');
    await page.locator('[aria-label="Rasteransicht"]').click();
  });

  // Six screens, each a full render of the edit view or a dialog: longer than the default minute on a busy machine.
  it("Redaktion: the case studies' list, the edit view, the image picker and its upload dialog, in German", async () => {
    const page = pages[0] ?? (await openAs(USERS.redaktion));
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}`);
    await visible(page, /^\d+ Einträge gefunden$/);
    await expectGerman(page, [...QUOTED_ENGLISH.editView, ...QUOTED_ENGLISH.list], 'the case studies');
    await shoot(page, '33-praxisbeispiele-liste');

    // A published case study: its actions, the text editor's toolbar.
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.locator('input[name="title"]').waitFor();
    // The side panel renders a moment after the form (up to 20 s measured on a busy machine; without
    // the idle-callback patch in cms/scripts/patch-strapi.mts it could wait for minutes).
    await page.getByRole('button', { name: 'Speichern' }).waitFor({ timeout: 60_000 });
    await expectGerman(page, QUOTED_ENGLISH.editView, 'a case study');
    // The text editor's toolbar shows the buttons that fit once it has measured itself.
    await expect.poll(() => page.getByRole('button', { name: 'Aufzählung' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Nummerierte Liste' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Weitere Aktionen' }).first().click();
    await visible(page, 'Dokument-ID kopieren');
    await expectGerman(page, QUOTED_ENGLISH.editView, 'the edit view’s actions');
    await shoot(page, '34-praxisbeispiel-aktionen');
    await page.keyboard.press('Escape');
    // Sending to review is a button with an optional note, not a state Redaktion picks from a menu.
    await page.getByRole('button', { name: 'Zur Prüfung geben', exact: true }).click();
    await visible(page, 'Hinweis für die Chefredaktion (freiwillig)');
    await expectGerman(page, QUOTED_ENGLISH.editView, 'the dialog "Zur Prüfung geben"');
    await shoot(page, '42-zur-pruefung-geben');
    await page.getByRole('dialog').getByRole('button', { name: 'Abbrechen' }).last().click();

    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}/create?plugins[i18n][locale]=de`);
    await page.locator('input[name="title"]').waitFor();
    await expectGerman(page, QUOTED_ENGLISH.editView, 'a new case study');
    // Redaktion's state menu: only the states it may set ("Freigegeben" is the Chefredaktion's).
    await page.locator('[name="editorialState"][role="combobox"]').click();
    expect(await menuOptions(page)).toEqual(['Entwurf', 'Zur Prüfung']);
    await page.keyboard.press('Escape');

    // Bilder: a first image, then its file from the media library.
    await page.getByText('Bilder (0)', { exact: true }).locator('xpath=following::button[1]').click();
    await page.getByText('Bilder (1)', { exact: true }).waitFor();
    await page.getByText('Klicken Sie hier, um eine Datei hinzuzufügen, oder ziehen Sie eine Datei in diesen Bereich.').first().click();
    await visible(page, 'Ordner hinzufügen');
    await visible(page, FOLDER);
    await expectGerman(page, QUOTED_ENGLISH.picker, 'the image picker');
    await shoot(page, '35-bild-auswaehlen');
    const picker = page.getByRole('dialog');
    await picker.getByRole('button', { name: 'Listenansicht' }).click();
    await expectGerman(page, QUOTED_ENGLISH.picker, 'the image picker (list)');
    await picker.getByRole('button', { name: 'Rasteransicht' }).click();

    await picker.getByRole('button', { name: 'Weitere Dateien hinzufügen' }).click();
    await visible(page, 'Dateien hierher ziehen oder klicken, um Dateien auszuwählen');
    await expectGerman(page, QUOTED_ENGLISH.upload, 'the upload dialog');
    await shoot(page, '36-dateien-hochladen');
  }, 180_000);

  it("Redaktion: the list's filter offers fields by their names, and its chip names the state", async () => {
    const page = pages[0] ?? (await openAs(USERS.redaktion));
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}`);
    await visible(page, /^\d+ Einträge gefunden$/);
    // The whole row, its menu (…) included, fits a 1366 px screen: no horizontal scrolling.
    await page.setViewportSize({ width: 1366, height: 768 });
    const overflow = () =>
      page
        .locator('table')
        .first()
        .evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    await expect.poll(overflow, { timeout: 10_000 }).toBeLessThanOrEqual(0);
    const rowMenu = await page.getByRole('button', { name: 'Zeilenaktionen' }).first().boundingBox();
    expect(rowMenu!.x + rowMenu!.width).toBeLessThanOrEqual(1366);
    await shoot(page, '45-praxisbeispiele-1366');
    await page.setViewportSize({ width: 1440, height: 900 });
    // The filter offers fields by their names, no database keys, and its chip names the state.
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('combobox', { name: 'Feld auswählen' }).click();
    const fields = await menuOptions(page);
    expect(fields).toEqual(expect.arrayContaining(['Angelegt', 'Zuletzt geändert', 'Redaktionsstatus', 'Titel']));
    expect(fields.filter((field) => /^(id|documentId|previousSlugs|createdAt|updatedAt|createdBy|updatedBy)$/i.test(field))).toEqual([]);
    await page.getByRole('option', { name: 'Redaktionsstatus', exact: true }).click();
    await page.getByRole('combobox', { name: 'Redaktionsstatus' }).click();
    expect(await menuOptions(page)).toEqual(['Entwurf', 'Zur Prüfung', 'Freigegeben']);
    await page.getByRole('option', { name: 'Zur Prüfung', exact: true }).click();
    await page.getByRole('button', { name: 'Filter hinzufügen' }).click();
    await visible(page, /^Redaktionsstatus \S+ Zur Prüfung$/);
    await expectGerman(page, [...QUOTED_ENGLISH.editView, ...QUOTED_ENGLISH.list], 'the case studies, filtered');
    await shoot(page, '41-praxisbeispiele-filter');
  });

  it('the super admin: Settings → Benutzer, the invitation and the dashboard, in German', async () => {
    const page = await openAs(USERS.admin);
    await visible(page, 'Willkommen in der Verwaltung');
    await expectGerman(page, QUOTED_ENGLISH.dashboard, 'the dashboard');
    await shoot(page, '38-startseite-administration');

    await adminNavigate(page, '/admin/settings/users');
    await visible(page, 'Benutzerstatus');
    await visible(page, 'Aktiv');
    await expectGerman(page, QUOTED_ENGLISH.users, 'the users');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('combobox', { name: 'Feld auswählen' }).click();
    expect(await menuOptions(page)).toEqual(expect.arrayContaining(['Vorname', 'Nachname', 'E-Mail', 'Benutzername', 'Benutzerstatus']));
    await expectGerman(page, QUOTED_ENGLISH.users, 'the users’ filter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('link', { name: 'Mehr dazu in der Dokumentation' }).count()).toBe(1);
    await shoot(page, '39-benutzer');
    await page.getByRole('button', { name: 'Benutzer einladen' }).first().click();
    await visible(page, 'Rolle des Benutzers');
    await visible(page, 'Auswählen');
    await expectGerman(page, QUOTED_ENGLISH.users, 'the invitation');
    await shoot(page, '40-benutzer-einladen');
  });

  it('the super admin invites by mail and sends the invitation again; the invited editor registers on a German page and is logged in', async () => {
    const page = pages.at(-1) ?? (await openAs(USERS.admin));
    await adminNavigate(page, '/admin/settings/users');
    await page.getByRole('button', { name: 'Benutzer einladen' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="firstname"]').fill('Ines');
    await dialog.locator('input[name="lastname"]').fill('Neumann');
    await dialog.locator('input[name="email"]').fill(USERS.invited);
    await dialog.getByRole('combobox').last().click();
    await page.getByRole('option', { name: 'Redaktion', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Benutzer einladen' }).click();
    await expect.poll(() => invitationLinks(USERS.invited).length, { timeout: 20_000 }).toBe(1);
    await page.keyboard.press('Escape');

    // The dashboard's "Offene Einladungen": the same link again, by mail.
    await adminNavigate(page, '/admin');
    await visible(page, 'Offene Einladungen');
    await page.getByRole('button', { name: 'Einladung an Ines Neumann erneut senden' }).click();
    await visible(page, `Einladung an ${USERS.invited} gesendet.`);
    await expect.poll(() => invitationLinks(USERS.invited).length, { timeout: 20_000 }).toBe(2);
    await expectGerman(page, QUOTED_ENGLISH.dashboard, 'the dashboard with the open invitations');
    await shoot(page, '43-offene-einladungen');
    const [first, again] = invitationLinks(USERS.invited);
    expect(again).toBe(first);

    const invited = await openPage({ viewport: { width: 1280, height: 1000 } });
    pages.push(invited);
    await invited.goto(first!.replace(/^https?:\/\/[^/]+/, inject('cmsUrl')));
    await invited.locator('input[name="password"]').waitFor();
    // The form fills the address from the registration token once its answer is in.
    await expect.poll(() => invited.locator('input[name="email"]').inputValue(), { timeout: 15_000 }).toBe(USERS.invited);
    expect(await invited.locator('input[name="news"]').count()).toBe(0);
    await visible(invited, 'Sie haben schon ein Konto?');
    await expectGerman(invited, QUOTED_ENGLISH.register, 'the registration page');
    await invited.locator('input[name="password"]').fill(EDITOR_PASSWORD);
    await invited.locator('input[name="confirmPassword"]').fill(EDITOR_PASSWORD);
    await shoot(invited, '44-registrieren');
    await invited
      .getByRole('button', { name: 'Los geht’s' })
      .or(invited.getByRole('button', { name: "Los geht's" }))
      .click();
    await invited.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
    await visible(invited, 'Willkommen in der Verwaltung');
  });
});
