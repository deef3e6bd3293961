// Open data: the downloads hold exactly the published case studies of both languages (a draft made
// for the test is absent) in JSON, CSV and Excel, each naming its licence; the reference data; bad
// addresses answer 4xx with a reason; the DCAT-AP.de catalogue is JSON-LD with what portals need.
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import readXlsxFile from 'read-excel-file/node';
import type { toCaseStudyPage } from '@praxis/web/case-study-loader';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { openPage } from './support/browser.ts';
import { admin, CASE_STUDY } from './support/cms.ts';

const site = () => inject('siteUrl');
const CC_BY = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
const total = async (locale: string) => ((await (await fetch(`${site()}/api/search?locale=${locale}&pageSize=1`)).json()) as { total: number }).total;
const download = (path: string) => fetch(`${site()}/api/v1/open-data/${path}`);

interface CaseStudyFile {
  dataset: string;
  schemaVersion: string;
  license: { id: string; url: string };
  publisher: string;
  data: { documentId: string; locale: string; url: string; title: string }[];
}

let draftId = '';
const DRAFT_TITLE = `Entwurf für den Open-Data-Test ${Date.now()}`;
beforeAll(async () => {
  const { data } = await admin<{ data: { documentId: string } }>('POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
    title: DRAFT_TITLE,
    slug: `open-data-entwurf-${Date.now()}`,
  });
  draftId = data.documentId;
});
afterAll(async () => {
  if (draftId) await admin('DELETE', `/content-manager/collection-types/${CASE_STUDY}/${draftId}?locale=de`).catch(() => undefined);
});

describe('open data', () => {
  it('has every published case study of both languages in the JSON, with its licence, and no draft', async () => {
    const response = await download('case-studies.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('link')).toBe(`<${CC_BY.url}>; rel="license"`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="praxisdatenbank-case-studies-v1.1.0.json"');
    const file = (await response.json()) as CaseStudyFile;
    expect(file).toMatchObject({ dataset: 'case-studies', schemaVersion: '1.1.0', license: CC_BY });
    const [de, en] = [await total('de'), await total('en')];
    expect(file.data.filter((record) => record.locale === 'de')).toHaveLength(de);
    expect(file.data.filter((record) => record.locale === 'en')).toHaveLength(en);
    expect(file.data).toHaveLength(de + en);
    expect(new Set(file.data.map((record) => `${record.locale}/${record.documentId}`)).size).toBe(de + en);
    expect(file.data.map((record) => record.documentId)).not.toContain(draftId);
    expect(file.data.map((record) => record.title)).not.toContain(DRAFT_TITLE);
    expect(
      file.data.every((record) => record.url.startsWith(`${site()}/`) || record.url.includes('/praxisbeispiele/') || record.url.includes('/en/case-studies/')),
    ).toBe(true);

    const english = (await (await download('case-studies.json?locale=en')).json()) as CaseStudyFile;
    expect(english.data).toHaveLength(en);
    expect(english.data.every((record) => record.locale === 'en' && new URL(record.url).pathname.startsWith('/en/case-studies/'))).toBe(true);
  });

  it('has the same case studies in the CSV and the Excel file, each naming the licence', async () => {
    const expected = ((await (await download('case-studies.json')).json()) as CaseStudyFile).data.map((record) => record.documentId + record.locale).sort();

    const csvResponse = await download('case-studies.csv');
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvResponse.headers.get('link')).toBe(`<${CC_BY.url}>; rel="license"`);
    const rows: string[][] = parse(await csvResponse.text(), { bom: true, relax_column_count: false });
    const [header, ...records] = rows;
    expect(header!.slice(0, 4)).toEqual(['documentId', 'locale', 'slug', 'url']);
    expect(header!.at(-1)).toBe('license');
    expect(records.map((row) => row[0]! + row[1]!).sort()).toEqual(expected);
    expect(records.every((row) => row.at(-1)!.includes(CC_BY.url))).toBe(true);

    const xlsxResponse = await download('case-studies.xlsx');
    expect(xlsxResponse.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readXlsxFile(Buffer.from(await xlsxResponse.arrayBuffer()));
    const [caseStudies, license] = sheets;
    expect(caseStudies!.sheet).toBe('case-studies');
    expect(caseStudies!.data[0]).toEqual(header);
    expect(
      caseStudies!.data
        .slice(1)
        .map((row) => String(row[0]) + String(row[1]))
        .sort(),
    ).toEqual(expected);
    expect(license!.sheet).toBe('license');
    expect(JSON.stringify(license!.data)).toContain(CC_BY.url);
  });

  it('has the effort data and contact of each case study apart, as the detail page has them, in the JSON, CSV and Excel file', async () => {
    interface EffortRecord {
      slug: string;
      locale: string;
      staffFte: number | null;
      budgetRange: { slug: string; name: string } | null;
      durationMonths: number | null;
      partnersNeeded: string | null;
      firstSteps: string;
      contact: { organisation: string | null; email: string | null };
    }
    const records = ((await (await download('case-studies.json')).json()) as { data: EffortRecord[] }).data;
    const stated = records.filter((record) => record.staffFte !== null && record.budgetRange && record.contact.email);
    // Both languages have demo case studies with every effort fact.
    expect(new Set(stated.map((record) => record.locale))).toEqual(new Set(['de', 'en']));
    const flat = (text: string) =>
      text
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    for (const record of [stated.find((each) => each.locale === 'de')!, stated.find((each) => each.locale === 'en')!]) {
      const { caseStudy } = (await (await fetch(`${site()}/api/v1/case-studies/${record.slug}?locale=${record.locale}`)).json()) as {
        caseStudy: ReturnType<typeof toCaseStudyPage>;
      };
      const effort = caseStudy.transferability!;
      expect(record, record.slug).toMatchObject({
        staffFte: effort.staffFte,
        budgetRange: { slug: effort.budgetRange },
        durationMonths: effort.durationMonths,
        partnersNeeded: effort.partnersNeeded,
        contact: { organisation: caseStudy.contact!.organisation, email: caseStudy.contact!.email },
      });
      // The name in the record's language: "10.000–50.000 €" in German, "€10,000–50,000" in English.
      expect(record.budgetRange!.name).toMatch(record.locale === 'de' ? /€$|^(unter|über)/ : /^(€|under|over)/);
      expect(flat(effort.firstStepsHtml)).toContain(flat(record.firstSteps).slice(0, 30));
    }

    const [header, ...rows]: string[][] = parse(await (await download('case-studies.csv')).text(), { bom: true, relax_column_count: false });
    const [sheet] = await readXlsxFile(Buffer.from(await (await download('case-studies.xlsx')).arrayBuffer()));
    const record = stated[0]!;
    const cell = (row: unknown[], name: string) => row[header!.indexOf(name)];
    const csvRow = rows.find((row) => cell(row, 'slug') === record.slug && cell(row, 'locale') === record.locale)!;
    const xlsxRow = sheet!.data.find((row) => cell(row, 'slug') === record.slug && cell(row, 'locale') === record.locale)!;
    expect(cell(csvRow, 'staffFte')).toBe(String(record.staffFte));
    expect(cell(xlsxRow, 'staffFte')).toBe(record.staffFte);
    expect(cell(xlsxRow, 'durationMonths')).toBe(record.durationMonths);
    for (const row of [csvRow, xlsxRow]) {
      expect(cell(row, 'budgetRange')).toBe(record.budgetRange!.slug);
      expect(cell(row, 'budgetRangeName')).toBe(record.budgetRange!.name);
      expect(cell(row, 'partnersNeeded')).toBe(record.partnersNeeded);
      expect(cell(row, 'contactOrganisation')).toBe(record.contact.organisation);
      expect(cell(row, 'contactEmail')).toBe(record.contact.email);
    }
  });

  it('has the reference data: 396 municipalities with AGS, 53 Kreise, the vocabularies in both languages', async () => {
    const municipalities = (await (await download('municipalities.json')).json()) as {
      license: { id: string };
      data: { ags: string; name: string; districtAgs: string }[];
    };
    expect(municipalities.license.id).toBe(CC_BY.id);
    expect(municipalities.data).toHaveLength(396);
    expect(municipalities.data.every((town) => /^05\d{6}$/.test(town.ags) && town.ags.startsWith(town.districtAgs))).toBe(true);
    const csv: string[][] = parse(await (await download('municipalities.csv')).text(), { bom: true });
    expect(csv).toHaveLength(397);
    expect(csv[0]!.slice(0, 2)).toEqual(['ags', 'name']);

    const districts = (await (await download('districts.json')).json()) as { data: { ags: string }[] };
    expect(districts.data).toHaveLength(53);
    const taxonomies = (await (await download('taxonomies.json')).json()) as { data: { buildingBlocks: { slug: string; name: { de: string; en: string } }[] } };
    expect(taxonomies.data.buildingBlocks.map((block) => block.name.de)).toEqual(['Aktive Nachbarschaft – Bezugspersonen im Quartier', 'Gesundes Aufwachsen']);
    expect(taxonomies.data.buildingBlocks.every((block) => block.name.en && block.name.en !== block.name.de)).toBe(true);
  });

  it('answers an unknown file, format, version or language with a 4xx and the reason', async () => {
    for (const [path, status, reason] of [
      ['/api/v1/open-data/case-studies.pdf', 404, 'there are case-studies.json'],
      ['/api/v1/open-data/raumfahrt.json', 404, 'no open-data file'],
      ['/api/v2/open-data/case-studies.json', 404, 'no API version'],
      ['/api/v1/open-data/case-studies.json?locale=fr', 400, 'locale'],
      ['/api/v1/open-data/municipalities.json?locale=de', 400, 'has no languages'],
    ] as const) {
      const response = await fetch(`${site()}${path}`);
      expect(response.status, path).toBe(status);
      expect(await response.text(), path).toContain(reason);
    }
  });

  it('lists the files on /open-data and in /api/v1/open-data', async () => {
    const index = (await (await fetch(`${site()}/api/v1/open-data`)).json()) as { license: { id: string }; files: { path: string; url: string }[] };
    expect(index.license.id).toBe(CC_BY.id);
    expect(index.files.map((file) => file.path)).toEqual([
      '/api/v1/open-data/case-studies.json',
      '/api/v1/open-data/case-studies.csv',
      '/api/v1/open-data/case-studies.xlsx',
      '/api/v1/open-data/municipalities.json',
      '/api/v1/open-data/municipalities.csv',
      '/api/v1/open-data/districts.json',
      '/api/v1/open-data/districts.csv',
      '/api/v1/open-data/taxonomies.json',
    ]);
    const html = await (await fetch(`${site()}/open-data`)).text();
    for (const file of index.files) expect(html).toContain(`href="${file.path}"`);
    expect(html).toContain('rel="license"');
    // The changelog, newest first, in both languages.
    expect(html).toMatch(/Änderungen<\/h2>[\s\S]*1\.1\.0[\s\S]*staffFte[\s\S]*1\.0\.0/);
    expect(await (await fetch(`${site()}/en/open-data`)).text()).toMatch(/Changes<\/h2>[\s\S]*1\.1\.0[\s\S]*effort data apart/);
  });

  it('describes the datasets in DCAT-AP.de as JSON-LD with the properties portals require', async () => {
    const response = await fetch(`${site()}/dcat.jsonld`);
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const expanded = (await jsonld.expand(await response.json())) as Record<string, unknown>[];
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const byType = (type: string) => {
      const walk = (node: unknown): Record<string, unknown>[] => {
        if (!node || typeof node !== 'object') return [];
        const record = node as Record<string, unknown>;
        const own = (record['@type'] as string[] | undefined)?.includes(type) ? [record] : [];
        return [...own, ...Object.values(record).flatMap((value) => (Array.isArray(value) ? value.flatMap((item) => walk(item)) : walk(value)))];
      };
      return expanded.flatMap((node) => walk(node));
    };
    const missing = (node: Record<string, unknown>, properties: string[]) => properties.filter((property) => !(property in node));
    const [catalog] = byType(`${DCAT}Catalog`);
    expect(missing(catalog!, [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}dataset`])).toEqual([]);
    const datasets = byType(`${DCAT}Dataset`);
    expect(datasets).toHaveLength(4);
    for (const dataset of datasets) {
      expect(
        missing(dataset, [
          `${DCT}title`,
          `${DCT}description`,
          `${DCT}publisher`,
          'http://dcat-ap.de/def/dcatde/contributorID',
          `${DCAT}distribution`,
          `${DCAT}theme`,
        ]),
      ).toEqual([]);
    }
    const distributions = byType(`${DCAT}Distribution`);
    expect(distributions).toHaveLength(8);
    for (const distribution of distributions) {
      expect(missing(distribution, [`${DCAT}accessURL`, `${DCT}license`, `${DCT}format`])).toEqual([]);
      expect(distribution[`${DCT}license`]).toEqual([{ '@id': 'http://dcat-ap.de/def/licenses/cc-by/4.0' }]);
      const url = (distribution[`${DCAT}downloadURL`] as { '@id': string }[])[0]!['@id'];
      const file = await fetch(url.replace(/^https?:\/\/[^/]+/, site()));
      expect(file.status, url).toBe(200);
      await file.arrayBuffer();
    }
  });

  for (const [name, paths, viewport] of [
    ['German', ['/open-data', '/api-dokumentation', '/so-entsteht-die-datenbank'], { width: 1280, height: 900 }],
    ['English', ['/en/open-data', '/en/api-documentation', '/en/how-the-database-is-made'], { width: 1280, height: 900 }],
    ['a phone', ['/open-data', '/api-dokumentation'], { width: 390, height: 844 }],
  ] as const) {
    it(`has no axe violations on the open-data, API and methodology pages in ${name}`, async () => {
      const page = await openPage({ viewport });
      for (const path of paths) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
  }
});
