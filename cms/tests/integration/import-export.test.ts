// The admin's import and export (/redaktion/import, /redaktion/export.*), as the page calls
// them: the Excel template, a dry run that names every problem and writes nothing, an import
// that sends drafts to review, and export → re-import as a round trip that changes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../src/import/columns';
import { KNOWN_FIELDS } from '@praxis/search';
import { recordToRow } from '../../src/import/table-rows';
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

/** An Excel file like an editor's: the template with these records in the German sheet. */
async function workbookWith(records: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/import-template.xlsx')) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
  for (const record of records) sheet.addRow(IMPORT_COLUMNS.map((column) => recordToRow(record)[column.name]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

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
  it('has a sheet per language with the import columns, the explanations and dropdowns of the allowed values', async () => {
    expect([...IMPORT_COLUMNS.map((column) => column.name.split('.')[0])].every((field) => KNOWN_FIELDS.has(field!))).toBe(true);
    expect(new Set(IMPORT_COLUMNS.map((column) => column.name.split('.')[0]))).toEqual(KNOWN_FIELDS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/import-template.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Praxisbeispiele (de)', 'Praxisbeispiele (en)', 'Erläuterungen', 'Werte']);
    const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_COLUMNS.map((column) => column.name));
    expect(sheet.rowCount).toBe(1);
    const statusColumn = sheet.getColumn(IMPORT_COLUMNS.findIndex((column) => column.name === 'status') + 1).letter;
    expect(sheet.getCell(`${statusColumn}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^'Werte'!\$[A-Z]+\$2:\$[A-Z]+\$4$/)],
    });
    const explanations = workbook.getWorksheet('Erläuterungen')!;
    const statusRow = explanations.getRows(2, IMPORT_COLUMNS.length)!.find((row) => row.getCell(1).value === 'status')!;
    expect(statusRow.getCell(5).value).toBe('laufend (Laufend), abgeschlossen (Abgeschlossen), verstetigt (Verstetigt)');
    const values = workbook.getWorksheet('Werte')!;
    expect(values.getColumn(3).values).toContain('05512000');
    expect(values.getColumn(4).values).toContain('Bottrop (kreisfreie Stadt)');
  });
});

describe('importing an Excel file in the admin', () => {
  const good = caseStudyRecord({ slug: 'excel-neu', title: 'Aus Excel: Lernpaten', municipalities: ['05512000'] });
  const bad = caseStudyRecord({ slug: 'excel-kaputt', title: 'Aus Excel: kaputt', status: 'fertig', topics: ['gibt-es-nicht'] });

  it('checks first: a table of every problem with record, row and field, and nothing written', async () => {
    const before = await countCaseStudies();
    const { status, body } = await upload(REDAKTION.code, 'redaktion.xlsx', await workbookWith([good, bad]), { mode: 'check', locale: 'de' });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ total: 2, created: 1, written: false });
    expect(body.report.issues).toEqual([{ record: 2, line: 3, field: 'status', reason: expect.any(String) }]);
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
      ['x.xlsx', 'not a zip file', { mode: 'check' }, /keine lesbare Excel-Arbeitsmappe/],
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

describe('export → re-import', () => {
  it('round-trips the Excel export in both languages without a change, unfinished drafts included', async () => {
    const exported = await download(REDAKTION.code, '/redaktion/export.xlsx');
    const de = (await upload(REDAKTION.code, 'export.xlsx', exported, { mode: 'check', locale: 'de' })).body.report;
    expect(de).toMatchObject({ issues: [], created: 0, updated: 0 });
    expect(de.unchanged).toBe(await cms.strapi.db.query(CASE_STUDY).count({ where: { locale: 'de', publishedAt: null } }));
    const en = (await upload(REDAKTION.code, 'export.xlsx', exported, { mode: 'check', locale: 'en' })).body.report;
    expect(en).toMatchObject({ issues: [], created: 0, updated: 0, unchanged: 1 });
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

  it('round-trips the CSV export, and finds exactly the one cell an editor changed', async () => {
    const csv = (await download(REDAKTION.code, '/redaktion/export.csv?locale=de')).toString('utf8');
    expect(csv.startsWith('\uFEFFslug;translationOf;title;')).toBe(true);
    const unchanged = (await upload(REDAKTION.code, 'export.csv', csv, { mode: 'check', locale: 'de' })).body.report;
    expect(unchanged).toMatchObject({ issues: [], created: 0, updated: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(REDAKTION.code, '/redaktion/export.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Praxisbeispiele (de)')!;
    const titleColumn = IMPORT_COLUMNS.findIndex((column) => column.name === 'title') + 1;
    sheet.getRow(2).getCell(titleColumn).value = 'In Excel geändert';
    const edited = (await upload(REDAKTION.code, 'edited.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), { mode: 'check', locale: 'de' })).body.report;
    expect(edited).toMatchObject({ issues: [], created: 0, updated: 1, unchanged: unchanged.unchanged - 1 });
  });
});
