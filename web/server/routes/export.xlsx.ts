import { exportCaseStudies } from '../exports/case-study-export';

/** `/export.xlsx`: a German search's hits or a Merkliste as a download (server/exports/case-study-export.ts). */
export default defineEventHandler((event) => exportCaseStudies(event, 'de', 'xlsx'));
