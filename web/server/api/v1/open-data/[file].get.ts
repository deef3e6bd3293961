import { openDataFile } from '../../../utils/open-data';

/** `GET /api/v1/open-data/<dataset>.<format>[?locale=de|en]`: an open-data download (server/utils/open-data.ts). */
export default defineEventHandler((event) => openDataFile(event, getRouterParam(event, 'file') ?? ''));
