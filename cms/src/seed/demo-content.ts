import type { Core } from '@strapi/strapi';
import { dataPath } from './data-dir';
import { cmsEnvironment } from '../config/environment';

/** Imported in this order: German first, then the English translations that point at them. */
const DEMO_FILES = [
  { file: 'case-studies.de.json', locale: 'de' },
  { file: 'case-studies.en.json', locale: 'en' },
];

/**
 * Imports and publishes the fictional demo case studies once, on the first
 * start (a store flag remembers it, so deleted demo entries stay deleted).
 * `SEED_DEMO_CONTENT=false` turns it off.
 */
export async function seedDemoContent(strapi: Core.Strapi): Promise<void> {
  if (!cmsEnvironment().SEED_DEMO_CONTENT) return;
  const flag = strapi.store({ type: 'core', name: 'praxisdatenbank', key: 'demo-content-seeded' });
  if (await flag.get()) return;
  const importer = strapi.service('api::case-study.importer') as {
    importFile(path: string, options: { locale: string }): Promise<{ issues: unknown[]; created: number; written: boolean }>;
  };
  for (const { file, locale } of DEMO_FILES) {
    const report = await importer.importFile(dataPath(strapi, 'demo', file), { locale });
    if (!report.written) throw new Error(`The demo content ${file} is invalid: ${JSON.stringify(report.issues.slice(0, 5))}`);
    strapi.log.info(`[seed] demo content ${file}: ${report.created} case studies created`);
  }
  await flag.set({ value: new Date().toISOString() });
}
