import { readFile } from 'node:fs/promises';
import type { Core, UID } from '@strapi/strapi';
import { TAXONOMIES, type Taxonomy } from '@praxis/search';
import { dataPath } from './data-dir';

interface TaxonomyEntry {
  slug: string;
  de: string;
  en: string;
  number?: number;
}

type TaxonomyFile = Record<NonNullable<Taxonomy['seedList']>, TaxonomyEntry[]>;

/** Which list of `taxonomies.json` fills which content type (the catalogue's `seedList`). */
const SEEDED = TAXONOMIES.flatMap((taxonomy) => ('seedList' in taxonomy ? [[taxonomy.seedList, taxonomy.uid as UID.ContentType] as const] : []));

/**
 * Creates every taxonomy entry of `data/taxonomies.json` whose slug is missing.
 * Existing entries are left alone, so editors' renames survive restarts.
 */
export async function seedTaxonomies(strapi: Core.Strapi): Promise<void> {
  const file = JSON.parse(await readFile(dataPath(strapi, 'taxonomies.json'), 'utf8')) as TaxonomyFile;
  let created = 0;
  await strapi.db.transaction(async () => {
    for (const [list, uid] of SEEDED) {
      const existing = await strapi.db.query(uid).findMany({ select: ['slug'] });
      const known = new Set(existing.map((entry: { slug: string }) => entry.slug));
      for (const entry of file[list]) {
        if (known.has(entry.slug)) continue;
        const data: Record<string, unknown> = { slug: entry.slug, name: entry.de, nameEn: entry.en };
        if (entry.number !== undefined) data.number = entry.number;
        await strapi.documents(uid).create({ data: data as never });
        created += 1;
      }
    }
  });
  if (created > 0) strapi.log.info(`[seed] created ${created} taxonomy entries`);
}
