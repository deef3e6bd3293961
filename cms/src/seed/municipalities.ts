import { districtOf, MUNICIPALITY_UID as UID, municipalityLabel } from '@praxis/search';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Core, Schema } from '@strapi/strapi';
import { dataPath } from './data-dir';

interface MunicipalityRow {
  ags: string;
  name: string;
  type: Schema.AttributeValueByName<typeof UID, 'type'>;
  district: string;
  district_ags: string;
  region: Schema.AttributeValueByName<typeof UID, 'region'>;
  lat: string;
  lon: string;
  population: string;
}

/**
 * Reads `data/nrw/municipalities.csv` (Destatis GV100AD + BKG VG5000, see data/nrw/SOURCES.md);
 * a municipality type or Regierungsbezirk the schema does not know stops the seed with its row.
 */
export async function readMunicipalities(strapi: Core.Strapi): Promise<MunicipalityRow[]> {
  const csv = await readFile(dataPath(strapi, 'nrw', 'municipalities.csv'), 'utf8');
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<keyof MunicipalityRow, string>[];
  const allowed = (field: 'type' | 'region') => (strapi.contentType(UID).attributes[field] as { enum: string[] }).enum;
  for (const field of ['type', 'region'] as const) {
    const unknown = rows.find((row) => !allowed(field).includes(row[field]));
    if (unknown)
      throw new Error(
        `municipalities.csv: ${unknown.name} (${unknown.ags}) has ${field} "${unknown[field]}", which the municipality schema does not allow (${allowed(field).join(', ')})`,
      );
  }
  return rows as MunicipalityRow[];
}

/** Creates the NRW municipalities whose AGS is not in the database yet, and gives every one its picker label. */
export async function seedMunicipalities(strapi: Core.Strapi): Promise<void> {
  const rows = await readMunicipalities(strapi);
  const existing = await strapi.db.query(UID).findMany({ select: ['ags'] });
  const known = new Set(existing.map((entry: { ags: string }) => entry.ags));
  const missing = rows.filter((row) => !known.has(row.ags));
  if (missing.length > 0) await createMunicipalities(strapi, missing);
  await labelMunicipalities(strapi);
}

/**
 * "Bottrop (kreisfreie Stadt)", "Lemgo (Kreis Lippe)": what the case study's Kommune picker shows
 * and searches (the content manager's main field). Written straight to the table: the label is
 * not part of the search document, so no case study needs reindexing.
 */
async function labelMunicipalities(strapi: Core.Strapi): Promise<void> {
  const towns = await strapi.db.query(UID).findMany({ select: ['id', 'name', 'type', 'district', 'label'] });
  const stale = towns.filter((town: { name: string; type: string; district: string; label: string | null }) => town.label !== municipalityLabel(town));
  if (stale.length === 0) return;
  await strapi.db.transaction(async () => {
    for (const town of stale) await strapi.db.query(UID).update({ where: { id: town.id }, data: { label: municipalityLabel(town) } });
  });
}

async function createMunicipalities(strapi: Core.Strapi, missing: MunicipalityRow[]): Promise<void> {
  await strapi.db.transaction(async () => {
    for (const row of missing) {
      await strapi.documents(UID).create({
        data: {
          ags: row.ags,
          name: row.name,
          type: row.type,
          district: districtOf(row),
          districtAgs: row.district_ags,
          region: row.region,
          lat: Number(row.lat),
          lon: Number(row.lon),
          population: Number(row.population),
        },
      });
    }
  });
  strapi.log.info(`[seed] created ${missing.length} municipalities`);
}
