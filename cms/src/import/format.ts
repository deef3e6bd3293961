// The import format's building blocks that the benchmarks call on the compiled CMS
// (`@praxis/cms/import-format`): a workbook with the template's sheets, the allowed values,
// and a record as a table row.
export { buildWorkbook } from './workbook';
export { valueLists } from './export-records';
export { recordToRow } from './table-rows';
