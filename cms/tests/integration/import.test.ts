import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/import/run-import';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

let cms: TestStrapi;
beforeAll(async () => {
  cms = await startTestStrapi();
});
afterAll(async () => {
  await cms?.stop();
});

interface Importer {
  importContent(fileName: string, content: string, options?: object): Promise<ImportReport>;
}
const importer = () => cms.strapi.service('api::case-study.importer') as unknown as Importer;
const importJson = (records: unknown, options: object = {}) => importer().importContent('records.json', JSON.stringify(records), options);
const countCaseStudies = (where: object = {}) => cms.strapi.db.query('api::case-study.case-study').count({ where });
const countOrganisations = () => cms.strapi.db.query('api::organisation.organisation').count();
const findPublished = (slug: string, locale = 'de') =>
  cms.strapi.documents('api::case-study.case-study').findFirst({
    locale,
    status: 'published',
    filters: { slug },
    populate: ['buildingBlock', 'municipalities', 'targetGroups', 'provider', 'successFactors', 'transferability'],
  });

describe('importing a valid JSON file', () => {
  const records = [
    caseStudyRecord({ slug: 'stadtteilmuetter-nordstadt' }),
    caseStudyRecord({
      title: 'Bewegungsbaustelle im Park',
      slug: undefined,
      buildingBlock: 'gesundes-aufwachsen',
      municipalities: ['05978024', '05978020'],
      provider: 'Sportjugend Test e. V.',
      status: 'verstetigt',
      fundingStart: 2019,
      fundingEnd: 2021,
      transferability: { budgetRange: '10000-50000', durationMonths: 24, firstSteps: '- Fläche finden' },
    }),
  ];

  it('creates and publishes every record with its relations, and creates new organisations', async () => {
    const organisationsBefore = await countOrganisations();
    const report = await importJson(records);
    expect(report).toMatchObject({ total: 2, created: 2, updated: 0, unchanged: 0, invalid: 0, issues: [], written: true });
    expect(report.createdEntries.map((entry) => entry.title)).toEqual(['Stadtteilmütter im Quartier Nordstadt', 'Bewegungsbaustelle im Park']);
    expect(report.organisationsCreated).toEqual(['Testträger Nordstadt e. V.', 'Sportjugend Test e. V.']);
    expect(await countOrganisations()).toBe(organisationsBefore + 2);

    const entry = await findPublished('bewegungsbaustelle-im-park');
    expect(entry).toMatchObject({ projectStatus: 'verstetigt', fundingStart: 2019, fundingEnd: 2021 });
    expect(entry!.buildingBlock.slug).toBe('gesundes-aufwachsen');
    expect(entry!.municipalities.map((m: { name: string }) => m.name).sort()).toEqual(['Kamen', 'Lünen']);
    expect(entry!.provider.name).toBe('Sportjugend Test e. V.');
    expect(entry!.transferability).toMatchObject({ staffFte: 1.5, budgetRange: '10000-50000', durationMonths: 24 });
    expect(entry!.successFactors.map((item: { text: string }) => item.text)).toEqual(['Feste Ansprechpersonen im Quartier']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await cms.strapi.db.query('api::case-study.case-study').findMany({ select: ['documentId', 'updatedAt'], orderBy: { id: 'asc' } });
    const report = await importJson(records);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true, organisationsCreated: [] });
    const after = await cms.strapi.db.query('api::case-study.case-study').findMany({ select: ['documentId', 'updatedAt'], orderBy: { id: 'asc' } });
    expect(after).toEqual(before);
  });

  it('updates a record whose content changed, found by its slug', async () => {
    const changed = [{ ...records[0], teaser: 'Neuer Teaser für den zweiten Import des Projekts Stadtteilmütter.' }, records[1]];
    const report = await importJson(changed);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    // Which one, by title.
    expect(report.updatedEntries).toEqual([{ title: 'Stadtteilmütter im Quartier Nordstadt', slug: 'stadtteilmuetter-nordstadt' }]);
    expect(report.createdEntries).toEqual([]);
    expect((await findPublished('stadtteilmuetter-nordstadt'))!.teaser).toBe('Neuer Teaser für den zweiten Import des Projekts Stadtteilmütter.');
  });

  it('imports a record with publish false as a draft only', async () => {
    await importJson([caseStudyRecord({ slug: 'nur-entwurf-import', publish: false })]);
    expect(await findPublished('nur-entwurf-import')).toBeNull();
    expect(await countCaseStudies({ slug: 'nur-entwurf-import' })).toBe(1);
  });

  it('imports an English translation of a German case study with translationOf', async () => {
    const report = await importJson(
      [
        caseStudyRecord({
          translationOf: 'stadtteilmuetter-nordstadt',
          slug: 'neighbourhood-mothers',
          title: 'Neighbourhood mothers in Nordstadt',
          teaser: 'Trained neighbourhood mothers accompany families.',
          description: 'A *fictional* test project.',
        }),
      ],
      { locale: 'en' },
    );
    expect(report).toMatchObject({ created: 1, issues: [] });
    const german = await findPublished('stadtteilmuetter-nordstadt');
    const english = await findPublished('neighbourhood-mothers', 'en');
    expect(english!.documentId).toBe(german!.documentId);
    expect(english!.title).toBe('Neighbourhood mothers in Nordstadt');
  });
});

describe('importing a CSV file', () => {
  const header =
    'title;teaser;description;buildingBlock;municipalities;targetGroups;topics;status;fundingStart;fundingEnd;provider;staffFte;successFactors;pitfalls;contact.email;links;publish';
  const row = [
    'Vätertreff am Samstag',
    'Ein offener Treff für Väter und Kinder im Stadtteilzentrum.',
    '"Zeile 1\n\nZeile 2 mit ; Semikolon"',
    'aktive-nachbarschaft',
    '"05913000;05914000"',
    '"eltern;alleinerziehende"',
    'elternbildung',
    'abgeschlossen',
    '2020',
    '2022',
    'Vätertreff Test gGmbH',
    '0,5',
    '"Feste Zeiten;Frühstück"',
    'Wenig Räume',
    'vaeter@example.org',
    '"Flyer|https://example.org/flyer.pdf"',
    'ja',
  ].join(';');

  it('reads ;-separated columns, quoted Markdown, lists and nested fields', async () => {
    const report = await importer().importContent('vaeter.csv', `${header}\n${row}\n`);
    expect(report).toMatchObject({ created: 1, issues: [] });
    const entry = await cms.strapi.documents('api::case-study.case-study').findFirst({
      locale: 'de',
      status: 'published',
      filters: { slug: 'vaetertreff-am-samstag' },
      populate: ['municipalities', 'contact', 'links', 'transferability', 'successFactors'],
    });
    expect(entry!.description).toBe('Zeile 1\n\nZeile 2 mit ; Semikolon');
    expect(entry!.municipalities.map((m: { name: string }) => m.name).sort()).toEqual(['Dortmund', 'Hagen']);
    expect(entry!.contact.email).toBe('vaeter@example.org');
    expect(entry!.links).toMatchObject([{ label: 'Flyer', url: 'https://example.org/flyer.pdf' }]);
    expect(entry!.transferability.staffFte).toBe(0.5);
    expect(entry!.successFactors).toHaveLength(2);
  });
});

describe('importing an invalid file', () => {
  const records = [
    caseStudyRecord({ slug: 'gueltig-aber-nicht-geschrieben', provider: 'Niemals angelegt e. V.' }),
    caseStudyRecord({ slug: 'kaputt-1', municipalities: ['05999999'], topics: ['bewegung', 'quatsch'], colour: 'blau' }),
    caseStudyRecord({ slug: 'kaputt-2', teaser: 'x'.repeat(301), fundingStart: 2024, fundingEnd: 2020 }),
    { slug: 'kaputt-3', title: '' },
    'kein Objekt',
    caseStudyRecord({ slug: 'gueltig-aber-nicht-geschrieben' }),
  ];

  it('reports every problem with record number, German label, value and rule and writes nothing', async () => {
    const caseStudiesBefore = await countCaseStudies();
    const organisationsBefore = await countOrganisations();
    const report = await importJson(records);
    expect(report.written).toBe(false);
    expect(report.invalid).toBe(5);
    expect(await countCaseStudies()).toBe(caseStudiesBefore);
    expect(await countOrganisations()).toBe(organisationsBefore);
    expect(report.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(
        /^Datensatz 2, Kommune\(n\): Eine Kommune mit dem Gemeindeschlüssel „05999999“ gibt es nicht; bitte den Namen wählen, z\. B\. „Lemgo \(Kreis Lippe\)“$/,
      ),
      expect.stringMatching(/^Datensatz 2, Handlungsfelder: Das Handlungsfeld „quatsch“ gibt es nicht; /),
      'Datensatz 3, Kurzbeschreibung: 301 Zeichen, höchstens 300',
      'Datensatz 3, Förderende (Jahr): „2020“ liegt vor dem Förderbeginn 2024',
      'Datensatz 4, Titel: ist leer; jedes Praxisbeispiel braucht einen Titel',
      ...['Kurzbeschreibung', 'Worum es geht', 'Baustein', 'Kommune(n)', 'Projektstatus', 'Förderbeginn (Jahr)'].map(
        (label) => `Datensatz 4, ${label}: fehlt; Pflichtfeld zum Veröffentlichen (nur ein Entwurf mit „Veröffentlichen: nein“ darf es leer lassen)`,
      ),
      'Datensatz 5: muss ein Objekt mit benannten Feldern sein',
      'Datensatz 6, Adresse (Slug): „gueltig-aber-nicht-geschrieben“ hat auch Datensatz 1 dieser Datei',
    ]);
    // The machine's side of a problem: where in the record, and the value refused.
    expect(report.issues[1]).toEqual({
      record: 2,
      field: 'topics',
      label: 'Handlungsfelder',
      value: 'quatsch',
      reason: expect.stringMatching(/^Das Handlungsfeld „quatsch“ gibt es nicht/),
      message: expect.any(String),
    });
    expect(report.warnings).toEqual(['Unbekanntes Feld „colour“ in einem Datensatz wurde übergangen.']);
  });

  it('reports an inverted funding period on fundingEnd', async () => {
    const report = await importJson([caseStudyRecord({ fundingStart: 2024, fundingEnd: 2020 })]);
    expect(report.issues.map((issue) => issue.message)).toEqual(['Datensatz 1, Förderende (Jahr): „2020“ liegt vor dem Förderbeginn 2024']);
  });

  it('gives CSV line numbers, and every problem of a row at once', async () => {
    const csv =
      'title,teaser,description,buildingBlock,municipalities,status,fundingStart\nA,B,C,aktive-nachbarschaft,05913000,laufend,2022\nD,E,F,unbekannt,05913000,laufend,zwanzig\n';
    const report = await importer().importContent('x.csv', csv, { dryRun: true });
    expect(report.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^Zeile 3, Baustein: Der Baustein „unbekannt“ gibt es nicht; erlaubt: Aktive Nachbarschaft.*, Gesundes Aufwachsen$/),
      'Zeile 3, Förderbeginn (Jahr): „zwanzig“ passt nicht: eine Jahreszahl wie 2021',
    ]);
    expect(report.issues.map(({ record, line, field }) => ({ record, line, field }))).toEqual([
      { record: 2, line: 3, field: 'buildingBlock' },
      { record: 2, line: 3, field: 'fundingStart' },
    ]);
  });

  it('writes the valid records with skipInvalid', async () => {
    const report = await importJson(records, { skipInvalid: true });
    expect(report).toMatchObject({ written: true, created: 1 });
    expect(await findPublished('gueltig-aber-nicht-geschrieben')).not.toBeNull();
  });

  it('writes nothing on a dry run but says what would happen', async () => {
    const before = await countCaseStudies();
    const report = await importJson([caseStudyRecord({ slug: 'trockenlauf', provider: 'Trockenträger e. V.' })], { dryRun: true });
    expect(report).toMatchObject({ written: false, created: 1, organisationsCreated: ['Trockenträger e. V.'] });
    expect(await countCaseStudies()).toBe(before);
  });

  it('rejects an unreadable file with a clear message', async () => {
    await expect(importer().importContent('x.json', '{"records": [')).rejects.toThrow(/kein gültiges JSON/);
    await expect(importer().importContent('x.pdf', '%PDF-1.4')).rejects.toThrow(/bitte eine \.xlsx-, \.csv- oder \.json-Datei/);
    await expect(importer().importContent('x.csv', '')).rejects.toThrow('Die Datei „x.csv“ ist leer.');
    await expect(importJson([], { locale: 'fr' })).rejects.toThrow(/Die Sprache „fr“ gibt es nicht/);
  });
});
