import type { Core } from '@strapi/strapi';
import { searchSync } from '../../../sync/search-sync';

/** `strapi.service('api::sync.sync')`: the running CMS's search sync, for the route, the CLIs and tests. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  status: () => searchSync(strapi).status(),
  backlog: () => searchSync(strapi).backlog(),
  reconcile: () => searchSync(strapi).reconcileNow(),
  reindex: (onProgress?: (locale: string, done: number) => void) => searchSync(strapi).reindex(onProgress),
  startWorker: () => searchSync(strapi).startWorker(),
});
