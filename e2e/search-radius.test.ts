// "Umkreis": near=<AGS>&radius=<km> on /api/search, the exports and the feed. Every count is held
// against a brute-force count over the indexed case studies' towns and the municipalities' centres
// (haversine, computed here, not with the site's code).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createMeiliClient, type SearchDocument } from '@praxis/search';

interface Answer {
  status: number;
  body: { total: number; hits: { slug: string }[]; facets: Record<string, Record<string, number>>; problems?: { param: string; message: string }[] };
}
const site = () => inject('siteUrl');
async function search(query: string): Promise<Answer> {
  const response = await fetch(`${site()}/api/search?${query}`);
  return { status: response.status, body: await response.json() };
}

const CENTRES = new Map(
  readFileSync(new URL('../cms/data/nrw/municipalities.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map(([ags, name, , , , , lat, lon]) => [ags!, { name: name!, lat: Number(lat), lon: Number(lon) }]),
);
function kmBetween(a: string, b: string): number {
  const [from, to] = [CENTRES.get(a)!, CENTRES.get(b)!];
  const rad = Math.PI / 180;
  const h = Math.sin(((to.lat - from.lat) * rad) / 2) ** 2 + Math.cos(from.lat * rad) * Math.cos(to.lat * rad) * Math.sin(((to.lon - from.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const agsOf = (name: string) => [...CENTRES].find(([, centre]) => centre.name === name)![0];

let docs: SearchDocument[] = [];
beforeAll(async () => {
  const client = createMeiliClient(inject('meiliUrl'), inject('masterKey'));
  docs = (await client.index('case-studies-de').getDocuments<SearchDocument>({ limit: 1000 })).results;
});
/** The case studies with any town within `km` of `centre`. */
const within = (centre: string, km: number, among = docs) => among.filter((doc) => doc.municipalityAgs.some((ags) => kmBetween(centre, ags) <= km));

describe('Umkreis search (near, radius)', () => {
  it('finds exactly the case studies with a town within the radius, for several towns and every radius', async () => {
    expect(docs).toHaveLength(42);
    const seen = new Set<number>();
    for (const town of ['Extertal', 'Gelsenkirchen', 'Duisburg', 'Olsberg', 'Aachen']) {
      for (const km of [10, 25, 50, 100]) {
        const expected = within(agsOf(town), km);
        const answer = await search(`near=${agsOf(town)}&radius=${km}&pageSize=50`);
        expect(answer.status, `${town} ${km}`).toBe(200);
        expect(answer.body.total, `${town} ${km}`).toBe(expected.length);
        expect(answer.body.hits.map((hit) => hit.slug).sort(), `${town} ${km}`).toEqual(expected.map((doc) => doc.slug).sort());
        seen.add(expected.length);
      }
    }
    // The cases differ: some radius finds nothing, some finds part of the corpus.
    expect(seen.has(0)).toBe(true);
    expect([...seen].some((count) => count > 0 && count < 42)).toBe(true);
  });

  it('combines the Umkreis with the facets (AND), and counts each facet within it', async () => {
    const centre = agsOf('Essen');
    const inRadius = within(centre, 25);
    const block = inRadius[0]!.buildingBlockSlug!;
    const answer = await search(`near=${centre}&radius=25&buildingBlock=${block}`);
    expect(answer.body.total).toBe(inRadius.filter((doc) => doc.buildingBlockSlug === block).length);
    const blocks: Record<string, number> = {};
    for (const doc of inRadius) if (doc.buildingBlockSlug) blocks[doc.buildingBlockSlug] = (blocks[doc.buildingBlockSlug] ?? 0) + 1;
    expect(answer.body.facets.buildingBlock).toEqual(blocks);
  });

  it.each([
    ['near=05999999&radius=25', 'near'],
    ['near=Extertal&radius=25', 'near'],
    ['near=05766028', 'radius'],
    ['near=05766028&radius=30', 'radius'],
    ['near=05766028&radius=1e2', 'radius'],
    ['near=05766028&radius=-10', 'radius'],
    ['near=05766028&radius=100000000000000000000', 'radius'],
    ['radius=zehn', 'radius'],
    ['near=05766028&near=05711000&radius=25', 'near'],
  ])('refuses %s with a 400 naming %s', async (query, param) => {
    const answer = await search(query);
    expect(answer.status).toBe(400);
    expect(answer.body.problems?.map((problem) => problem.param)).toContain(param);
  });

  it('exports and subscribes to the same Umkreis: the CSV and the feed hold exactly its case studies', async () => {
    const centre = agsOf('Gelsenkirchen');
    const expected = within(centre, 25).map((doc) => `/praxisbeispiele/${doc.slug}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    const csv = await fetch(`${site()}/export.csv?near=${centre}&radius=25`);
    expect(csv.status).toBe(200);
    const rows: string[][] = parse(await csv.text(), { delimiter: ';', bom: true });
    expect(rows.slice(1).map((row) => new URL(row.at(-1)!).pathname).sort()).toEqual(expected);
    const feed = await (await fetch(`${site()}/feed.xml?near=${centre}&radius=25`)).text();
    expect(feed).toContain('Umkreis 25 km um Gelsenkirchen');
    const linked = [...feed.matchAll(/<entry>[\s\S]*?<link[^>]*href="([^"]+)"/g)].map((match) => new URL(match[1]!).pathname).sort();
    expect(linked).toEqual(expected);
    expect((await fetch(`${site()}/export.csv?near=${centre}&radius=7`)).status).toBe(400);
  });
});
