import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { importCaseStudies, type ImportOptions } from '../../../import/run-import';

/** `strapi.service('api::case-study.importer')`: the bulk import used by `npm run import`, the admin's import page and the demo seed. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async importFile(path: string, options: ImportOptions = {}) {
    return importCaseStudies(strapi, path, await readFile(path), options);
  },
  async importContent(fileName: string, content: Uint8Array | string, options: ImportOptions = {}) {
    return importCaseStudies(strapi, fileName, content, options);
  },
});
