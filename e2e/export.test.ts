// "Herunterladen": a whole search (every hit, not one page) and a Merkliste as CSV and Excel with
// German (or English) headers and each case study's address; a case study as a PDF handout.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { extractText, getDocumentProxy } from 'unpdf';
import { budgetRangeName } from '@praxis/search';
import type { toCaseStudyPage } from '@praxis/web/case-study-loader';
import { describe, expect, inject, it } from 'vitest';
import { openPage } from './support/browser.ts';

interface SearchAnswer {
  total: number;
  hits: { documentId: string; slug: string; title: string }[];
}

const site = () => inject('siteUrl');
const search = async (query: string) => (await (await fetch(`${site()}/api/search?${query}`)).json()) as SearchAnswer;
const csvRows = (text: string, delimiter: string): string[][] => parse(text, { delimiter, bom: true, relax_column_count: false });
const flat = (text: string) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A case study as the CMS has it (the detail page's API): what the exports' effort columns must say. */
type Detail = ReturnType<typeof toCaseStudyPage>;
const detail = async (slug: string, locale = 'de') =>
  ((await (await fetch(`${site()}/api/case-studies/${slug}?locale=${locale}`)).json()) as { caseStudy: Detail }).caseStudy;

/** Demo case studies that state every effort fact and a contact, by title. */
async function withEffortData(count: number): Promise<Detail[]> {
  const found: Detail[] = [];
  for (const hit of (await search('sort=title&pageSize=50')).hits) {
    const each = await detail(hit.slug);
    const effort = each.transferability;
    if (effort?.staffFte != null && effort.budgetRange && effort.durationMonths && effort.partnersNeeded && effort.firstStepsHtml && each.contact?.email)
      found.push(each);
    if (found.length === count) return found;
  }
  throw new Error(`fewer than ${count} demo case studies state all effort data`);
}
const urlColumn = (rows: unknown[][]) => rows.slice(1).map((row) => new URL(String(row.at(-1))).pathname);

/** Every hit's detail path, through the API's pages (at most 50 a page). */
async function allPaths(query: string, prefix: string): Promise<string[]> {
  const first = await search(`${query}&pageSize=50`);
  const pages = [first];
  for (let page = 2; page <= Math.ceil(first.total / 50); page++) pages.push(await search(`${query}&pageSize=50&page=${page}`));
  return pages.flatMap((answer) => answer.hits.map((hit) => `${prefix}${hit.slug}`));
}

describe('export of a search and a Merkliste', () => {
  it("exports every hit of the whole corpus and of a filtered search as CSV, in the search's order, with German headers", async () => {
    for (const query of ['', 'region=Arnsberg&sort=title', 'q=Eltern&topic=bewegung']) {
      const response = await fetch(`${site()}/export.csv?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="praxisbeispiele-\d{4}-\d\d-\d\d\.csv"$/);
      const rows = csvRows(await response.text(), ';');
      expect(rows[0]!.slice(0, 4)).toEqual(['Titel', 'Kurzbeschreibung', 'Baustein', 'Kommunen']);
      expect(rows[0]!.at(-1)).toBe('Adresse (URL)');
      const expected = await allPaths(query, '/praxisbeispiele/');
      expect(rows.length - 1, query).toBe(expected.length);
      expect(urlColumn(rows), query).toEqual(expected);
    }
  });

  it('exports the same as Excel: numbers as numbers, names not codes; English with English headers', async () => {
    const { total } = await search('region=Arnsberg');
    const response = await fetch(`${site()}/export.xlsx?region=Arnsberg`);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    const [headers, ...rows] = sheet!.data;
    expect(sheet!.sheet).toBe('Praxisbeispiele');
    expect(rows).toHaveLength(total);
    const column = (name: string) => headers!.indexOf(name);
    expect(rows.every((row) => String(row[column('Regierungsbezirke')]).includes('Arnsberg'))).toBe(true);
    expect(rows.every((row) => typeof row[column('Förderbeginn')] === 'number')).toBe(true);
    expect(rows.every((row) => ['Laufend', 'Abgeschlossen', 'Verstetigt'].includes(String(row[column('Status')])))).toBe(true);

    const english = await fetch(`${site()}/en/export.csv?region=Arnsberg`);
    const englishRows = csvRows(await english.text(), ',');
    expect(englishRows[0]!.slice(0, 2)).toEqual(['Title', 'Summary']);
    expect(englishRows.length - 1).toBe((await search('region=Arnsberg&locale=en')).total);
    expect(urlColumn(englishRows).every((path) => path.startsWith('/en/case-studies/'))).toBe(true);
  });

  it("exports a Merkliste in its own order, from the list page's link, with and without JavaScript", async () => {
    const hits = (await search('sort=title')).hits.slice(0, 3).reverse();
    const ids = hits.map((hit) => hit.documentId).join(',');
    for (const javaScriptEnabled of [true, false]) {
      const page = await openPage({ javaScriptEnabled, acceptDownloads: true });
      await page.goto(`/merkliste?ids=${ids}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Die Merkliste als Excel-Datei' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^merkliste-\d{4}-\d\d-\d\d\.xlsx$/);
      const [sheet] = await readXlsxFile(readFileSync(await download.path()));
      expect(
        sheet!.data.slice(1).map((row) => row[0]),
        String(javaScriptEnabled),
      ).toEqual(hits.map((hit) => hit.title));
    }
    const csv = csvRows(await (await fetch(`${site()}/export.csv?ids=${ids}`)).text(), ';');
    expect(csv.slice(1).map((row) => row[0])).toEqual(hits.map((hit) => hit.title));
  });

  it('carries the effort data, success factors, pitfalls, what became of it and the contact, as the detail page has them', async () => {
    const studies = await withEffortData(3);
    const ids = studies.map((study) => study.documentId).join(',');
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(`${site()}/export.xlsx?ids=${ids}`)).arrayBuffer()));
    const csv = csvRows(await (await fetch(`${site()}/export.csv?ids=${ids}`)).text(), ';');
    const [headers, ...rows] = sheet!.data;
    expect(csv[0]).toEqual(headers);
    const effortColumns = [
      'Personal (Vollzeitstellen)',
      'Budget pro Jahr',
      'Dauer (Monate)',
      'Nötige Partner',
      'Erste Schritte',
      'Gelingensbedingungen',
      'Stolpersteine',
      'Was wurde daraus?',
      'Kontakt: Organisation',
      'Kontakt: E-Mail',
    ];
    expect(headers).toEqual(expect.arrayContaining(effortColumns));
    expect(headers).toHaveLength(31);
    const at = (row: unknown[], name: string) => row[headers!.indexOf(name)];
    studies.forEach((study, index) => {
      const [row, csvRow] = [rows[index]!, csv[index + 1]!];
      const effort = study.transferability!;
      expect(at(row, 'Titel')).toBe(study.title);
      expect(at(row, 'Personal (Vollzeitstellen)'), study.title).toBe(effort.staffFte);
      expect(at(csvRow, 'Personal (Vollzeitstellen)')).toBe(String(effort.staffFte).replace('.', ','));
      expect(at(row, 'Budget pro Jahr')).toBe(budgetRangeName(effort.budgetRange!, 'de'));
      expect(at(row, 'Dauer (Monate)')).toBe(effort.durationMonths);
      expect(at(row, 'Nötige Partner')).toBe(effort.partnersNeeded);
      expect(flat(effort.firstStepsHtml)).toContain(flat(String(at(row, 'Erste Schritte'))).slice(0, 30));
      expect(at(row, 'Gelingensbedingungen')).toBe(study.successFactors.join('; ') || null);
      expect(at(row, 'Stolpersteine')).toBe(study.pitfalls.join('; ') || null);
      if (study.html.afterFunding) expect(flat(study.html.afterFunding)).toContain(flat(String(at(row, 'Was wurde daraus?'))).slice(0, 30));
      expect(at(row, 'Kontakt: Organisation')).toBe(study.contact!.organisation);
      expect(at(row, 'Kontakt: E-Mail')).toBe(study.contact!.email);
      expect(at(csvRow, 'Kontakt: E-Mail')).toBe(study.contact!.email);
    });

    const english = csvRows(await (await fetch(`${site()}/en/export.csv?region=Arnsberg`)).text(), ',');
    expect(english[0]).toEqual(expect.arrayContaining(['Staff (full-time equivalents)', 'Budget per year', 'Contact: e-mail']));
    const budgets = english.slice(1).map((row) => row[english[0]!.indexOf('Budget per year')]);
    expect(budgets.some((budget) => budget?.startsWith('€') || budget?.startsWith('under') || budget?.startsWith('over'))).toBe(true);
  });

  it("links the search page's downloads to the search as it changes", async () => {
    const page = await openPage();
    await page.goto('/praxisbeispiele?q=Kita');
    await page.locator('.search-page.enhanced').waitFor();
    const csvLink = page.locator('.downloads a').first();
    expect(await csvLink.getAttribute('href')).toBe('/export.csv?q=Kita');
    await page.locator('#facet-topic-bewegung').check();
    await expect.poll(() => csvLink.getAttribute('href')).toBe('/export.csv?q=Kita&topic=bewegung');
    const total = (await search('q=Kita&topic=bewegung')).total;
    expect(await csvLink.getAttribute('aria-label')).toBe(`Alle ${total} Treffer als CSV-Datei`);
  });

  it('answers a malformed export with 400 and what is wrong', async () => {
    for (const [query, message] of [
      ['topic=raumfahrt', 'topic'],
      ['ids=abc&q=Kita', 'cannot be combined'],
      ['ids=..%2Fx', 'not a case-study id'],
    ]) {
      const response = await fetch(`${site()}/export.xlsx?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(message);
    }
  });
});

describe('PDF handout of a case study', () => {
  it("is a PDF with the case study's title, its sections and its address, in both languages", async () => {
    const german = (await search('sort=title')).hits[0]!;
    const english = (await search('sort=title&locale=en')).hits[0]!;
    for (const [path, heading] of [
      [`/praxisbeispiele/${german.slug}`, 'Worum es geht'],
      [`/en/case-studies/${english.slug}`, 'What it is about'],
    ] as const) {
      const response = await fetch(`${site()}${path}/handout.pdf`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
      const detail = (await (await fetch(`${site()}/api/case-studies/${path.split('/').at(-1)}?locale=${path.startsWith('/en') ? 'en' : 'de'}`)).json()) as {
        caseStudy: { title: string };
      };
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(detail.caseStudy.title.replace(/\s+/g, ' ').slice(0, 40));
      expect(flat).toContain(heading);
      expect(flat).toContain(`${site()}${path}`.slice(0, 60));
    }
    expect((await fetch(`${site()}/praxisbeispiele/gibt-es-nicht/handout.pdf`)).status).toBe(404);
  });

  it('names the partners, the quality criteria met and when it was last reviewed', async () => {
    let study: Detail | undefined;
    for (const hit of (await search('sort=title&pageSize=50')).hits) {
      const each = await detail(hit.slug);
      if (each.partners.length > 0 && each.criteria.length > 0 && each.lastReviewed) study = each;
      if (study) break;
    }
    expect(study, 'a demo case study with partners, criteria and a review date').toBeDefined();
    const bytes = new Uint8Array(await (await fetch(`${site()}/praxisbeispiele/${study!.slug}/handout.pdf`)).arrayBuffer());
    // A line may end after a hyphen ("Kosten-" / "Wirksamkeits-Verhältnis"): the space read there is dropped.
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, ' ').replaceAll('- ', '-');
    const reviewed = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' }).format(new Date(study!.lastReviewed!));
    expect(text).toContain(`Zuletzt geprüft ${reviewed}`);
    expect(text).toContain('Erfüllte Qualitätskriterien');
    for (const criterion of study!.criteria) expect(text).toContain(criterion.name.slice(0, 25));
    expect(text).toMatch(new RegExp(`Partner • ${study!.partners[0]!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('is linked from the detail page', async () => {
    const { hits } = await search('sort=title');
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/praxisbeispiele/${hits[0]!.slug}`);
    expect(await page.getByRole('link', { name: 'Als PDF-Handout herunterladen' }).getAttribute('href')).toBe(`/praxisbeispiele/${hits[0]!.slug}/handout.pdf`);
  });
});
