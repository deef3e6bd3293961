// The editors' search terms ("Suchbegriffe", api::search-term) through the admin API as the admin
// panel calls it, against a real Meilisearch: seeded from the search library, refused with German
// messages that name the line, kept from Redaktion and the public, and searchable within seconds
// of a save (and gone after a delete) without a reindex, also when Meilisearch was away meanwhile.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SYNONYM_LENGTH, MAX_SYNONYMS_PER_SET, queryTerms, SEED_SYNONYMS, synonymSettings } from '@praxis/search';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { synonymSetsOf } from '../../src/sync/search-terms';
import { adminTokenFor, adminCall } from '../helpers/admin-users.mts';
import { startTestMeilisearch, waitFor, type TestMeilisearch } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const SEARCH_TERM = 'api::search-term.search-term';
const path = (documentId = '') => `/content-manager/collection-types/${SEARCH_TERM}${documentId ? `/${documentId}` : ''}`;
let meili: TestMeilisearch;
let cms: TestStrapi;
const tokens: Record<string, string> = {};
/** The demo's swimming-course case study ("Seepferdchen-Offensive …"). */
let swimming: string;

const as = (roleCode: string, method: string, path: string, body?: unknown) => adminCall(cms, tokens[roleCode], method, path, body);
const create = (data: Record<string, unknown>) => as(CHEFREDAKTION.code, 'POST', path(), data);

/** The documentIds the German index finds for what a reader typed, analysed as the site analyses it. */
const found = async (typed: string, locale = 'de') =>
  (await meili.client.index(`case-studies-${locale}`).search(queryTerms(typed, locale), { limit: 100 })).hits.map((hit) => hit.documentId as string);
const synonymsOf = (locale: string) => meili.client.index(`case-studies-${locale}`).getSynonyms() as Promise<Record<string, string[]>>;

beforeAll(async () => {
  meili = await startTestMeilisearch();
  cms = await startTestStrapi({ demoContent: true, env: meili.syncEnv });
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'chefin@example.org', CHEFREDAKTION.code);
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'autorin@example.org', REDAKTION.code);
  const entry = await cms.strapi.db
    .query('api::case-study.case-study')
    .findOne({ where: { locale: 'de', title: { $startsWith: 'Seepferdchen' }, publishedAt: { $notNull: true } } });
  swimming = entry.documentId;
  await waitFor(async () => (await found('Seepferdchen')).includes(swimming), 'the demo content is indexed', 60_000);
});
afterAll(async () => {
  await cms?.stop();
  await meili?.destroy();
});

describe('the seed', () => {
  it("holds one set per seed set in each language, and the index has the seed's synonyms", async () => {
    for (const language of ['de', 'en'] as const) {
      const sets = await synonymSetsOf(cms.strapi, language);
      expect(sets).toHaveLength(SEED_SYNONYMS[language].length);
      // Words the search treats alike were left out of the seed's lines: the synonyms are the same.
      expect(synonymSettings(sets, language)).toEqual(synonymSettings(SEED_SYNONYMS[language], language));
      expect(await synonymsOf(language)).toEqual(synonymSettings(SEED_SYNONYMS[language], language));
    }
  });
});

describe('who may see and change the search terms', () => {
  it('Chefredaktion lists the seeded sets; Redaktion sees and changes nothing', async () => {
    const list = await as(CHEFREDAKTION.code, 'GET', `${path()}?page=1&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThanOrEqual(SEED_SYNONYMS.de.length + SEED_SYNONYMS.en.length);
    expect((await as(REDAKTION.code, 'GET', path())).status).toBe(403);
    expect((await as(REDAKTION.code, 'POST', path(), { language: 'de', words: 'Hort\nNachmittagsbetreuung' })).status).toBe(403);
    const kita = list.body.results.find((row: { words: string }) => row.words.startsWith('Kita'));
    expect((await as(REDAKTION.code, 'PUT', path(kita.documentId), { words: 'Kita\nKrippe' })).status).toBe(403);
    expect((await as(REDAKTION.code, 'DELETE', path(kita.documentId))).status).toBe(403);
  });

  it("the public and the site's token read nothing", async () => {
    for (const headers of [{}, { authorization: `Bearer ${cms.siteToken}` }]) {
      expect((await fetch(`${cms.url}/api/search-terms`, { headers })).status).toBe(403);
    }
  });

  it('the admin shows them in German: list columns Sprache, Begriffe, Richtung; labels and help texts', async () => {
    const { data } = (await as(CHEFREDAKTION.code, 'GET', `/content-manager/content-types/${SEARCH_TERM}/configuration`)).body;
    const { metadatas, layouts, settings } = data.contentType;
    expect(layouts.list).toEqual(['language', 'words', 'oneWay']);
    expect(['language', 'words', 'oneWay'].map((field) => metadatas[field].list.label)).toEqual(['Sprache', 'Begriffe', 'Richtung']);
    expect(['language', 'words', 'oneWay', 'note'].map((field) => metadatas[field].edit.label)).toEqual([
      'Sprache',
      'Begriffe (einer pro Zeile)',
      'Nur in eine Richtung',
      'Notiz',
    ]);
    expect(metadatas.oneWay.edit.description).toBe('Das erste Wort findet auch die anderen, aber nicht umgekehrt.');
    // The help text repeats the search library's limits (the admin bundle does not load the library).
    expect(metadatas.words.edit.description).toContain(`höchstens ${MAX_SYNONYMS_PER_SET}, je höchstens ${MAX_SYNONYM_LENGTH} Zeichen`);
    expect(layouts.edit.flat().map((cell: { name: string }) => cell.name)).toEqual(['language', 'words', 'oneWay', 'note']);
    expect(settings.mainField).toBe('words');
  });
});

describe('a set that would not work', () => {
  const long = 'x'.repeat(MAX_SYNONYM_LENGTH + 1);
  const cases: [string, Record<string, unknown>, string][] = [
    ['one word', { words: 'Kita' }, 'Bitte mindestens zwei Begriffe angeben, einen pro Zeile.'],
    ['one word and empty lines', { words: 'Kita\n\n   \n' }, 'Bitte mindestens zwei Begriffe angeben, einen pro Zeile.'],
    ['no words', { words: '' }, 'Bitte mindestens zwei Begriffe angeben, einen pro Zeile.'],
    ['a word twice', { words: 'Kita\nKrippe\nKita' }, '„Kita“ steht doppelt in dieser Gruppe.'],
    ['a word twice in other letters', { words: 'Kita\nKITAS' }, '„KITAS“ steht doppelt in dieser Gruppe: die Suche behandelt es wie „Kita“.'],
    [
      'a word twice with its umlaut spelled out',
      { words: 'Kindertagesstätte\nKindertagesstaette' },
      '„Kindertagesstaette“ steht doppelt in dieser Gruppe: die Suche behandelt es wie „Kindertagesstätte“.',
    ],
    [
      'a line too long',
      { words: `Kita\n${long}` },
      `„${long}“ ist ${MAX_SYNONYM_LENGTH + 1} Zeichen lang; erlaubt sind höchstens ${MAX_SYNONYM_LENGTH} je Begriff.`,
    ],
    [
      'too many lines',
      { words: Array.from({ length: MAX_SYNONYMS_PER_SET + 1 }, (_, index) => `Begriff ${index + 1}`).join('\n') },
      `Eine Gruppe hat höchstens ${MAX_SYNONYMS_PER_SET} Begriffe, hier sind es ${MAX_SYNONYMS_PER_SET + 1}. Bitte auf mehrere Gruppen verteilen.`,
    ],
    [
      'stop words only',
      { words: 'Kita\nund die' },
      '„und die“ findet die Suche nicht: die Zeile enthält nur Füllwörter (wie „und“, „die“) oder Satzzeichen. Bitte ein anderes Wort angeben.',
    ],
    [
      'punctuation only',
      { words: 'Kita\n?!' },
      '„?!“ findet die Suche nicht: die Zeile enthält nur Füllwörter (wie „und“, „die“) oder Satzzeichen. Bitte ein anderes Wort angeben.',
    ],
    [
      'the words of a set that exists, in another order',
      { words: 'Kindergarten\nKita\nKindertagesstätten' },
      'Eine Gruppe mit genau diesen Begriffen gibt es schon (Deutsch: „Kita“, „Kindertagesstätte“, „Kindergarten“).',
    ],
  ];

  it.each(cases)('is refused with a German message on the field: %s', async (_, data, message) => {
    const response = await create({ language: 'de', ...data });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['words'], message })]);
  });

  it('a second one-way set with the same first word is refused; the same words in the other language are not', async () => {
    const first = await create({ language: 'de', words: 'Hort\nNachmittagsbetreuung', oneWay: true });
    expect(first.status).toBe(201);
    const second = await create({ language: 'de', words: 'Horte\nSchulkinderbetreuung', oneWay: true });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toBe(
      'Es gibt schon eine Gruppe „Nur in eine Richtung“ (Deutsch), die mit „Hort“ beginnt. Bitte ergänzen Sie die Begriffe dort.',
    );
    const english = await create({ language: 'en', words: 'Hort\nNachmittagsbetreuung', oneWay: true });
    expect(english.status).toBe(201);
    // Saving a set again is no conflict with itself; a change is checked like a new set.
    expect(
      (
        await as(CHEFREDAKTION.code, 'PUT', path(first.body.data.documentId), {
          language: 'de',
          words: 'Hort\nNachmittagsbetreuung',
          oneWay: true,
          note: 'OGS-Vorläufer',
        })
      ).status,
    ).toBe(200);
    const doubled = await as(CHEFREDAKTION.code, 'PUT', path(first.body.data.documentId), { words: 'Hort\nNachmittagsbetreuung\nhort' });
    expect(doubled.status).toBe(400);
    expect(doubled.body.error.message).toBe('„hort“ steht doppelt in dieser Gruppe: die Suche behandelt es wie „Hort“.');
    for (const created of [first, english]) expect((await as(CHEFREDAKTION.code, 'DELETE', path(created.body.data.documentId))).status).toBe(200);
  });
});

describe('a saved set in the search', () => {
  it('finds the swimming course by "Zauberwort" within seconds of the save, and no longer after the delete', async () => {
    expect(await found('Zauberwort')).not.toContain(swimming);
    const created = await create({ language: 'de', words: 'Zauberwort\nSchwimmkurs', oneWay: false });
    expect(created.status).toBe(201);
    const saved = Date.now();
    await waitFor(async () => (await found('Zauberwort')).includes(swimming), 'the new synonym finds the case study', 5_000);
    expect(Date.now() - saved).toBeLessThan(5_000);
    // Two-way: the other word finds the first as well (the index has it as a key too).
    expect((await synonymsOf('de'))[queryTerms('Schwimmkurs', 'de')]).toContain(queryTerms('Zauberwort', 'de'));
    expect((await as(CHEFREDAKTION.code, 'DELETE', path(created.body.data.documentId))).status).toBe(200);
    await waitFor(async () => !(await found('Zauberwort')).includes(swimming), 'the deleted synonym finds nothing', 5_000);
    expect(await synonymsOf('de')).toEqual(synonymSettings(SEED_SYNONYMS.de, 'de'));
  });

  it('one way: the first word finds the others, not back', async () => {
    expect(await found('Wasserratte')).not.toContain(swimming);
    const created = await create({ language: 'de', words: 'Wasserratte\nSchwimmkurs', oneWay: true });
    expect(created.status).toBe(201);
    await waitFor(async () => (await found('Wasserratte')).includes(swimming), 'the one-way synonym finds the case study', 5_000);
    const synonyms = await synonymsOf('de');
    expect(synonyms[queryTerms('Wasserratte', 'de')]).toEqual([queryTerms('Schwimmkurs', 'de')]);
    expect(synonyms[queryTerms('Schwimmkurs', 'de')]).toBeUndefined();
    await as(CHEFREDAKTION.code, 'DELETE', path(created.body.data.documentId));
    await waitFor(async () => (await synonymsOf('de'))[queryTerms('Wasserratte', 'de')] === undefined, 'the set is gone from the index', 5_000);
  });

  it("moves to the other language's index when its language changes", async () => {
    const created = await create({ language: 'de', words: 'Wortspiel\nSprachwitz' });
    const term = queryTerms('Wortspiel', 'de');
    await waitFor(async () => (await synonymsOf('de'))[term] !== undefined, 'in the German index', 5_000);
    expect((await as(CHEFREDAKTION.code, 'PUT', path(created.body.data.documentId), { language: 'en' })).status).toBe(200);
    await waitFor(
      async () => (await synonymsOf('de'))[term] === undefined && (await synonymsOf('en'))[queryTerms('Wortspiel', 'en')] !== undefined,
      'moved to the English index',
      5_000,
    );
    await as(CHEFREDAKTION.code, 'DELETE', path(created.body.data.documentId));
    await waitFor(async () => isDeepStrictEqual(await synonymsOf('en'), synonymSettings(SEED_SYNONYMS.en, 'en')), 'gone from the English index', 5_000);
  });

  it('leaves the index with the sets deleted together in the list', async () => {
    const first = await create({ language: 'de', words: 'Seifenkiste\nKistenrennen' });
    const second = await create({ language: 'de', words: 'Drachenboot\nPaddeln' });
    const terms = ['Seifenkiste', 'Drachenboot'].map((word) => queryTerms(word, 'de'));
    const inIndex = async () => {
      const synonyms = await synonymsOf('de');
      return terms.map((term) => synonyms[term] !== undefined);
    };
    expect([first.status, second.status]).toEqual([201, 201]);
    await waitFor(async () => (await inIndex()).every(Boolean), 'both sets in the index', 5_000);
    const deleted = await as(CHEFREDAKTION.code, 'POST', `${path()}/actions/bulkDelete`, {
      documentIds: [first.body.data.documentId, second.body.data.documentId],
    });
    expect(deleted.status).toBe(200);
    await waitFor(async () => !(await inIndex()).some(Boolean), 'both sets gone from the index', 5_000);
  });

  it('is saved while Meilisearch is down and reaches the index once it is back', async () => {
    expect(await found('Planschbecken')).not.toContain(swimming);
    await meili.stop();
    const created = await create({ language: 'de', words: 'Planschbecken\nSchwimmkurs' });
    expect(created.status).toBe(201);
    await meili.start();
    await waitFor(async () => (await found('Planschbecken')).includes(swimming), 'the set saved during the outage is applied', 30_000);
    await as(CHEFREDAKTION.code, 'DELETE', path(created.body.data.documentId));
    await waitFor(async () => !(await found('Planschbecken')).includes(swimming), 'deleted', 10_000);
  });

  it('saved before the CMS could connect, reaches the index when it connects', async () => {
    expect(await found('Nichtschwimmer')).not.toContain(swimming);
    await meili.stop();
    await cms.shutdown();
    cms = await startTestStrapi({ restartOf: cms });
    const created = await create({ language: 'de', words: 'Nichtschwimmer\nSchwimmkurs' });
    expect(created.status).toBe(201);
    await meili.start();
    await waitFor(async () => (await found('Nichtschwimmer')).includes(swimming), 'applied with the index settings on connecting', 30_000);
    // Connected for good (the worker runs) before the file's CMS stops.
    const sync = cms.strapi.service('api::sync.sync') as unknown as { status(): Promise<{ connected: boolean }>; reconcile(): Promise<unknown> };
    await waitFor(async () => (await sync.status()).connected, 'the sync is connected');
    await sync.reconcile();
  });
});
