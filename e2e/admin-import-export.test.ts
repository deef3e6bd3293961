// Import & Export as an editor uses it, in Chromium: the template downloaded (German headers,
// names in the dropdowns) and filled in Excel style with names, a file with one bad row checked
// (the table names row, German label, value and rule; nothing written), the corrected file imported
// (drafts "Zur Prüfung", named by title), and the export, saved with its date, imported again
// without a change — with no stale result of the earlier import under it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminNavigate, createEditor, logIn, shoot } from './support/admin-users.ts';
import { admin, CASE_STUDY } from './support/cms.ts';

const EDITOR = 'ida.import@example.org';
const dir = mkdtempSync(join(tmpdir(), 'praxis-import-'));
const title = `Import aus Excel ${Date.now()}`;

/** What an editor writes in the template for one case study, by its German header; the Baustein is picked from the dropdown (fillTemplate). */
const ROW: Record<string, string | number> = {
  Titel: title,
  Kurzbeschreibung: 'Eine Zeile aus der Tabelle einer Redakteurin.',
  'Worum es geht': 'Ein fiktives Projekt für den Importtest.',
  'Kommune(n)': 'Bottrop (kreisfreie Stadt)\nlemgo',
  Projektstatus: 'Laufend',
  'Förderbeginn (Jahr)': 2024,
  Gelingensbedingungen: 'Feste Ansprechpersonen\nKurze Wege',
  Veröffentlichen: 'ja',
};
const DATED_XLSX = /^praxisbeispiele-\d{4}-\d{2}-\d{2}\.xlsx$/;

/** Clicks a download button; the file is saved under the name the browser suggests, which is returned too. */
async function downloadVia(page: Page, button: string): Promise<{ path: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const name = (await download).suggestedFilename();
  const path = join(dir, name);
  await (await download).saveAs(path);
  return { path, name };
}

/** The downloaded template with rows added in its German sheet (the Baustein as its dropdown offers it), saved as an editor's file. */
async function fillTemplate(template: string, rows: Record<string, string | number>[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  // The Baustein's dropdown offers the names in its column of the sheet "Werte".
  const values = workbook.getWorksheet('Werte')!;
  const listColumn = (values.getRow(1).values as string[]).indexOf('Baustein');
  const bausteine = values.getColumn(listColumn).values.slice(2) as string[];
  const baustein = bausteine.find((name) => name.startsWith('Aktive Nachbarschaft'))!;
  for (const row of rows) sheet.addRow(header.map((column) => (column === 'Baustein' ? baustein : (row[column] ?? ''))));
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

async function templateHeader(template: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
  return (workbook.getWorksheet('Praxisbeispiele (de)')!.getRow(1).values as string[]).slice(1);
}

async function check(page: Page, file: string) {
  await page.locator('#praxis-import-file').setInputFiles(file);
  await page.getByRole('button', { name: 'Prüfen' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Geprüft:' }).count(), { timeout: 15_000 }).toBe(1);
  return page.getByRole('status').filter({ hasText: 'Geprüft:' }).innerText();
}

const draftsTitled = async () =>
  (
    await admin<{ results: { documentId: string; title: string; editorialState: string; status: string }[] }>(
      'GET',
      `/content-manager/collection-types/${CASE_STUDY}?page=1&pageSize=10&filters[title][$eq]=${encodeURIComponent(title)}&locale=de`,
    )
  ).results;

beforeAll(async () => {
  await createEditor(EDITOR, 'praxis-redaktion');
});
// The other suites count the demo content: the imported draft goes again.
afterAll(async () => {
  for (const entry of await draftsTitled()) await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${entry.documentId}?locale=de`);
});

describe('Import & Export in the admin', () => {
  let page: Page;

  it('checks an Excel file with one bad row: the table names its row and field, and nothing is written', async () => {
    page = await logIn(EDITOR);
    await page.getByRole('link', { name: 'Import & Export' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Import & Export');
    const template = await downloadVia(page, 'Leere Vorlage (.xlsx)');
    expect(template.name).toBe('praxisbeispiele-vorlage.xlsx');
    const header = (await templateHeader(template.path)).slice(0, 4);
    expect(header).toEqual(['Adresse (Slug)', 'Übersetzung von (Slug)', 'Titel', 'Kurzbeschreibung']);
    const file = await fillTemplate(template.path, [ROW, { ...ROW, Titel: `${title} (kaputt)`, Projektstatus: 'fertig' }], 'mit-fehler.xlsx');
    expect(await check(page, file)).toContain('ungültig: 1');
    const table = page.getByRole('table', { name: 'Probleme der Datei' });
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(
      /^Zeile 3\s+Projektstatus\s+„fertig“ ist kein Projektstatus; erlaubt: Laufend, Abgeschlossen, Verstetigt$/,
    );
    // What the valid row would create, by title.
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: title }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Nur die 1 gültigen übernehmen' }).count()).toBe(1);
    await shoot(page, '09-import-pruefung');
    expect(await draftsTitled()).toEqual([]);
  });

  it('imports the corrected file with a progress bar; the case study arrives as a draft "Zur Prüfung"', async () => {
    const template = join(dir, 'praxisbeispiele-vorlage.xlsx');
    const file = await fillTemplate(template, [ROW], 'korrigiert.xlsx');
    expect(await check(page, file)).toContain('Neu: 1');
    await page.getByRole('button', { name: 'Importieren', exact: true }).click();
    await expect.poll(() => page.getByText(/Ergebnis: 1 neu, 0 geändert, 0 unverändert, 0 ungültig/).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText(/^Import von korrigiert\.xlsx beendet/).count()).toBe(1);
    // The new case study by its title under "Neu (1)".
    expect(await page.getByRole('heading', { name: 'Neu (1)' }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: title }).count()).toBe(1);
    await shoot(page, '10-import-fertig');
    const drafts = await draftsTitled();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ editorialState: 'zur-pruefung', status: 'draft' });
  });

  it("exports what the case-study list's filter shows", async () => {
    const filter = new URLSearchParams({ 'filters[$and][0][editorialState][$eq]': 'zur-pruefung', 'plugins[i18n][locale]': 'de' });
    await adminNavigate(page, `/admin/content-manager/collection-types/${CASE_STUDY}?${filter}`);
    await expect.poll(() => page.getByRole('row').filter({ hasText: title }).count(), { timeout: 15_000 }).toBe(1);
    await shoot(page, '11-liste-auswahl-exportieren');
    const selection = await downloadVia(page, 'Auswahl exportieren (Excel)');
    expect(selection.name).toMatch(/^praxisbeispiele-auswahl-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(selection.path) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = (name: string) => sheet.getColumn(header.indexOf(name) + 1).values.slice(2);
    expect(column('Titel')).toEqual([title]);
    // Names, not codes: the Kommunen as editors pick them, one per line.
    expect(column('Kommune(n)')).toEqual(['Bottrop (kreisfreie Stadt)\nLemgo (Kreis Lippe)']);
    expect(column('Projektstatus')).toEqual(['Laufend']);
  });

  it('exports everything as Excel, and that file imports again with nothing changed', async () => {
    await page.getByRole('link', { name: 'Import & Export' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Import & Export');
    // The earlier import's result is shown until the editor checks another file.
    await expect.poll(() => page.getByText(/^Import von korrigiert\.xlsx beendet/).count()).toBe(1);
    const exported = await downloadVia(page, 'Excel (.xlsx), beide Sprachen');
    expect(exported.name).toMatch(DATED_XLSX);
    const summary = await check(page, exported.path);
    expect(summary).toMatch(/Neu: 0, geändert: 0, unverändert: \d+, ungültig: 0/);
    expect(await page.getByText(/^Import von .* beendet/).count()).toBe(0);
    expect(Number(/unverändert: (\d+)/.exec(summary)![1])).toBeGreaterThanOrEqual(43);
    // In the English sheet every translation is unchanged too.
    await page.getByRole('combobox', { name: 'Sprache der Praxisbeispiele' }).click();
    await page.getByRole('option', { name: 'Englisch (Übersetzungen)' }).click();
    expect(await check(page, exported.path)).toMatch(/Neu: 0, geändert: 0, unverändert: \d+, ungültig: 0/);
  });
});
