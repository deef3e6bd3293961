import { describe, expect, it } from 'vitest';
import { nameLists } from './names';
import { parseImportFile } from './parse-file';
import { validateRecords, type Vocabulary } from './validate';
import type { ValueLists } from './workbook';

const town = (ags: string, name: string, label: string) => ({ value: ags, name: label, aliases: [name, ags.replace(/^0/, '')] });
const VALUES: ValueLists = {
  buildingBlocks: [
    { value: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft' },
    { value: 'gesundes-aufwachsen', name: 'Gesundes Aufwachsen' },
  ],
  municipalities: [
    town('05512000', 'Bottrop', 'Bottrop (kreisfreie Stadt)'),
    town('05766044', 'Lemgo', 'Lemgo (Kreis Lippe)'),
    town('05999001', 'Neustadt', 'Neustadt (Kreis Nord)'),
    town('05999002', 'Neustadt', 'Neustadt (Kreis Süd)'),
  ],
  targetGroups: [
    { value: 'eltern', name: 'Eltern' },
    { value: 'kinder-0-6', name: 'Kinder (0–6 Jahre)' },
  ],
  topics: [{ value: 'lotsen', name: 'Lotsen und Begleitung' }],
  settings: [{ value: 'kita', name: 'Kita' }],
  criteria: [{ value: 'partizipation', name: 'Partizipation' }],
  statuses: [
    { value: 'laufend', name: 'Laufend' },
    { value: 'abgeschlossen', name: 'Abgeschlossen' },
    { value: 'verstetigt', name: 'Verstetigt' },
  ],
  budgetRanges: [
    { value: 'unter-10000', name: 'unter 10.000 €' },
    { value: '10000-50000', name: '10.000–50.000 €' },
  ],
  yesNo: [
    { value: 'ja', name: 'ja' },
    { value: 'nein', name: 'nein' },
  ],
};
const lists = nameLists(VALUES);
const vocabulary: Vocabulary = { names: lists, slugsInLocale: new Map(), defaultLocaleSlugs: new Map() };

describe('names instead of codes', () => {
  it('reads a code, a name, a Kommune without its Kreis, in any case and spacing', () => {
    const towns = lists.municipalities;
    for (const text of ['05766044', 'Lemgo (Kreis Lippe)', '  lemgo  (kreis lippe) ', 'Lemgo', 'LEMGO', 'Lemgo, Kreis Lippe', '5766044']) {
      expect(towns.lookup(text), text).toEqual({ value: '05766044' });
    }
    expect(towns.lookup('Bottrop')).toEqual({ value: '05512000' });
    expect(lists.budgetRanges.lookup('10000 - 50000')).toEqual({ value: '10000-50000' });
    expect(lists.statuses.lookup('abgeschlossen')).toEqual({ value: 'abgeschlossen' });
    expect(lists.targetGroups.lookup('kinder (0-6 jahre)')).toEqual({ value: 'kinder-0-6' });
  });

  it('asks which one when a name is twice in NRW, and suggests a name one slip away', () => {
    expect(lists.municipalities.lookup('Neustadt')).toEqual({ ambiguous: ['Neustadt (Kreis Nord)', 'Neustadt (Kreis Süd)'] });
    expect(lists.municipalities.lookup('Neustadt (Kreis Süd)')).toEqual({ value: '05999002' });
    expect(lists.municipalities.lookup('Lemgoo')).toEqual({ unknown: true, closest: 'Lemgo (Kreis Lippe)' });
    expect(lists.municipalities.lookup('Atlantis')).toEqual({ unknown: true });
  });

  it('shows a name only where it reads back to its code', () => {
    expect(lists.municipalities.nameOf('05766044')).toBe('Lemgo (Kreis Lippe)');
    expect(lists.statuses.nameOf('laufend')).toBe('Laufend');
    expect(lists.statuses.nameOf('unbekannt')).toBe('unbekannt');
    const twice = nameLists({
      ...VALUES,
      topics: [
        { value: 'a', name: 'Gleich' },
        { value: 'b', name: 'Gleich' },
      ],
    });
    expect(twice.topics.nameOf('a')).toBe('a');
  });
});

const HEADER = 'Titel;Kurzbeschreibung;Worum es geht;Baustein;Kommune(n);Projektstatus;Förderbeginn (Jahr);Übertragbarkeit: Budget pro Jahr';
const line = (cells: Partial<Record<'title' | 'teaser' | 'town' | 'status' | 'budget', string>>) =>
  [
    cells.title ?? 'Ein Titel',
    cells.teaser ?? 'Kurz.',
    'Text.',
    'Aktive Nachbarschaft',
    cells.town ?? 'Lemgo',
    cells.status ?? 'Laufend',
    '2024',
    cells.budget ?? '',
  ].join(';');

async function check(csv: string) {
  const file = await parseImportFile('datei.csv', csv, 'de');
  return validateRecords(file.records, vocabulary, { defaultLocale: true, columns: file.columns });
}

describe('what an editor reads about a file', () => {
  it('reads German headers and names to the codes of the record', async () => {
    const result = await check(`${HEADER}\n${line({ town: '"Lemgo\nBottrop (kreisfreie Stadt)"', budget: 'unter 10.000 €' })}\n`);
    expect(result.issues).toEqual([]);
    expect(result.valid[0]!.record).toMatchObject({
      buildingBlock: 'aktive-nachbarschaft',
      municipalities: ['05766044', '05512000'],
      status: 'laufend',
      transferability: { budgetRange: 'unter-10000' },
    });
  });

  it('names the row, the German label, the value and the rule', async () => {
    const result = await check(
      [
        HEADER,
        line({ title: 'Eins' }),
        line({ title: 'Zwei', town: 'Atlantis' }),
        line({ title: 'Drei', teaser: 'x'.repeat(369) }),
        line({ title: 'Vier', town: 'Neustadt' }),
        line({ title: 'Fünf', status: 'fertig', budget: 'viel' }),
        line({ title: 'Eins' }),
      ].join('\n'),
    );
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Zeile 3, Kommune(n): „Atlantis“ ist keine NRW-Kommune; bitte den Namen wählen, z. B. „Lemgo (Kreis Lippe)“',
      'Zeile 4, Kurzbeschreibung: 369 Zeichen, höchstens 300',
      'Zeile 5, Kommune(n): „Neustadt“ gibt es in NRW mehrmals: bitte „Neustadt (Kreis Nord)“ oder „Neustadt (Kreis Süd)“ wählen',
      'Zeile 6, Projektstatus: „fertig“ ist kein Projektstatus; erlaubt: Laufend, Abgeschlossen, Verstetigt',
      'Zeile 6, Übertragbarkeit: Budget pro Jahr: „viel“ ist kein Budgetrahmen; erlaubt: unter 10.000 €, 10.000–50.000 €',
      'Zeile 7, Adresse (Slug): „eins“ hat auch Zeile 2 dieser Datei',
    ]);
    expect(result.issues[1]).toMatchObject({ record: 3, line: 4, field: 'teaser', label: 'Kurzbeschreibung', reason: '369 Zeichen, höchstens 300' });
    expect(result.invalid).toBe(5);
  });

  it('names the item of a list and the part of a link', async () => {
    const file = await parseImportFile(
      'links.csv',
      `Titel;Veröffentlichen;Links;Gelingensbedingungen\nEntwurf;nein;"Seite|https://example.org\nFlyer|http://example.org/flyer";"Eins\n${'x'.repeat(1200)}"\n`,
      'de',
    );
    const result = validateRecords(file.records, vocabulary, { defaultLocale: true, columns: file.columns });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Zeile 2, Gelingensbedingungen, 2. Eintrag: 1.200 Zeichen, höchstens 1.000',
      'Zeile 2, Links, 2. Eintrag: Adresse „http://example.org/flyer“ passt nicht: muss mit https:// beginnen',
    ]);
    expect(result.issues[1]).toMatchObject({ field: 'links.1.url', label: 'Links', item: 2 });
  });

  it('says a missing required column once', async () => {
    const result = await check('Kurzbeschreibung;Baustein\nKurz.;Aktive Nachbarschaft\nAuch kurz.;Aktive Nachbarschaft\n');
    expect(result.issues.map((issue) => issue.message)).toContain('Die Spalte „Titel“ fehlt; jede Zeile braucht einen Titel.');
    expect(result.issues.filter((issue) => issue.field === 'title')).toHaveLength(1);
    expect(result.invalid).toBe(2);
  });

  it('reads a CSV named .xlsx, and refuses bytes that are no table, in German', async () => {
    const csv = `${HEADER}\n${line({})}\n`;
    const renamed = await parseImportFile('tabelle.xlsx', csv, 'de');
    expect(renamed.records).toHaveLength(1);
    expect(renamed.warnings).toEqual(['Die Datei „tabelle.xlsx“ ist keine Excel-Arbeitsmappe, sondern Text; sie wurde als CSV gelesen.']);
    await expect(parseImportFile('x.xlsx', 'not a zip file', 'de')).rejects.toThrow(
      /^Die Datei „x\.xlsx“ ist keine Excel-Arbeitsmappe \(\.xlsx\), sondern Text\. In der ersten Zeile/,
    );
    const random = Uint8Array.from({ length: 2048 }, (_, index) => (index * 7919 + 13) % 256);
    await expect(parseImportFile('zufall.xlsx', random, 'de')).rejects.toThrow(
      'Die Datei „zufall.xlsx“ ist keine Tabelle: weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV- oder JSON-Datei.',
    );
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random.subarray(0, 200)]);
    await expect(parseImportFile('kaputt.xlsx', brokenZip, 'de')).rejects.toThrow(/^Die Datei „kaputt\.xlsx“ ist keine lesbare Excel-Arbeitsmappe/);
  });
});
