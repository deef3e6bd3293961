// The import format as an Excel workbook (exceljs): one sheet of case studies per language, a
// sheet explaining every column, and a sheet of allowed values that the single-choice columns
// offer as dropdowns. Reading takes the language's sheet, each row's cells as text.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ValueList } from './columns';
import type { Cell } from './table-rows';

/** The sheet that holds a language's case studies: "Praxisbeispiele (de)". */
export const caseStudySheetName = (locale: string) => `Praxisbeispiele (${locale})`;
const EXPLANATION_SHEET = 'Erläuterungen';
const VALUES_SHEET = 'Werte';
/** Rows of a sheet that get the dropdowns (the template is empty; editors add rows below). */
const VALIDATED_ROWS = 2_000;

/** Allowed values per list: the code that goes in the cell and its German name. */
export type ValueLists = Record<ValueList, { value: string; name: string }[]>;

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

/** Every non-empty row below the header of the language's sheet (else the first sheet), with its row number. */
export async function readWorksheetRows(content: Uint8Array, locale: string): Promise<{ row: number; cells: Record<string, string> }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(caseStudySheetName(locale)) ?? workbook.worksheets[0];
  if (!sheet) throw new Error('it has no sheets');
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (header[column] = cellText(cell.value).trim()));
  const rows: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = header[column];
      if (name) cells[name] = cellText(cell.value);
    });
    if (Object.values(cells).some((text) => text.trim() !== '')) rows.push({ row: number, cells });
  });
  return rows;
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
  // Each list of allowed values has two columns of the values sheet: the code and its name.
  const lists = Object.keys(values) as ValueList[];
  const listRange = (list: ValueList) => {
    const letter = columnLetter(lists.indexOf(list) * 2 + 1);
    return `'${VALUES_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, values[list].length + 1)}`;
  };

  for (const { locale, rows } of sheets) {
    const sheet = workbook.addWorksheet(caseStudySheetName(locale), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = IMPORT_COLUMNS.map((column) => ({
      header: column.name,
      key: column.name,
      width: column.multiple || /description|Situation|goals|approach|results|firstSteps/.test(column.name) ? 40 : 18,
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
          error: `Bitte einen Wert aus dem Blatt „${VALUES_SHEET}“ wählen (Spalte ${column.values}).`,
        },
      );
    });
  }

  const explanations = workbook.addWorksheet(EXPLANATION_SHEET);
  explanations.columns = [
    { header: 'Spalte', key: 'name', width: 32 },
    { header: 'Pflicht', key: 'required', width: 8 },
    { header: 'Mehrere Werte', key: 'multiple', width: 14 },
    { header: 'Was hineingehört', key: 'description', width: 90 },
    { header: 'Erlaubte Werte', key: 'values', width: 60 },
  ];
  explanations.getRow(1).font = { bold: true };
  for (const column of IMPORT_COLUMNS) {
    let allowed = '';
    if (column.values === 'municipalities') allowed = `${values.municipalities.length} Kommunen, siehe Blatt „${VALUES_SHEET}“`;
    else if (column.values) allowed = values[column.values].map((entry) => `${entry.value} (${entry.name})`).join(', ');
    explanations.addRow({
      name: column.name,
      required: column.required ? 'ja' : '',
      multiple: column.multiple ? 'eine je Zeile' : '',
      description: column.description,
      values: allowed,
    }).alignment = { wrapText: true, vertical: 'top' };
  }

  const valueSheet = workbook.addWorksheet(VALUES_SHEET);
  lists.forEach((list, index) => {
    valueSheet.getColumn(index * 2 + 1).width = 18;
    valueSheet.getColumn(index * 2 + 2).width = 40;
    valueSheet.getCell(1, index * 2 + 1).value = list;
    valueSheet.getCell(1, index * 2 + 2).value = 'Bezeichnung';
    values[list].forEach((entry, row) => {
      valueSheet.getCell(row + 2, index * 2 + 1).value = entry.value;
      valueSheet.getCell(row + 2, index * 2 + 2).value = entry.name;
    });
  });
  valueSheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
