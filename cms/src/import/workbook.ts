// The import format as an Excel workbook (exceljs): one sheet of case studies per language with
// German headers, a sheet explaining every column, and a sheet of allowed values whose names the
// single-choice columns offer as dropdowns. Reading takes the language's sheet, each row's cells as text.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ValueList } from './columns';
import type { Cell } from './table-rows';

/** The sheet that holds a language's case studies: "Praxisbeispiele (de)". */
export const caseStudySheetName = (locale: string) => `Praxisbeispiele (${locale})`;
export const EXPLANATION_SHEET = 'Erläuterungen';
export const VALUES_SHEET = 'Werte';
/** Rows of a sheet that get the dropdowns (the template is empty; editors add rows below). */
const VALIDATED_ROWS = 2_000;

/** An allowed value: the code the CMS keeps, the German name the cells show, other ways of naming it the import reads. */
export interface ValueEntry {
  value: string;
  name: string;
  aliases?: string[];
}

/** Allowed values per list. */
export type ValueLists = Record<ValueList, ValueEntry[]>;

/** A cell's value as the text a CSV cell would hold (dates as YYYY-MM-DD, formulas by their result). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** A sheet as text: its header row and every non-empty row below it, with the row's number. */
export interface SheetText {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * The language's sheet (else the first sheet) of a workbook as text. Throws what exceljs or its
 * zip reader say when the bytes are no workbook; the caller words it for editors.
 */
export async function readWorksheet(content: Uint8Array, locale: string): Promise<SheetText | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(caseStudySheetName(locale)) ?? workbook.worksheets[0];
  if (!sheet) return null;
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (header[column - 1] = cellText(cell.value)));
  const rows: SheetText['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    if (cells.some((text) => text !== undefined && text.trim() !== '')) rows.push({ line: number, cells: Array.from(cells, (text) => text ?? '') });
  });
  return { header: Array.from(header, (text) => text ?? ''), rows };
}

/** Excel's column letters: 1 → A, 27 → AA. */
function columnLetter(number: number): string {
  let letters = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The workbook: a sheet per language with these rows (none for the template), the explanations, then the values. */
export async function buildWorkbook(sheets: { locale: string; rows: Record<string, Cell>[] }[], values: ValueLists): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Praxisdatenbank „Zusammen im Quartier“';
  // Each list of allowed values has two columns of the values sheet: the name (what the dropdowns
  // offer), then the code the CMS keeps.
  const lists = Object.keys(values) as ValueList[];
  const listHeader = (list: ValueList) => IMPORT_COLUMNS.find((column) => column.values === list)?.header ?? list;
  const listRange = (list: ValueList) => {
    const letter = columnLetter(lists.indexOf(list) * 2 + 1);
    return `'${VALUES_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, values[list].length + 1)}`;
  };

  for (const { locale, rows } of sheets) {
    const sheet = workbook.addWorksheet(caseStudySheetName(locale), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = IMPORT_COLUMNS.map((column) => ({
      header: column.header,
      key: column.name,
      width: column.multiple || /description|Situation|goals|approach|results|firstSteps/.test(column.name) ? 40 : Math.max(18, column.header.length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    IMPORT_COLUMNS.forEach((column, index) => {
      if (!column.values || column.multiple) return;
      const letter = columnLetter(index + 1);
      // exceljs can validate a whole range at once; its types only know single cells.
      (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}2:${letter}${Math.max(VALIDATED_ROWS, rows.length + 1)}`,
        {
          type: 'list',
          allowBlank: !column.required,
          formulae: [listRange(column.values)],
          showErrorMessage: true,
          errorTitle: 'Wert nicht erlaubt',
          error: `Bitte einen Wert aus der Liste wählen (Blatt „${VALUES_SHEET}“, Spalte „${listHeader(column.values)}“).`,
        },
      );
    });
  }

  const explanations = workbook.addWorksheet(EXPLANATION_SHEET);
  explanations.columns = [
    { header: 'Spalte', key: 'header', width: 34 },
    { header: 'Pflicht', key: 'required', width: 20 },
    { header: 'Mehrere Werte', key: 'multiple', width: 14 },
    { header: 'Was hineingehört', key: 'description', width: 90 },
    { header: 'Erlaubte Werte', key: 'values', width: 60 },
    { header: 'Feldname (ältere Dateien, JSON)', key: 'name', width: 30 },
  ];
  explanations.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    let allowed = '';
    if (column.values === 'municipalities') allowed = `${values.municipalities.length} Kommunen, siehe Blatt „${VALUES_SHEET}“`;
    else if (column.values) allowed = values[column.values].map((entry) => entry.name).join(', ');
    explanations.addRow({
      header: column.header,
      // Only the title is needed by every row; the other required fields by a row that is published.
      required: column.name === 'title' ? 'ja' : column.required ? 'zum Veröffentlichen' : '',
      multiple: column.multiple ? 'eine je Zeile' : '',
      description: column.description,
      values: allowed,
      name: column.name,
    }).alignment = { wrapText: true, vertical: 'top' };
  }

  const valueSheet = workbook.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  lists.forEach((list, index) => {
    valueSheet.getColumn(index * 2 + 1).width = 40;
    valueSheet.getColumn(index * 2 + 2).width = 16;
    valueSheet.getCell(1, index * 2 + 1).value = listHeader(list);
    valueSheet.getCell(1, index * 2 + 2).value = 'Schlüssel';
    values[list].forEach((entry, row) => {
      valueSheet.getCell(row + 2, index * 2 + 1).value = entry.name;
      valueSheet.getCell(row + 2, index * 2 + 2).value = entry.value;
    });
  });
  valueSheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
