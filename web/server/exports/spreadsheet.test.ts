import { buffer } from 'node:stream/consumers';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type Table } from './spreadsheet';

/** csv-parse in strict mode: a bare quote or a line break outside quotes is an error, not a guess. */
function parseCsv(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
}

/** One file of a zip archive (an .xlsx), found through the central directory. */
function readZipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < zip.readUInt16LE(end + 10); entry++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const method = zip.readUInt16LE(offset + 10);
      const size = zip.readUInt32LE(offset + 20);
      const local = zip.readUInt32LE(offset + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

const HOSTILE_TEXTS = [
  'Schüler:innen in Gießen – „Mitmachen“ für Ältere',
  'Kita "Sonnenschein"; Träger: AWO',
  'Zeile eins\nZeile zwei\r\nZeile drei',
  'Komma, Semikolon; Tab\tEnde',
  '€ 1.234,50 pro Jahr',
  ' führendes und folgendes Leerzeichen ',
  '',
];

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv(
      {
        headers: ['Titel', 'Ort'],
        rows: [
          ['Kita', 'Köln'],
          ['Schule', 'Jena'],
        ],
      },
      ';',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Titel;Ort\r\nKita;Köln\r\nSchule;Jena\r\n');
  });

  it.each([';', ','] as const)('round-trips umlauts, quotes, line breaks and delimiters with %j', (delimiter) => {
    const table: Table = { headers: ['Titel; Teil "A"', 'Beschreibung'], rows: HOSTILE_TEXTS.map((text, index) => [`Nr. ${index}`, text]) };
    const parsed = parseCsv(toCsv(table, delimiter).slice(1), delimiter);
    expect(parsed).toEqual([table.headers, ...table.rows]);
  });

  it('quotes a field only when it holds the delimiter, a quote or a line break', () => {
    expect(toCsv({ headers: ['a,b', 'c;d', 'e'], rows: [] }, ';').slice(1)).toBe('a,b;"c;d";e\r\n');
    expect(toCsv({ headers: ['a,b', 'c;d', 'e'], rows: [] }, ',').slice(1)).toBe('"a,b",c;d,e\r\n');
    expect(toCsv({ headers: ['say "hi"', 'x\ny'], rows: [] }, ',').slice(1)).toBe('"say ""hi""","x\ny"\r\n');
  });

  it('prefixes text that Excel would run as a formula with an apostrophe', () => {
    const starts = ['=HYPERLINK("http://evil.example","klick")', '+49 30 1234', '-1+1', '@SUM(A1)', '\t=1', '\r=1'];
    const csv = toCsv({ headers: ['Text'], rows: starts.map((text) => [text]) }, ',');
    const fields = parseCsv(csv.slice(1), ',')
      .slice(1)
      .map((record) => record[0]);
    expect(fields).toEqual(starts.map((text) => `'${text}`));
  });

  it('leaves harmless text and negative numbers unprefixed', () => {
    const csv = toCsv(
      {
        headers: ['Text', 'Zahl'],
        rows: [
          ['a=b', -2.5],
          ['E-Mail: a@b.de', -7],
        ],
      },
      ';',
    );
    expect(csv.slice(1)).toBe('Text;Zahl\r\na=b;-2,5\r\nE-Mail: a@b.de;-7\r\n');
  });

  it('writes numbers without thousands separators, with the decimal mark the delimiter implies', () => {
    const table: Table = { headers: ['n'], rows: [[1.5], [1234567.25], [0], [null], [Number.NaN]] };
    expect(toCsv(table, ';').slice(1)).toBe('n\r\n1,5\r\n1234567,25\r\n0\r\n\r\n\r\n');
    expect(toCsv(table, ',').slice(1)).toBe('n\r\n1.5\r\n1234567.25\r\n0\r\n\r\n\r\n');
  });

  it('writes null as an empty field', () => {
    expect(parseCsv(toCsv({ headers: ['a', 'b', 'c'], rows: [[null, 'x', null]] }, ',').slice(1), ',')[1]).toEqual(['', 'x', '']);
  });
});

describe('toXlsx', () => {
  it('reads back with equal headers and cells, numbers as numbers and formula-like text as text', async () => {
    const table: Table = {
      headers: ['Titel', 'Ort', 'Stellen (VZÄ)', 'Beginn'],
      rows: [
        ...HOSTILE_TEXTS.map((text, index): (string | number | null)[] => [text, 'Gießen', index + 0.5, 2020 + index]),
        ['=1+1', '@Ort', -3, null],
        ['+49 30 1234', null, 1234567.25, 0],
      ],
    };
    const [sheet] = await readXlsxFile(await buffer(toXlsx(table, 'Praxisbeispiele')), { trim: false });
    expect(sheet!.sheet).toBe('Praxisbeispiele');
    const [headers, ...rows] = sheet!.data;
    expect(headers).toEqual(table.headers);
    // Line breaks in a cell become Excel's LF; an empty text cell reads as an empty cell.
    const expected = table.rows.map((row) => row.map((cell) => (cell === '' ? null : typeof cell === 'string' ? cell.replaceAll('\r\n', '\n') : cell)));
    expect(rows).toEqual(expected);
    expect(typeof rows[0]![2]).toBe('number');
    expect(typeof rows.at(-2)![0]).toBe('string');
  });

  it('writes a bold, frozen header row and columns as wide as their content, within limits', async () => {
    const xlsx = await buffer(
      toXlsx({ headers: ['Titel', 'Ort', 'Beschreibung'], rows: [['Ein ziemlich langer Titel eines Praxisbeispiels', 'Köln', 'x'.repeat(500)]] }, 'Export'),
    );
    const sheetXml = readZipEntry(xlsx, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect([...sheetXml.matchAll(/<col [^>]*width="(\d+)"/g)].map((match) => Number(match[1]))).toEqual([49, 8, 60]);

    const stylesXml = readZipEntry(xlsx, 'xl/styles.xml');
    const fonts = [...stylesXml.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)![1]!.matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((match) => match[0]);
    const cellFormats = [...stylesXml.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.matchAll(/<xf\b[^>]*>/g)].map((match) =>
      Number(/fontId="(\d+)"/.exec(match[0])?.[1] ?? 0),
    );
    const isBold = (cellXml: string) => {
      const style = Number(/ s="(\d+)"/.exec(cellXml)?.[1] ?? 0);
      return fonts[cellFormats[style]!]!.includes('<b/>');
    };
    const cellsOfRow = (row: number) => [...sheetXml.matchAll(new RegExp(`<c r="[A-Z]+${row}"[^>]*>`, 'g'))].map((match) => match[0]);
    expect(cellsOfRow(1).map(isBold)).toEqual([true, true, true]);
    expect(cellsOfRow(2).map(isBold)).toEqual([false, false, false]);
  });

  it('makes any requested sheet name acceptable to Excel', async () => {
    const [sheet] = await readXlsxFile(await buffer(toXlsx({ headers: ['a'], rows: [] }, "'Suche: Kita/Schule [2026] mit sehr langem Namen'")));
    expect(sheet!.sheet).toBe('Suche Kita Schule 2026 mit sehr');
  });

  it('writes 10,000 rows', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => [`Praxisbeispiel ${index} in Münster`, index * 1.25, index % 3 ? null : 'Ja']);
    const [sheet] = await readXlsxFile(await buffer(toXlsx({ headers: ['Titel', 'Wert', 'Aktiv'], rows }, 'Export')));
    expect(sheet!.data).toHaveLength(10_001);
    expect(sheet!.data[10_000]).toEqual(['Praxisbeispiel 9999 in Münster', 9999 * 1.25, 'Ja']);
    expect(sheet!.data[5_001]).toEqual(['Praxisbeispiel 5000 in Münster', 6250, null]);
  });
});
