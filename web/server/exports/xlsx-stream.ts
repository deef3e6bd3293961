// The site's .xlsx downloads, written by exceljs's streaming writer (the library the CMS imports
// and exports Excel with): each row is committed as it is produced and leaves the process deflated
// as the consumer reads, so a workbook of 10,000 long rows never sits in memory as a whole.
// Strings go into their cells: a shared-strings table would keep every string until the end.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Font, Row, stream, Worksheet } from 'exceljs';
import type { Cell } from './spreadsheet';
import { withoutNonXmlCharacters } from './xml';

export interface XlsxSheet {
  /** Made acceptable to Excel (forbidden characters, 31 characters, unique in the workbook). */
  name: string;
  /** The first row, bold and frozen. */
  headers: string[];
  /** Read only as fast as the workbook is consumed. */
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
  /** Width in characters per column; by default from the headers (see xlsxColumnWidth). */
  widths?: number[];
}

// Beyond this a cell makes Excel report the file as damaged.
const MAX_XLSX_TEXT_LENGTH = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

// Excel forbids these in sheet names and allows at most 31 characters.
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME_LENGTH = 31;

const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;

// Excel reads "_xHHHH_" in a string as an escaped character; a literal one keeps its "_" as "_x005F_".
const XSTRING_ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

// How much of a sheet's XML, and of the finished archive, may wait for the next step before the
// rows wait instead: small, so that a slow client holds little of its workbook in the site's memory.
const BUFFER_BYTES = 16 * 1024;
const COMPRESSION_LEVEL = 6;

/** Excel's default font (the one exceljs gives every other cell), bold. */
const HEADER_FONT: Partial<Font> = { name: 'Calibri', family: 2, scheme: 'minor', size: 11, color: { theme: 1 }, bold: true };

/** Column width for content whose longest line has this many characters: a little padding, within readable limits. */
export function xlsxColumnWidth(characters: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, characters + 2));
}

/**
 * The workbook as a byte stream that reads the next rows only when its consumer wants more
 * (a Node Readable: h3's sendStream pipes it with backpressure; a web ReadableStream it would not).
 * Nothing is read before the consumer first reads. Text is always a string cell, never a formula;
 * null, '' and non-finite numbers are empty cells. Destroying the stream (e.g. when the client
 * goes away) ends the row iterators.
 */
export function xlsxStream(sheets: XlsxSheet[]): Readable {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
  return new WorkbookStream(sheets);
}

/** The archive exceljs writes, begun when it is first read; destroying it stops the writing and the rows. */
class WorkbookStream extends PassThrough {
  private readonly sheets: XlsxSheet[];
  private readonly stop = new AbortController();
  private started = false;

  constructor(sheets: XlsxSheet[]) {
    super({ highWaterMark: BUFFER_BYTES });
    this.sheets = sheets;
  }

  override _read(size: number): void {
    if (!this.started) {
      this.started = true;
      writeWorkbook(this.sheets, this, this.stop.signal).catch((error: unknown) => this.destroy(error as Error));
    }
    super._read(size);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.stop.abort();
    super._destroy(error, callback);
  }
}

async function writeWorkbook(sheets: XlsxSheet[], archive: PassThrough, signal: AbortSignal): Promise<void> {
  const names = uniqueSheetNames(sheets.map((sheet) => sheet.name));
  const PacedWorkbookWriter = await (pacedWorkbookWriter ??= loadPacedWorkbookWriter());
  signal.throwIfAborted();
  const workbook = new PacedWorkbookWriter(archive);
  signal.addEventListener('abort', () => workbook.abort(), { once: true });
  for (const [index, sheet] of sheets.entries()) {
    const worksheet = workbook.addWorksheet(names[index], { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = (sheet.widths ?? sheet.headers.map((header) => xlsxColumnWidth(header.length))).map((width) => ({ width }));
    let number = 1;
    const header = addRow(worksheet, number, sheet.headers);
    // The whole font: exceljs writes only what is given, and a font of <b/> alone leaves its size to the reader.
    header.font = HEADER_FONT;
    header.commit();
    for await (const cells of sheet.rows) {
      signal.throwIfAborted();
      if (++number > MAX_ROWS) throw new Error(`A sheet holds at most ${MAX_ROWS} rows`);
      addRow(worksheet, number, cells).commit();
      await workbook.drained(signal);
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** Row `number` of the sheet with these cells; empty cells are left out. */
function addRow(worksheet: Worksheet, number: number, cells: readonly Cell[]): Row {
  if (cells.length > MAX_COLUMNS) throw new Error(`A sheet holds at most ${MAX_COLUMNS} columns`);
  const row = worksheet.getRow(number);
  for (const [column, cell] of cells.entries()) {
    const value = cellValue(cell);
    if (value !== null) row.getCell(column + 1).value = value;
  }
  return row;
}

function cellValue(cell: Cell | undefined): string | number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === null || cell === undefined) return null;
  // Excel's line break inside a cell is LF alone; XML readers would turn CR LF into LF anyway.
  const lines = cell.replace(/\r\n?/g, '\n');
  // Characters XML forbids are dropped after cutting, which may leave half a surrogate pair;
  // exceljs escapes the markup characters itself.
  const text = withoutNonXmlCharacters(lines.length > MAX_XLSX_TEXT_LENGTH ? lines.slice(0, MAX_XLSX_TEXT_LENGTH) : lines);
  return text ? text.replace(XSTRING_ESCAPE_LIKE, '_x005F_$1') : null;
}

/** exceljs 4.4's archive (archiver 5), which its types leave out. */
interface Archive extends Readable {
  append(source: Readable, data: { name: string }): unknown;
  abort(): unknown;
}

// exceljs is loaded with the first workbook, not with the site: importing it costs ~7 MB of heap
// (~20 MB of RSS), which the site need not carry until someone downloads Excel.
let pacedWorkbookWriter: ReturnType<typeof loadPacedWorkbookWriter> | undefined;

async function loadPacedWorkbookWriter() {
  // exceljs is CommonJS: Node's import gives it as the default export, which its types do not declare.
  const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: typeof import('exceljs') };

  /**
   * exceljs's streaming writer, with a way to keep rows from running ahead of the client. exceljs
   * hands each part's XML (`_openStream`) to its zip archive (archiver, `zip`) through a buffer
   * that takes every write and never says it is full, so rows committed faster than the archive is
   * read would pile up in memory. Here a part's stream is a PassThrough instead, which does say so
   * (writableNeedDrain): the archive reads it only as fast as its output is read. Both are exceljs
   * internals (docs/upgrading.md); xlsx-stream.test.ts fails if an upgrade changes them.
   */
  return class PacedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
    declare private readonly zip: Archive;
    private part: PassThrough | undefined;

    constructor(archive: PassThrough) {
      // archiver buffers 1 MB of its output by default (highWaterMark, which exceljs's types do not know).
      const zip = { zlib: { level: COMPRESSION_LEVEL }, highWaterMark: BUFFER_BYTES } as Partial<stream.xlsx.ArchiverZipOptions>;
      super({ stream: archive, useStyles: true, useSharedStrings: false, zip });
      // Errors of the archive before commit() listens for them: the output fails with them.
      this.zip.on('error', (error: Error) => archive.destroy(error));
    }

    /** Called by exceljs for each part it writes piece by piece: the worksheets (and their relations and comments, unused here). */
    _openStream(path: string): PassThrough {
      const part = new PartStream({ highWaterMark: BUFFER_BYTES });
      this.zip.append(part, { name: path });
      // exceljs waits for this event when it commits a worksheet left open.
      part.once('finish', () => part.emit('zipped'));
      this.part = part;
      return part;
    }

    /** Resolves once the archive has taken what was written of the current part. */
    async drained(signal: AbortSignal): Promise<void> {
      while (this.part?.writableNeedDrain) await once(this.part, 'drain', { signal });
    }

    abort(): void {
      this.zip.abort();
      this.part?.destroy();
    }
  };
}

/**
 * A part's XML on its way into the archive. exceljs writes strings, and also its own StringBuf,
 * which a byte stream does not take: it is copied at once, as exceljs reuses it for the next XML.
 */
class PartStream extends PassThrough {
  override write(chunk: unknown, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    const bytes = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk : Buffer.from((chunk as { toBuffer(): Buffer }).toBuffer());
    return super.write(bytes, encoding as BufferEncoding, callback);
  }
}

function safeSheetName(name: string): string {
  // Excel also refuses a name that starts or ends with an apostrophe.
  const trimEnds = (text: string) => text.replace(/^['\s]+|['\s]+$/g, '');
  const cleaned = trimEnds(trimEnds(name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ')).slice(0, MAX_SHEET_NAME_LENGTH));
  return cleaned || 'Sheet1';
}

/** Safe names, made unique (Excel compares them case-insensitively) with " (2)", " (3)", …. */
function uniqueSheetNames(requested: string[]): string[] {
  const taken = new Set<string>();
  return requested.map((name) => {
    const base = safeSheetName(name);
    let unique = base;
    for (let count = 2; taken.has(unique.toLowerCase()); count++) {
      const suffix = ` (${count})`;
      unique = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    }
    taken.add(unique.toLowerCase());
    return unique;
  });
}
