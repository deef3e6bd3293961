import { openDataFile } from '../../../open-data/downloads';

/** `GET /api/v1/open-data/<dataset>.<format>[?locale=de|en]`: an open-data download (server/open-data/downloads.ts). */
export default defineEventHandler((event) => openDataFile(event, getRouterParam(event, 'file') ?? ''));
