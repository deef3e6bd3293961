import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { transferReportSchema } from '@praxis/search';

const read = (path: string) => readFileSync(new URL(`../data/${path}`, import.meta.url), 'utf8');
const german = JSON.parse(read('demo/case-studies.de.json'));
const english = JSON.parse(read('demo/case-studies.en.json'));
const taxonomies = JSON.parse(read('taxonomies.json'));
const regionOf = new Map<string, string>(
  (parse(read('nrw/municipalities.csv'), { columns: true }) as { ags: string; region: string }[]).map((row) => [row.ags, row.region]),
);

type DemoRecord = Record<string, any>;
const records: DemoRecord[] = german.records;
const used = (field: string) => new Set(records.flatMap((record) => record[field]));

describe('the demo content', () => {
  it('says that it is fictional', () => {
    expect(german.about).toMatch(/fiktiv/i);
    expect(english.about).toMatch(/fictional/i);
  });

  it('has at least 40 German case studies and at least 10 English translations of them', () => {
    expect(records.length).toBeGreaterThanOrEqual(40);
    expect(english.records.length).toBeGreaterThanOrEqual(10);
    const germanSlugs = new Set(records.map((record) => record.slug));
    for (const translation of english.records) expect(germanSlugs).toContain(translation.translationOf);
  });

  it('covers both Bausteine, all five Regierungsbezirke and all three statuses', () => {
    expect(used('buildingBlock')).toEqual(new Set(taxonomies.buildingBlocks.map((entry: { slug: string }) => entry.slug)));
    const regions = new Set(records.flatMap((record) => record.municipalities.map((ags: string) => regionOf.get(ags))));
    expect(regions).toEqual(new Set(taxonomies.regions));
    expect(used('status')).toEqual(new Set(taxonomies.statuses.map((entry: { slug: string }) => entry.slug)));
  });

  it('uses every target group and every topic', () => {
    expect(used('targetGroups')).toEqual(new Set(taxonomies.targetGroups.map((entry: { slug: string }) => entry.slug)));
    expect(used('topics')).toEqual(new Set(taxonomies.topics.map((entry: { slug: string }) => entry.slug)));
  });

  it('spans the funding years 2018 to 2025', () => {
    const starts = new Set(records.map((record) => record.fundingStart));
    for (let year = 2018; year <= 2025; year += 1) expect(starts, `a project starting in ${year}`).toContain(year);
    for (const record of records) {
      expect(record.fundingStart).toBeGreaterThanOrEqual(2018);
      expect(record.fundingEnd).toBeLessThanOrEqual(2025);
    }
  });

  it('contains no real contact data: only example.org addresses and links, no phone numbers', () => {
    for (const record of [...records, ...english.records]) {
      if (record.contact?.email) expect(record.contact.email).toMatch(/@example\.org$/);
      expect(record.contact?.phone).toBeUndefined();
      for (const link of record.links ?? []) expect(link.url).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('has a few transfer reports, each on a demo case study and a Kommune of NRW, and as the form would take them', () => {
    const transfers = JSON.parse(read('demo/transfer-reports.json'));
    expect(transfers.about).toMatch(/fictional/i);
    expect(transfers.records.length).toBeGreaterThanOrEqual(3);
    const slugs = new Set(records.map((record) => record.slug));
    for (const transfer of transfers.records) {
      expect(slugs).toContain(transfer.caseStudy);
      expect(regionOf.has(transfer.municipality), transfer.municipality).toBe(true);
      const { caseStudy: _slug, ...text } = transfer;
      const checked = transferReportSchema('de').safeParse({ ...text, caseStudy: 'demo', name: 'Demo', email: 'demo@example.org', consent: true });
      expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    }
  });
});
