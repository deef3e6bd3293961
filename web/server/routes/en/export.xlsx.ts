import { exportCaseStudies } from '../../exports/case-study-export';

/** `/en/export.xlsx`: an English search's hits or a saved list as a download (server/exports/case-study-export.ts). */
export default defineEventHandler((event) => exportCaseStudies(event, 'en', 'xlsx'));
