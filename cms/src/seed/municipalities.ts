import { isKreisfrei, municipalityLabel } from '@praxis/search';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Core } from '@strapi/strapi';
import { dataPath } from './data-dir';

interface MunicipalityRow {
  ags: string;
  name: string;
  type: string;
  district: string;
  district_ags: string;
  region: string;
  lat: string;
  lon: string;
  population: string;
}

const UID = 'api::municipality.municipality';

/** Reads `data/nrw/municipalities.csv` (Destatis GV100AD + BKG VG5000, see data/nrw/SOURCES.md). */
export async function readMunicipalities(strapi: Core.Strapi): Promise<MunicipalityRow[]> {
  const csv = await readFile(dataPath(strapi, 'nrw', 'municipalities.csv'), 'utf8');
  return parse(csv, { columns: true, skip_empty_lines: true }) as MunicipalityRow[];
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
          // The CSV's district column says "kreisfreie Stadt" for a city that is its own Kreis; name the Kreis after the city.
          district: isKreisfrei(row.district) ? row.name : row.district,
          districtAgs: row.district_ags,
          region: row.region,
          lat: Number(row.lat),
          lon: Number(row.lon),
          population: Number(row.population),
        } as never,
      });
    }
  });
  strapi.log.info(`[seed] created ${missing.length} municipalities`);
}
