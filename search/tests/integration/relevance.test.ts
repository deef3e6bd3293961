// The judged relevance set (search/relevance/judged-queries.json) against a real Meilisearch with
// the demo content: floors under what `npm run bench:relevance` measured, so that a change to the
// analysis, the settings or the query cannot quietly bring back fragment matches and floods.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMeilisearch, type MeilisearchHandle } from '@praxis/tooling/meilisearch';
import { createMeiliClient } from '../../src/meilisearch/meili-client.ts';
import { parseSearchParams } from '../../src/query.ts';
import { resolveIndexQuery, searchCaseStudies } from '../../src/search-case-studies.ts';
import { evaluateQuery, indexDemoContent, isFlood, loadJudgedQueries, summarise, type QueryResult } from '../../relevance/evaluate.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'praxis-relevance-'));
const masterKey = 'relevance-test-master-key-0123456789';
let server: MeilisearchHandle;
let client: ReturnType<typeof createMeiliClient>;
let results: QueryResult[];
let sizes: Record<'de' | 'en', number>;

beforeAll(async () => {
  server = await startMeilisearch({ dataDir, masterKey });
  client = createMeiliClient(server.url, masterKey);
  sizes = await indexDemoContent(client);
  results = [];
  for (const query of loadJudgedQueries()) results.push(await evaluateQuery(client, query, sizes[query.locale]));
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const row = (locale: 'de' | 'en' | 'all', queryClass = 'all') =>
  summarise(results, sizes).find((summary) => summary.locale === locale && summary.class === queryClass)!;

describe('relevance on the judged queries', () => {
  it('has a judged set of at least 60 German and 20 English queries', () => {
    expect(results.filter((result) => result.query.locale === 'de').length).toBeGreaterThanOrEqual(60);
    expect(results.filter((result) => result.query.locale === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it('never marks a piece of a word, nor a word unrelated to the query', () => {
    expect(results.flatMap((result) => result.fragments.map((fragment) => `${result.query.q}: ${fragment}`))).toEqual([]);
    // One measured: Meilisearch takes "Kindergruppe" for a two-typo "Kindergarten" (ten letters).
    expect(results.flatMap((result) => result.strayMarks.map((word) => `${result.query.q}: ${word}`))).toEqual(['Kindergarten: Kindergruppe']);
  });

  it('ranks the judged case studies first (nDCG@10 at least 0.9 overall and per language)', () => {
    expect(row('all').ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(row('de').ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(row('en').ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(row('de').precision10).toBeGreaterThanOrEqual(0.7);
    for (const queryClass of ['plural', 'synonym', 'transliteration', 'typo', 'place-topic', 'phrase']) {
      expect(row('de', queryClass).ndcg10, queryClass).toBeGreaterThanOrEqual(0.85);
    }
    expect(row('de', 'compound').ndcg10).toBeGreaterThanOrEqual(0.85);
    expect(row('en', 'typo').ndcg10).toBeGreaterThanOrEqual(0.9);
  });

  it('returns no more of the corpus than before the analysis, and less than a quarter on average', () => {
    // bench:relevance measured 9 German and 8 English queries over a quarter of their (small)
    // corpus although fewer are judged relevant; before the analysis, 55 and 13. One of the nine is
    // the quoted "Bildungs- und Teilhabepaket": a phrase asks for the text as written, and 13 write it.
    expect(results.filter((result) => result.query.locale === 'de' && isFlood(result, sizes.de)).length).toBeLessThanOrEqual(9);
    expect(results.filter((result) => result.query.locale === 'en' && isFlood(result, sizes.en)).length).toBeLessThanOrEqual(8);
    expect(row('de').corpusShare).toBeLessThan(0.25);
  });

  it('asks a compound the index does not hold by the parts it holds, and a word with a synonym whole', async () => {
    const asked = async (q: string) => resolveIndexQuery(client, parseSearchParams(new URLSearchParams({ q })).state!);
    expect(await asked('Kochkurs')).toBe('koch kur');
    // "arbeit" is in most case studies: the modifier alone says what is meant.
    expect(await asked('Mädchenarbeit')).toBe('madch');
    expect(await asked('Kindergarten')).toBe('kindergart');
    expect(await asked('Ernärung')).toBe('ernar');
    // One case study writes "Schwimmkurse": asked by its parts, which that one holds as well.
    expect(await asked('Schwimmkurs Gladbeck')).toBe('schwimm kur gladbeck');
    expect(await asked('"Übergang Kita"')).toBe('"ubergang kita"');
    // Written so in one case study only; others are about the "Beteiligung" of "Jugendlichen".
    expect(await asked('Jugendbeteiligung')).toBe('jugend beteil');
  });

  it('corrects an English word the case studies do not use to the closest one they do', async () => {
    const asked = async (q: string) => resolveIndexQuery(client, parseSearchParams(new URLSearchParams({ q, locale: 'en' })).state!);
    expect(await asked('bulying')).toBe('bulli');
    expect(await asked('councelling')).toBe('counsel');
    expect(await asked('counselling')).toBe('counsel');
  });

  it('finds a compound written with a hyphen that stands for its head ("Gewalt- und Mobbingprävention")', () => {
    const result = results.find((candidate) => candidate.query.q === 'Gewaltprävention')!;
    expect(result.recall).toBe(1);
  });

  it("finds a quoted phrase wherever a case study writes it, its words' compound parts notwithstanding", () => {
    // 13 demo case studies write "Bildungs- und Teilhabepaket" (before: none found, the parts of
    // "Bildungs-" stood between the two words in the index).
    const result = results.find((candidate) => candidate.query.q === '"Bildungs- und Teilhabepaket"')!;
    expect(result.ranked).toHaveLength(13);
    expect(result.recall).toBe(1);
    expect(result.ranked[0]).toBe('teilhabe-lotsinnen-recklinghausen-hochlarmark');
  });

  it('offers "Meinten Sie …?" from the case studies\' words when nothing is found, and only what finds something', async () => {
    const search = async (params: Record<string, string>) => {
      const outcome = await searchCaseStudies(client, new URLSearchParams(params));
      if (outcome.status !== 200) throw new Error(outcome.body.error);
      return outcome.body;
    };
    // Three slips: more than the search tolerates, close enough for a suggestion.
    const misspelt = await search({ q: 'Gewalltprevenzion' });
    expect(misspelt.total).toBe(0);
    // Six: the Herne project's title, and five whose topic is "Gewalt- und Mobbingprävention".
    expect(misspelt.didYouMean).toEqual({ q: 'Gewaltprävention', total: 6 });
    // Nothing close: no suggestion rather than a wild guess.
    expect((await search({ q: 'Quarkspeise' })).didYouMean).toBeNull();
    // A suggestion must find something with the same filters (none of the six is in Regierungsbezirk Köln).
    expect((await search({ q: 'Gewalltprevenzion', region: 'Köln' })).didYouMean).toBeNull();
    expect((await search({ q: 'Kita' })).didYouMean).toBeNull();
  });

  it.each(['Geflüchtete', 'Flüchtlinge', 'Streetwork', 'Elterncafe', 'Kindergarten', 'Sprachförderung', 'Vaeter', 'Ernaehrung', 'Schwimmkurs'])(
    'gives a practitioner typing "%s" the case studies about it, first',
    (q) => {
      const result = results.find((candidate) => candidate.query.locale === 'de' && candidate.query.q === q)!;
      expect(result.query.relevant[result.ranked[0]!], `first hit ${result.ranked[0]}`).toBeGreaterThan(0);
      expect(result.ndcg10).toBeGreaterThanOrEqual(0.8);
      // Before the analysis "Geflüchtete" returned all 42, "Kindergarten" 41, "Streetwork" 38.
      // "Kindergarten" still returns every case study that mentions a Kita (26).
      expect(result.ranked.length).toBeLessThanOrEqual(q === 'Kindergarten' ? 28 : 10);
    },
  );
});
