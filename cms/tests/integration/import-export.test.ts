// The admin's import and export (/redaktion/import, /redaktion/export.*), as the page calls
// them: the Excel template in German (headers, names, dropdowns), a dry run that names every
// problem as editors read it and writes nothing, an import that sends drafts to review, export →
// re-import as a round trip that changes nothing, and the files of before (code headers and codes)
// read as they were.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../src/import/columns';
import { KNOWN_FIELDS, MUNICIPALITY_UID } from '@praxis/search';
import { exportRecords } from '../../src/import/export-records';
import { recordToRow, type Cell } from '../../src/import/table-rows';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { waitFor } from '../helpers/meilisearch.mts';
import { adminTokenFor } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;
const tokens: Record<string, string> = {};

const auth = (roleCode: string) => ({ authorization: `Bearer ${tokens[roleCode]}` });
async function download(roleCode: string, path: string): Promise<Buffer> {
  const response = await fetch(`${cms.url}${path}`, { headers: auth(roleCode) });
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
async function upload(roleCode: string, fileName: string, content: Uint8Array | string, fields: Record<string, string>) {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${cms.url}/redaktion/import`, { method: 'POST', headers: auth(roleCode), body: form });
  return { status: response.status, body: (await response.json()) as any };
}
async function importAndWait(roleCode: string, fileName: string, content: Uint8Array | string, fields: Record<string, string>) {
  const started = await upload(roleCode, fileName, content, { mode: 'import', ...fields });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  let job: any;
  await waitFor(async () => {
    job = ((await (await fetch(`${cms.url}/redaktion/import`, { headers: auth(roleCode) })).json()) as { job: any }).job;
    return job.finishedAt !== null;
  }, 'the import did not finish');
  return job;
}
const countCaseStudies = () => cms.strapi.db.query(CASE_STUDY).count();

/** An Excel file like an editor's: the template (German headers) with these records (codes, as JSON has them) in the German sheet. */
async function workbookWith(records: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/import-template.xlsx')) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
  for (const record of records) sheet.addRow(IMPORT_COLUMNS.map((column) => recordToRow(record)[column.name]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of one sheet with these headers and rows, as any spreadsheet program writes it. */
async function plainWorkbook(header: string[], rows: Cell[][], sheetName = 'Tabelle1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cells of a sheet's rows by header, as text (exceljs's values below the header row). */
function sheetRows(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(header.map((name, index) => [name, String(row.getCell(index + 1).value ?? '')])));
  });
  return rows;
}
const headerOf = (name: string) => IMPORT_COLUMNS.find((column) => column.name === name)!.header;
const check = async (fileName: string, content: Uint8Array | string, locale = 'de') => {
  const { status, body } = await upload(REDAKTION.code, fileName, content, { mode: 'check', locale });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.report;
};
const messages = (report: { issues: { message: string }[] }) => report.issues.map((issue) => issue.message);

beforeAll(async () => {
  cms = await startTestStrapi();
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'autorin@example.org', REDAKTION.code);
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'chefin@example.org', CHEFREDAKTION.code);
  // Existing content in both languages, as the newsroom has it.
  const importer = cms.strapi.service('api::case-study.importer') as unknown as {
    importContent(name: string, content: string, options?: object): Promise<{ written: boolean }>;
  };
  await importer.importContent(
    'bestand.json',
    JSON.stringify([
      caseStudyRecord({
        slug: 'bestand-eins',
        links: [{ label: 'Projektseite; mit Semikolon', url: 'https://example.org/eins' }],
        contact: { role: 'Koordination', email: 'info@example.org' },
      }),
      caseStudyRecord({
        slug: 'bestand-zwei',
        title: 'Bestand zwei',
        lastReviewed: '2025-03-01',
        transferability: { budgetRange: '10000-50000', durationMonths: 12 },
      }),
      caseStudyRecord({ slug: 'bestand-entwurf', title: 'Bestand Entwurf', publish: false }),
    ]),
  );
  await importer.importContent(
    'bestand-en.json',
    JSON.stringify([caseStudyRecord({ translationOf: 'bestand-eins', slug: 'existing-one', title: 'Existing one' })]),
    { locale: 'en' },
  );
  // An unfinished draft, as editors leave them in the admin: only a title and a teaser.
  await cms.strapi
    .documents(CASE_STUDY)
    .create({ locale: 'de', data: { title: 'Halb fertiger Entwurf', slug: 'halb-fertig', teaser: 'Noch ohne Text.' } as never });
});
afterAll(async () => {
  await cms?.stop();
});

describe('the Excel template', () => {
  it('has a sheet per language with German headers, the explanations and dropdowns of the names of the allowed values', async () => {
    expect([...IMPORT_COLUMNS.map((column) => column.name.split('.')[0])].every((field) => KNOWN_FIELDS.has(field!))).toBe(true);
    expect(new Set(IMPORT_COLUMNS.map((column) => column.name.split('.')[0]))).toEqual(KNOWN_FIELDS);
    // Every header is the catalogue's German label, and no two are alike.
    expect(new Set(IMPORT_COLUMNS.map((column) => column.header.toLowerCase())).size).toBe(IMPORT_COLUMNS.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/import-template.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Praxisbeispiele (de)', 'Praxisbeispiele (en)', 'Erläuterungen', 'Werte']);
    const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(IMPORT_COLUMNS.map((column) => column.header));
    expect(header.slice(0, 4)).toEqual(['Adresse (Slug)', 'Übersetzung von (Slug)', 'Titel', 'Kurzbeschreibung']);
    expect(header).toEqual(
      expect.arrayContaining(['Kommune(n)', 'Zielgruppen', 'Projektstatus', 'Übertragbarkeit: Budget pro Jahr', 'Kontakt: E-Mail', 'Veröffentlichen']),
    );
    expect(sheet.rowCount).toBe(1);
    // The dropdowns offer the names (the first column of each list in "Werte").
    const values = workbook.getWorksheet('Werte')!;
    const dropdown = (name: string) => sheet.getCell(`${sheet.getColumn(header.indexOf(headerOf(name)) + 1).letter}2`).dataValidation;
    expect(dropdown('status')).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Werte'!\$[A-Z]+\$2:\$[A-Z]+\$4$/)] });
    const listColumn = (validation: ExcelJS.DataValidation) => /^'Werte'!\$([A-Z]+)\$/.exec(validation.formulae![0] as string)![1]!;
    expect(values.getColumn(listColumn(dropdown('status'))).values.slice(1)).toEqual(['Projektstatus', 'Laufend', 'Abgeschlossen', 'Verstetigt']);
    expect(values.getColumn(listColumn(dropdown('buildingBlock'))).values.slice(2)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Aktive Nachbarschaft/)]),
    );
    expect(values.getColumn(listColumn(dropdown('transferability.budgetRange'))).values.slice(2)).toContain('10.000–50.000 €');
    expect(values.getColumn(listColumn(dropdown('publish'))).values.slice(2)).toEqual(['ja', 'nein']);
    // Kommunen by name, with their Gemeindeschlüssel beside them.
    const towns = values.getColumn(3).values;
    expect(values.getCell(1, 3).value).toBe('Kommune(n)');
    expect(towns).toContain('Bottrop (kreisfreie Stadt)');
    expect(towns).toContain('Lemgo (Kreis Lippe)');
    expect(values.getColumn(4).values).toContain('05512000');
    const explanations = workbook.getWorksheet('Erläuterungen')!;
    const statusRow = explanations.getRows(2, IMPORT_COLUMNS.length)!.find((row) => row.getCell(1).value === 'Projektstatus')!;
    expect(statusRow.getCell(5).value).toBe('Laufend, Abgeschlossen, Verstetigt');
    expect(statusRow.getCell(6).value).toBe('status');
  });
});

describe('importing an Excel file in the admin', () => {
  const good = caseStudyRecord({ slug: 'excel-neu', title: 'Aus Excel: Lernpaten', municipalities: ['05512000'] });
  const bad = caseStudyRecord({ slug: 'excel-kaputt', title: 'Aus Excel: kaputt', status: 'fertig', topics: ['gibt-es-nicht'] });

  it('checks first: every problem with its row, German label, value and rule, the entries by title, and nothing written', async () => {
    const before = await countCaseStudies();
    const { status, body } = await upload(REDAKTION.code, 'redaktion.xlsx', await workbookWith([good, bad]), { mode: 'check', locale: 'de' });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({
      total: 2,
      created: 1,
      invalid: 1,
      written: false,
      createdEntries: [{ title: 'Aus Excel: Lernpaten', slug: 'excel-neu' }],
    });
    expect(body.report.issues).toEqual([
      {
        record: 2,
        line: 3,
        field: 'topics',
        label: 'Handlungsfelder',
        value: 'gibt-es-nicht',
        reason: expect.stringMatching(/^Das Handlungsfeld „gibt-es-nicht“ gibt es nicht; /),
        message: expect.stringMatching(/^Zeile 3, Handlungsfelder: Das Handlungsfeld „gibt-es-nicht“ gibt es nicht; /),
      },
      {
        record: 2,
        line: 3,
        field: 'status',
        label: 'Projektstatus',
        value: 'fertig',
        reason: '„fertig“ ist kein Projektstatus; erlaubt: Laufend, Abgeschlossen, Verstetigt',
        message: 'Zeile 3, Projektstatus: „fertig“ ist kein Projektstatus; erlaubt: Laufend, Abgeschlossen, Verstetigt',
      },
    ]);
    expect(await countCaseStudies()).toBe(before);
  });

  it('writes nothing of an invalid file, unless the editor takes the valid ones', async () => {
    const before = await countCaseStudies();
    const refused = await importAndWait(REDAKTION.code, 'redaktion.xlsx', await workbookWith([good, bad]), { locale: 'de' });
    expect(refused.report).toMatchObject({ written: false, created: 1 });
    expect(await countCaseStudies()).toBe(before);

    const job = await importAndWait(REDAKTION.code, 'redaktion.xlsx', await workbookWith([good, bad]), { locale: 'de', validOnly: 'true' });
    expect(job).toMatchObject({ done: 1, total: 1, error: null, report: { written: true, created: 1, total: 2 } });
    // Redaktion's import arrives as a draft "Zur Prüfung", not published.
    const rows = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { slug: 'excel-neu' }, select: ['editorialState', 'publishedAt'] });
    expect(rows).toEqual([{ editorialState: 'zur-pruefung', publishedAt: null }]);
  });

  it('publishes only for the Chefredaktion, when chosen', async () => {
    const refused = await upload(REDAKTION.code, 'x.xlsx', await workbookWith([good]), { mode: 'import', locale: 'de', publish: 'true' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Veröffentlichen darf nur die Chefredaktion.');
    const job = await importAndWait(
      CHEFREDAKTION.code,
      'chef.xlsx',
      await workbookWith([caseStudyRecord({ slug: 'excel-chef', title: 'Aus Excel: Chefredaktion' })]),
      { locale: 'de', publish: 'true' },
    );
    expect(job.report).toMatchObject({ created: 1, written: true });
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { slug: 'excel-chef', publishedAt: { $notNull: true } } })).toBe(1);
  });

  it("creates an unknown provider as an Organisation for the Chefredaktion only; Redaktion's draft names it in the review note", async () => {
    const organisations = () => cms.strapi.db.query('api::organisation.organisation').count({ where: { name: { $startsWith: 'Neuer Träger' } } });
    const byRedaktion = caseStudyRecord({ slug: 'excel-neuer-traeger', title: 'Aus Excel: neuer Träger', provider: 'Neuer Träger Redaktion e. V.' });
    const check = await upload(REDAKTION.code, 'r.xlsx', await workbookWith([byRedaktion]), { mode: 'check', locale: 'de' });
    expect(check.body.report.warnings).toEqual([expect.stringContaining('Träger „Neuer Träger Redaktion e. V.“ ist noch keine Organisation der Datenbank')]);
    const job = await importAndWait(REDAKTION.code, 'r.xlsx', await workbookWith([byRedaktion]), { locale: 'de' });
    expect(job.report).toMatchObject({ created: 1, written: true, organisationsCreated: [], organisationsMissing: ['Neuer Träger Redaktion e. V.'] });
    expect(await organisations()).toBe(0);
    const draft = await cms.strapi.db
      .query(CASE_STUDY)
      .findOne({ where: { slug: 'excel-neuer-traeger' }, select: ['reviewComment'], populate: { provider: true } });
    expect(draft).toMatchObject({ provider: null, reviewComment: expect.stringContaining('„Neuer Träger Redaktion e. V.“') });

    const byChief = caseStudyRecord({ slug: 'excel-traeger-chef', title: 'Aus Excel: Träger der Chefredaktion', provider: 'Neuer Träger Chefredaktion e. V.' });
    const chief = await importAndWait(CHEFREDAKTION.code, 'c.xlsx', await workbookWith([byChief]), { locale: 'de' });
    expect(chief.report).toMatchObject({ organisationsCreated: ['Neuer Träger Chefredaktion e. V.'], organisationsMissing: [] });
    expect(await organisations()).toBe(1);
  });

  it('answers bad input with a clear 4xx', async () => {
    const form = new FormData();
    form.append('mode', 'check');
    const noFile = await fetch(`${cms.url}/redaktion/import`, { method: 'POST', headers: auth(REDAKTION.code), body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as any).error.message).toBe('Bitte eine Datei wählen (.xlsx, .csv oder .json).');
    const cases: [string, Uint8Array | string, Record<string, string>, RegExp][] = [
      ['x.xlsx', 'not a zip file', { mode: 'check' }, /^Die Datei „x\.xlsx“ ist keine Excel-Arbeitsmappe \(\.xlsx\), sondern Text\./],
      ['x.pdf', '%PDF', { mode: 'check' }, /bitte eine \.xlsx-, \.csv- oder \.json-Datei/],
      ['x.json', '{"records": [', { mode: 'check' }, /kein gültiges JSON/],
      ['x.csv', 'title\n"unterminated', { mode: 'check' }, /kein gültiges CSV/],
      ['x.json', '[]', { mode: 'check', locale: 'fr' }, /Die Sprache „fr“ gibt es nicht/],
      ['x.json', '[]', { mode: 'delete' }, /mode muss/],
    ];
    for (const [name, content, fields, message] of cases) {
      const { status, body } = await upload(REDAKTION.code, name, content, fields);
      expect(status, name).toBe(400);
      expect(body.error.message, name).toMatch(message);
    }
    const anonymous = await fetch(`${cms.url}/redaktion/import`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
  });
});

describe('what an editor reads about a file with problems', () => {
  const row = (overrides: Record<string, unknown>) => recordToRow(caseStudyRecord({ slug: 'meldungen', title: 'Meldungen', ...overrides }));

  it('names the row, the German label, the bad value and the rule', async () => {
    const report = await check(
      'meldungen.xlsx',
      await workbookWith([
        caseStudyRecord({ slug: 'ok', title: 'In Ordnung' }),
        caseStudyRecord({ municipalities: ['Lemgo', 'Atlantis'], teaser: 'x'.repeat(369), fundingStart: 'zwanzig' }),
      ]),
    );
    expect(messages(report)).toEqual([
      'Zeile 3, Kurzbeschreibung: 369 Zeichen, höchstens 300',
      'Zeile 3, Kommune(n): „Atlantis“ ist keine NRW-Kommune; bitte den Namen wählen, z. B. „Lemgo (Kreis Lippe)“',
      'Zeile 3, Förderbeginn (Jahr): „zwanzig“ passt nicht: eine Jahreszahl wie 2021',
    ]);
    expect(report.issues[1]).toMatchObject({ record: 2, line: 3, field: 'municipalities', label: 'Kommune(n)', value: 'Atlantis' });
    // A slip of the keyboard gets a suggestion.
    const typo = await check('tippfehler.xlsx', await workbookWith([caseStudyRecord({ municipalities: ['Lemgoo'], targetGroups: ['Jugendlich'] })]));
    expect(messages(typo)).toEqual([
      'Zeile 2, Kommune(n): „Lemgoo“ ist keine NRW-Kommune; meinten Sie „Lemgo (Kreis Lippe)“?',
      'Zeile 2, Zielgruppen: Die Zielgruppe „Jugendlich“ gibt es nicht; meinten Sie „Jugendliche (14–17)“?',
    ]);
  });

  it('asks which Kommune is meant when its name is twice in NRW', async () => {
    // NRW has no such name today; a second "Lemgo" in a made-up Kreis stands for one.
    const twin = await cms.strapi.db
      .query(MUNICIPALITY_UID)
      .create({ data: { ags: '05999901', name: 'Lemgo', label: 'Lemgo (Kreis Musterland)', type: 'Gemeinde', district: 'Musterland' } });
    try {
      const report = await check(
        'zwilling.xlsx',
        await workbookWith([caseStudyRecord({ municipalities: ['Lemgo'] }), caseStudyRecord({ slug: 'mit-kreis', municipalities: ['lemgo (kreis lippe)'] })]),
      );
      expect(messages(report)).toEqual([
        'Zeile 2, Kommune(n): „Lemgo“ gibt es in NRW mehrmals: bitte „Lemgo (Kreis Lippe)“ oder „Lemgo (Kreis Musterland)“ wählen',
      ]);
    } finally {
      await cms.strapi.db.query(MUNICIPALITY_UID).delete({ where: { id: twin.id } });
    }
  });

  it('says a missing required column once, not once per row', async () => {
    const columns = IMPORT_COLUMNS.filter((column) => column.name !== 'title');
    const rows = [1, 2, 3].map((number) => columns.map((column) => row({ slug: `ohne-titel-${number}` })[column.name]!));
    const report = await check(
      'ohne-titel.xlsx',
      await plainWorkbook(
        columns.map((column) => column.header),
        rows,
      ),
    );
    expect(report).toMatchObject({ total: 3, invalid: 3, created: 0 });
    expect(messages(report)).toEqual(['Die Spalte „Titel“ fehlt; jede Zeile braucht einen Titel.']);
    expect(report.issues[0]).toEqual({
      field: 'title',
      label: 'Titel',
      reason: 'Die Spalte fehlt; jede Zeile braucht einen Titel.',
      message: expect.any(String),
    });
  });

  it('reads a CSV named .xlsx as the CSV it is, and refuses what is no table in German, whatever its name', async () => {
    const csv = (await download(REDAKTION.code, '/redaktion/export.csv?locale=de')).toString('utf8');
    const renamed = await check('praxisbeispiele.xlsx', csv);
    expect(renamed).toMatchObject({ issues: [], created: 0, updated: 0 });
    expect(renamed.warnings).toContain('Die Datei „praxisbeispiele.xlsx“ ist keine Excel-Arbeitsmappe, sondern Text; sie wurde als CSV gelesen.');

    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 17) % 256);
    const refusals: [string, Uint8Array | string, string | RegExp][] = [
      [
        'zufall.xlsx',
        random,
        'Die Datei „zufall.xlsx“ ist keine Tabelle: weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV- oder JSON-Datei. Bitte die Tabelle in Excel öffnen und als „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8“ speichern.',
      ],
      ['zufall.csv', random, /^Die Datei „zufall\.csv“ ist keine Tabelle/],
      [
        'kaputt.xlsx',
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random.subarray(0, 500)]),
        /^Die Datei „kaputt\.xlsx“ ist keine lesbare Excel-Arbeitsmappe \(\.xlsx\)/,
      ],
      ['alt.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...random.subarray(0, 500)]), /im alten Excel-Format \(\.xls\)/],
      ['brief.xlsx', 'Sehr geehrte Damen und Herren,\nanbei die Liste.\n', /^Die Datei „brief\.xlsx“ ist keine Excel-Arbeitsmappe \(\.xlsx\), sondern Text\. /],
      [
        'notiz.xlsx',
        'Liste der Projekte\nProjekt eins\n',
        /^Die Datei „notiz\.xlsx“ ist keine Excel-Arbeitsmappe \(\.xlsx\), sondern Text\. In der ersten Zeile steht keine Spalte, die der Import kennt/,
      ],
    ];
    for (const [name, content, message] of refusals) {
      const { status, body } = await upload(REDAKTION.code, name, content, { mode: 'check', locale: 'de' });
      expect(status, name).toBe(400);
      expect(body.error.message, name).toMatch(message);
      expect(body.error.message, name).not.toMatch(/central directory|zip file|Unexpected|Invalid/i);
    }
  });
});

describe('export → re-import', () => {
  it('writes German headers and names instead of codes, one list item per line', async () => {
    const response = await fetch(`${cms.url}/redaktion/export.xlsx`, { headers: auth(REDAKTION.code) });
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="praxisbeispiele-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = sheetRows(workbook.getWorksheet('Praxisbeispiele (de)')!);
    const zwei = rows.find((entry) => entry['Adresse (Slug)'] === 'bestand-zwei')!;
    expect(zwei).toMatchObject({
      Titel: 'Bestand zwei',
      Baustein: expect.stringMatching(/^Aktive Nachbarschaft/),
      'Kommune(n)': 'Dortmund (kreisfreie Stadt)',
      Zielgruppen: 'Familien mit Zuwanderungsgeschichte\nEltern und Erziehende',
      Projektstatus: 'Laufend',
      'Übertragbarkeit: Budget pro Jahr': '10.000–50.000 €',
      Veröffentlichen: 'ja',
    });
    expect(zwei.Handlungsfelder!.split('\n')).toHaveLength(2);
    expect(rows.find((entry) => entry['Adresse (Slug)'] === 'bestand-entwurf')).toMatchObject({ Veröffentlichen: 'nein' });
    const english = sheetRows(workbook.getWorksheet('Praxisbeispiele (en)')!);
    expect(english).toEqual([expect.objectContaining({ 'Übersetzung von (Slug)': 'bestand-eins', 'Kommune(n)': 'Dortmund (kreisfreie Stadt)' })]);
  });

  it('round-trips the Excel export in both languages without a change, unfinished drafts included', async () => {
    const exported = await download(REDAKTION.code, '/redaktion/export.xlsx');
    const de = await check('export.xlsx', exported);
    expect(de).toMatchObject({ issues: [], warnings: [], created: 0, updated: 0 });
    expect(de.unchanged).toBe(await cms.strapi.db.query(CASE_STUDY).count({ where: { locale: 'de', publishedAt: null } }));
    const en = await check('export.xlsx', exported, 'en');
    expect(en).toMatchObject({ issues: [], created: 0, updated: 0, unchanged: 1 });
  });

  it('reads the files of before: code headers and codes, as the export wrote them until now', async () => {
    // The old export, row for row: field names as headers, slugs and AGS in the cells.
    const records = await exportRecords(cms.strapi, 'de', 'de');
    const old = await plainWorkbook(
      IMPORT_COLUMNS.map((column) => column.name),
      records.map((record) => IMPORT_COLUMNS.map((column) => recordToRow(record)[column.name]!)),
      'Praxisbeispiele (de)',
    );
    expect(await check('alt.xlsx', old)).toMatchObject({ issues: [], warnings: [], created: 0, updated: 0, unchanged: records.length });
    const oldCsv = [
      IMPORT_COLUMNS.map((column) => column.name).join(';'),
      ...records.map((record) =>
        IMPORT_COLUMNS.map((column) => {
          const text = String(recordToRow(record)[column.name]);
          return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        }).join(';'),
      ),
    ].join('\r\n');
    expect(await check('alt.csv', oldCsv)).toMatchObject({ issues: [], created: 0, updated: 0, unchanged: records.length });
  });

  it('reads a mix of both, names forgivingly', async () => {
    const csv = [
      'title;Kurzbeschreibung;description;BAUSTEIN;kommune(n);targetGroups;Handlungsfelder;status;Förderbeginn (Jahr);transferability.budgetRange;Veröffentlichen',
      [
        'Gemischt: alte und neue Spalten',
        'Eine Datei mit beiden Schreibweisen.',
        'Text.',
        'aktive-nachbarschaft',
        '"  lemgo \n05512000\nDortmund (kreisfreie Stadt)"',
        '"eltern\nAlleinerziehende"',
        'lotsen',
        'abgeschlossen',
        '2023',
        '10000 - 50000',
        'nein',
      ].join(';'),
    ].join('\n');
    const report = await check('gemischt.csv', csv);
    expect(report).toMatchObject({
      issues: [],
      created: 1,
      createdEntries: [{ title: 'Gemischt: alte und neue Spalten', slug: 'gemischt-alte-und-neue-spalten' }],
    });
    await importAndWait(CHEFREDAKTION.code, 'gemischt.csv', csv, { locale: 'de' });
    const entry = await cms.strapi.db.query(CASE_STUDY).findOne({
      where: { slug: 'gemischt-alte-und-neue-spalten', publishedAt: null },
      populate: { municipalities: { select: ['ags'] }, targetGroups: { select: ['slug'] }, transferability: true },
    });
    expect(entry.municipalities.map((town: { ags: string }) => town.ags).sort()).toEqual(['05512000', '05766044', '05913000']);
    expect(entry.targetGroups.map((group: { slug: string }) => group.slug).sort()).toEqual(['alleinerziehende', 'eltern']);
    expect(entry).toMatchObject({ projectStatus: 'abgeschlossen', transferability: { budgetRange: '10000-50000' } });
    // Exported and read again, it is unchanged.
    expect(await check('export.xlsx', await download(REDAKTION.code, '/redaktion/export.xlsx'))).toMatchObject({ issues: [], created: 0, updated: 0 });
  });

  it("exports what the admin list's filter shows, in both languages, and refuses a filter it cannot read", async () => {
    const filter = new URLSearchParams({ 'filters[$and][0][slug][$eq]': 'bestand-eins', listLocale: 'de' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(REDAKTION.code, `/redaktion/export.xlsx?${filter}`)) as unknown as ArrayBuffer);
    const slugsIn = (sheet: string) => workbook.getWorksheet(sheet)!.getColumn(1).values.slice(2);
    expect(slugsIn('Praxisbeispiele (de)')).toEqual(['bestand-eins']);
    expect(slugsIn('Praxisbeispiele (en)')).toEqual(['existing-one']);
    const csv = (await download(REDAKTION.code, `/redaktion/export.csv?locale=de&${filter}`)).toString('utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    for (const bad of ['filters[$and][0][gibtsnicht][$eq]=x', 'filters=text', 'filters[$and][0][slug][$eq]=x&listLocale=fr']) {
      const response = await fetch(`${cms.url}/redaktion/export.xlsx?${bad}`, { headers: auth(REDAKTION.code) });
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as any).error.message, bad).toMatch(/^Der Filter der Liste ist ungültig/);
    }
  });

  it('round-trips the CSV export (German headers and names, as the Excel sheet), and finds exactly the one cell an editor changed, by title', async () => {
    const csv = (await download(REDAKTION.code, '/redaktion/export.csv?locale=de')).toString('utf8');
    expect(csv.startsWith('\uFEFFAdresse (Slug);Übersetzung von (Slug);Titel;Kurzbeschreibung;')).toBe(true);
    expect(csv).toContain('Dortmund (kreisfreie Stadt)');
    // Decimals as German Excel reads them: "1.5" would be the 1st of May.
    expect(csv).toContain(';1,5;');
    const unchanged = await check('export.csv', csv);
    expect(unchanged).toMatchObject({ issues: [], created: 0, updated: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/export.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
    const titleColumn = (sheet.getRow(1).values as string[]).indexOf('Titel');
    const slug = String(sheet.getRow(2).getCell(1).value);
    sheet.getRow(2).getCell(titleColumn).value = 'In Excel geändert';
    const edited = await check('edited.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(edited).toMatchObject({
      issues: [],
      created: 0,
      updated: 1,
      unchanged: unchanged.unchanged - 1,
      updatedEntries: [{ title: 'In Excel geändert', slug }],
    });
  });
});
