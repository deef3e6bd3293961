// Import & Export as an editor uses it, in Chromium: the template downloaded and filled in Excel
// style, a file with one bad row checked (the table names row and field, nothing written), the
// corrected file imported (drafts "Zur Prüfung"), and the export imported again without a change.
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

/** What the table form of the import holds for one case study, by column name. */
const ROW: Record<string, string | number> = {
  title,
  teaser: 'Eine Zeile aus der Tabelle einer Redakteurin.',
  description: 'Ein fiktives Projekt für den Importtest.',
  buildingBlock: 'aktive-nachbarschaft',
  municipalities: '05512000',
  status: 'laufend',
  fundingStart: 2024,
  successFactors: 'Feste Ansprechpersonen\nKurze Wege',
  publish: 'ja',
};

async function downloadVia(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const path = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(path);
  return path;
}

/** The downloaded template with rows added in its German sheet, saved as an editor's file. */
async function fillTemplate(template: string, rows: Record<string, string | number>[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  for (const row of rows) sheet.addRow(header.map((column) => row[column] ?? ''));
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
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
    const file = await fillTemplate(template, [ROW, { ...ROW, title: `${title} (kaputt)`, status: 'fertig' }], 'mit-fehler.xlsx');
    expect(await check(page, file)).toContain('ungültig: 1');
    const table = page.getByRole('table', { name: 'Probleme der Datei' });
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/^2\s+3\s+status\s+einer von laufend, abgeschlossen, verstetigt$/);
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
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await downloadVia(page, 'Auswahl exportieren (Excel)')) as unknown as ArrayBuffer);
    const titles = workbook.getWorksheet('Praxisbeispiele (de)')!.getColumn(3).values.slice(2);
    expect(titles).toEqual([title]);
  });

  it('exports everything as Excel, and that file imports again with nothing changed', async () => {
    await page.getByRole('link', { name: 'Import & Export' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Import & Export');
    const exported = await downloadVia(page, 'Excel (.xlsx), beide Sprachen');
    const summary = await check(page, exported);
    expect(summary).toMatch(/Neu: 0, geändert: 0, unverändert: \d+, ungültig: 0/);
    expect(Number(/unverändert: (\d+)/.exec(summary)![1])).toBeGreaterThanOrEqual(43);
    // In the English sheet every translation is unchanged too.
    await page.getByRole('combobox', { name: 'Sprache der Praxisbeispiele' }).click();
    await page.getByRole('option', { name: 'Englisch (Übersetzungen)' }).click();
    expect(await check(page, exported)).toMatch(/Neu: 0, geändert: 0, unverändert: \d+, ungültig: 0/);
  });
});
