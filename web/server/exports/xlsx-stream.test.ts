import { buffer } from 'node:stream/consumers';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Cell } from './spreadsheet';
import { xlsxStream, type XlsxSheet } from './xlsx-stream';

/** Every file of a zip archive (an .xlsx) by name, found through the central directory. */
function zipEntries(zip: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < zip.readUInt16LE(end + 10); entry++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const local = zip.readUInt32LE(offset + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** Column letters computed independently of the writer: 1 → A, 27 → AA, 60 → BH. */
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const columnLetters = (count: number) => [...LETTERS, ...LETTERS.flatMap((first) => LETTERS.map((second) => first + second))].slice(0, count);

const WIDE = 60;
const wideHeaders = Array.from({ length: WIDE }, (_, index) => `Spalte ${index + 1}`);
const wideRow: Cell[] = Array.from({ length: WIDE }, (_, index) => (index % 2 ? index + 1 : `Wert ${columnLetters(WIDE)[index]}`));

const ILLEGAL = 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDC00j';
const LONG = 'ä'.repeat(40_000);

const sheets = (): XlsxSheet[] => [
  {
    name: 'Praxisbeispiele',
    headers: ['Titel', 'Ort', 'Stellen (VZÄ)', 'Hinweis'],
    rows: [
      ['Schüler:innen in Gießen – „Mitmachen“ für Ältere', 'Köln', 1.5, 'A & B <c> "d"'],
      [ILLEGAL, null, -3, 'Tab\tund\nZeile 😀'],
      ['=1+1', '', 1234567.25, '_x0041_ und _x00\u000142_ bleiben'],
      [LONG, 'Ende', Number.NaN, null],
    ],
    widths: [30, 12, 10, 40],
  },
  { name: 'Breit', headers: wideHeaders, rows: [wideRow] },
  // Forbidden characters, too long, and once more: Excel needs unique names.
  { name: 'Praxisbeispiele', headers: ['x'], rows: [[1]] },
  { name: "'Suche: Kita/Schule [2026] mit sehr langem Namen'", headers: ['x'], rows: [] },
];

const EXPECTED_NAMES = ['Praxisbeispiele', 'Breit', 'Praxisbeispiele (2)', 'Suche Kita Schule 2026 mit sehr'];
const EXPECTED_FIRST_ROWS = [
  ['Titel', 'Ort', 'Stellen (VZÄ)', 'Hinweis'],
  ['Schüler:innen in Gießen – „Mitmachen“ für Ältere', 'Köln', 1.5, 'A & B <c> "d"'],
  ['abcdefghij', null, -3, 'Tab\tund\nZeile 😀'],
  ['=1+1', null, 1234567.25, '_x0041_ und _x0042_ bleiben'],
  ['ä'.repeat(32_767), 'Ende', null, null],
];

/** A text of pseudo-random words: compresses like prose, not like a repeated letter. */
function prose(seed: number, length: number): string {
  const words = [
    'Quartier',
    'Kinder',
    'Familien',
    'Schule',
    'Kita',
    'Beratung',
    'Netzwerk',
    'Förderung',
    'Zukunft',
    'Stärken',
    'gemeinsam',
    'und',
    'für',
    'mit',
    'im',
  ];
  let state = seed * 2_654_435_761 + 1;
  let text = '';
  while (text.length < length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += `${words[state % words.length]}${state % 7 === 0 ? '. ' : ' '}${state % 13 === 0 ? state : ''}`;
  }
  return text.slice(0, length);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** What count() says once it has not changed for 100 ms (the deflating runs off the main thread). */
async function settled(count: () => number): Promise<number> {
  for (;;) {
    const before = count();
    for (let wait = 0; wait < 5; wait++) await tick();
    if (count() === before) return before;
  }
}

describe('xlsxStream', () => {
  it('writes a workbook that read-excel-file reads back: sheets, headers, numbers, umlauts, 60 columns, clean text', async () => {
    const workbook = await readXlsxFile(await buffer(xlsxStream(sheets())), { trim: false });
    expect(workbook.map((sheet) => sheet.sheet)).toEqual(EXPECTED_NAMES);
    expect(workbook[0]!.data).toEqual(EXPECTED_FIRST_ROWS);
    expect(workbook[1]!.data).toEqual([wideHeaders, wideRow]);
    expect(workbook[2]!.data).toEqual([['x'], [1]]);
    expect(workbook[3]!.data).toEqual([['x']]);
  });

  it('writes a workbook that exceljs reads back: values, bold frozen header row, widths', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buffer(xlsxStream(sheets()))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(EXPECTED_NAMES);

    const first = workbook.worksheets[0]!;
    const values = (sheet: ExcelJS.Worksheet, row: number, columns: number) =>
      Array.from({ length: columns }, (_, index) => sheet.getRow(row).getCell(index + 1).value ?? null);
    // exceljs does not decode Excel's _xHHHH_ escapes in strings, so that cell is left out here.
    expect(EXPECTED_FIRST_ROWS.map((_, index) => values(first, index + 1, 4)).filter((_, index) => index !== 3)).toEqual(
      EXPECTED_FIRST_ROWS.filter((_, index) => index !== 3),
    );
    expect(first.getCell('A1').font).toMatchObject({ bold: true, name: 'Calibri', size: 11 });
    expect(first.getCell('D1').font?.bold).toBe(true);
    expect(first.getCell('A2').font?.bold).toBeFalsy();
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3, 4].map((column) => first.getColumn(column).width)).toEqual([30, 12, 10, 40]);

    const wide = workbook.worksheets[1]!;
    expect(values(wide, 2, WIDE)).toEqual(wideRow);
    expect(wide.getCell('BH2').value).toBe(60);
    expect(wide.getCell('AA1').value).toBe('Spalte 27');
    // Widths default to the headers'.
    expect(wide.getColumn(1).width).toBe('Spalte 1'.length + 2);
  });

  it('uses A1 references beyond 26 columns and leaves out empty cells', async () => {
    const sheetXml = zipEntries(await buffer(xlsxStream(sheets()))).get('xl/worksheets/sheet2.xml')!;
    const references = [...sheetXml.matchAll(/<c r="([A-Z]+)2"/g)].map((match) => match[1]);
    expect(references).toEqual(columnLetters(WIDE));
    expect(references.slice(25, 28)).toEqual(['Z', 'AA', 'AB']);
    expect(references.at(-1)).toBe('BH');
    const firstXml = zipEntries(await buffer(xlsxStream(sheets()))).get('xl/worksheets/sheet1.xml')!;
    expect(firstXml).not.toMatch(/<c r="B3"/);
    expect(firstXml).not.toMatch(/<c r="C5"/);
  });

  it('reads an async row source only as fast as the workbook is consumed', async () => {
    const total = 10_000;
    let generated = 0;
    let finished = false;
    async function* rows(): AsyncGenerator<Cell[]> {
      try {
        for (let index = 0; index < total; index++) {
          generated++;
          yield [index, prose(index, 1_000)];
        }
      } finally {
        finished = true;
      }
    }
    const stream = xlsxStream([{ name: 'Lazy', headers: ['Nr', 'Text'], rows: rows() }]);
    await tick();
    expect(generated).toBe(0);

    const chunks = stream[Symbol.asyncIterator]();
    await chunks.next();
    const afterFirstChunk = await settled(() => generated);
    expect(afterFirstChunk).toBeGreaterThan(0);
    // What waits between the rows and the consumer is a few buffers of 16 KiB, most of them of
    // deflated XML (this prose deflates about 8:1): several hundred rows, nowhere near all.
    expect(afterFirstChunk).toBeLessThan(1_500);

    // Reading on reads more rows, again only as far as the buffers reach.
    for (let read = 0; read < 100 && generated === afterFirstChunk; read++) {
      await chunks.next();
      await tick();
    }
    const afterMore = await settled(() => generated);
    expect(afterMore).toBeGreaterThan(afterFirstChunk);
    expect(afterMore).toBeLessThan(afterFirstChunk + 1_500);

    // A consumer that goes away ends the row source.
    stream.destroy();
    await tick();
    expect(finished).toBe(true);
    expect(generated).toBeLessThan(total);
  });

  it('fails the stream when the row source fails', async () => {
    function* rows(): Generator<Cell[]> {
      yield ['ok'];
      throw new Error('database gone');
    }
    await expect(buffer(xlsxStream([{ name: 'x', headers: ['a'], rows: rows() }]))).rejects.toThrow('database gone');
  });

  it('writes 10,000 rows from a lazy source', async () => {
    function* rows(): Generator<Cell[]> {
      for (let index = 0; index < 10_000; index++) yield [`Praxisbeispiel ${index} in Münster`, index * 1.25, index % 3 ? null : prose(index, 600)];
    }
    const [sheet] = await readXlsxFile(await buffer(xlsxStream([{ name: 'Export', headers: ['Titel', 'Wert', 'Text'], rows: rows() }])), { trim: false });
    expect(sheet!.data).toHaveLength(10_001);
    expect(sheet!.data[10_000]).toEqual(['Praxisbeispiel 9999 in Münster', 9999 * 1.25, prose(9999, 600)]);
    expect(sheet!.data[5_001]).toEqual(['Praxisbeispiel 5000 in Münster', 6250, null]);
  });
});
