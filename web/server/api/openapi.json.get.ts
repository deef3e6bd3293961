import { openDataLicense } from '../open-data/downloads';
import { openApiDocument } from '../open-data/openapi/document';

/** `GET /api/openapi.json`: the OpenAPI 3.1 description of the public read API (server/open-data/openapi/document.ts). */
export default defineEventHandler((event) => {
  setResponseHeaders(event, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
  return openApiDocument(useRuntimeConfig().public.siteUrl, openDataLicense());
});
