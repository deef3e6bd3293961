import { dcatCatalogue } from '../open-data/dcat-catalogue';

/** `/dcat.jsonld`: the open-data catalogue in DCAT-AP.de for harvesting portals (server/open-data/dcat-catalogue.ts). */
export default defineEventHandler((event) => {
  setResponseHeaders(event, { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  return JSON.stringify(dcatCatalogue(useRuntimeConfig().public.siteUrl), null, 2);
});
