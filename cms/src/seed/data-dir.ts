import path from 'node:path';
import type { Core } from '@strapi/strapi';

/** `cms/data/`: reference data and demo content shipped with the repository. */
export function dataPath(strapi: Core.Strapi, ...parts: string[]): string {
  return path.join(strapi.dirs.app.root, 'data', ...parts);
}
