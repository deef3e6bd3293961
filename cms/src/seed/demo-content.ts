import type { Core } from '@strapi/strapi';
import { dataPath } from './data-dir';
import { readFile } from 'node:fs/promises';
import { CASE_STUDY_UID, TRANSFER_REPORT_UID } from '@praxis/search';
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

interface DemoTransfer {
  caseStudy: string;
  municipality: string;
  since: number;
  locale: 'de' | 'en';
  adopted: string;
  changed?: string;
  helped?: string;
  hindered?: string;
}

/**
 * A few published reports of "Nachnutzung melden" on the demo case studies (cms/data/demo/transfer-reports.json),
 * once (their own flag: a database seeded before the reports existed gets them too), and only
 * where the demo case study and the Kommune are there.
 */
export async function seedDemoTransfers(strapi: Core.Strapi): Promise<void> {
  if (!cmsEnvironment().SEED_DEMO_CONTENT) return;
  const flag = strapi.store({ type: 'core', name: 'praxisdatenbank', key: 'demo-transfers-seeded' });
  if (await flag.get()) return;
  const { records } = JSON.parse(await readFile(dataPath(strapi, 'demo', 'transfer-reports.json'), 'utf8')) as { records: DemoTransfer[] };
  let created = 0;
  for (const record of records) {
    const caseStudy = (await strapi.db.query(CASE_STUDY_UID).findOne({
      where: { slug: record.caseStudy, locale: 'de', publishedAt: { $notNull: true } },
      select: ['documentId', 'title'],
    })) as { documentId: string; title: string } | null;
    const town = (await strapi.db.query('api::municipality.municipality').findOne({ where: { ags: record.municipality }, select: ['id', 'name'] })) as {
      id: number;
      name: string;
    } | null;
    if (!caseStudy || !town) continue;
    const { documentId } = (await strapi.documents(TRANSFER_REPORT_UID).create({
      data: {
        title: `${town.name}: ${caseStudy.title}`.slice(0, 300),
        caseStudyDocumentId: caseStudy.documentId,
        caseStudyTitle: caseStudy.title.slice(0, 160),
        municipality: town.id,
        since: record.since,
        reportLocale: record.locale,
        adopted: record.adopted,
        changed: record.changed ?? null,
        helped: record.helped ?? null,
        hindered: record.hindered ?? null,
        editorialState: 'freigegeben',
      } as never,
    })) as { documentId: string };
    await strapi.documents(TRANSFER_REPORT_UID).publish({ documentId });
    created += 1;
  }
  strapi.log.info(`[seed] demo content transfer-reports.json: ${created} published transfer reports created`);
  await flag.set({ value: new Date().toISOString() });
}
