import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SYNONYMS } from '@praxis/search';
import { synonymLines } from '../../src/validation/search-term-rules';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const taxonomies = JSON.parse(readFileSync(new URL('../../data/taxonomies.json', import.meta.url), 'utf8'));

let cms: TestStrapi;
beforeAll(async () => {
  // The one file that starts from nothing: what every other test file's template was seeded with.
  cms = await startTestStrapi({ database: 'empty' });
});
afterAll(async () => {
  await cms?.stop();
});

const count = (uid: string) => cms.strapi.db.query(uid as never).count();
const municipality = (ags: string) => cms.strapi.db.query('api::municipality.municipality').findOne({ where: { ags } });

describe('seeding on first start', () => {
  it('creates German as the default locale and English as the second', async () => {
    const locales = cms.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('de');
    expect((await locales.find()).map((locale: { code: string }) => locale.code).sort()).toEqual(['de', 'en']);
    // Named for German editors in the language menus and the list.
    expect((await locales.find()).map((locale: { name: string }) => locale.name).sort()).toEqual(['Deutsch', 'Englisch']);
  });

  it('creates the two Bausteine with their numbers and German and English names', async () => {
    const blocks = await cms.strapi.db.query('api::building-block.building-block').findMany({ orderBy: { number: 'asc' } });
    expect(blocks.map((block) => [block.number, block.slug, block.name])).toEqual([
      [1, 'aktive-nachbarschaft', 'Aktive Nachbarschaft – Bezugspersonen im Quartier'],
      [2, 'gesundes-aufwachsen', 'Gesundes Aufwachsen'],
    ]);
    expect(blocks[1].nameEn).toBe('Growing up healthy');
  });

  it('creates every target group, topic, setting and quality criterion of taxonomies.json', async () => {
    expect(await count('api::target-group.target-group')).toBe(taxonomies.targetGroups.length);
    expect(await count('api::topic.topic')).toBe(taxonomies.topics.length);
    expect(await count('api::setting.setting')).toBe(taxonomies.settings.length);
    expect(await count('api::quality-criterion.quality-criterion')).toBe(12);
  });

  it('creates all 396 NRW municipalities in 53 Kreise and 5 Regierungsbezirke', async () => {
    expect(await count('api::municipality.municipality')).toBe(396);
    const rows = await cms.strapi.db.query('api::municipality.municipality').findMany({ select: ['districtAgs', 'region'] });
    expect(new Set(rows.map((row) => row.districtAgs)).size).toBe(53);
    expect(new Set(rows.map((row) => row.region))).toEqual(new Set(['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster']));
  });

  it('gives municipalities the right Kreis, Regierungsbezirk, coordinate and population', async () => {
    expect(await municipality('05978024')).toMatchObject({
      name: 'Lünen',
      type: 'kreisangehörige Stadt',
      district: 'Unna',
      districtAgs: '05978',
      region: 'Arnsberg',
      population: 86868,
    });
    expect(await municipality('05334002')).toMatchObject({ name: 'Aachen', district: 'Städteregion Aachen', districtAgs: '05334', region: 'Köln' });
    expect(await municipality('05711000')).toMatchObject({ name: 'Bielefeld', type: 'kreisfreie Stadt', district: 'Bielefeld', region: 'Detmold' });
    const duesseldorf = await municipality('05111000');
    expect(Number(duesseldorf.lat)).toBeCloseTo(51.23543, 4);
    expect(Number(duesseldorf.lon)).toBeCloseTo(6.81078, 4);
  });

  it('creates one search-term set per seed set of the search library, in German and English', async () => {
    const rows = await cms.strapi.db.query('api::search-term.search-term').findMany({ orderBy: { id: 'asc' } });
    for (const language of ['de', 'en'] as const) {
      const sets = rows.filter((row) => row.language === language);
      expect(sets).toHaveLength(SEED_SYNONYMS[language].length);
      // One line per word as editors type them; a word the search treats like an earlier one is left out.
      expect(sets.map((row) => synonymLines(row.words)[0])).toEqual(SEED_SYNONYMS[language].map((set) => set.words[0]));
      expect(sets.every((row) => row.oneWay === false)).toBe(true);
    }
    expect(rows.find((row) => row.words.startsWith('Kita'))!.words).toBe('Kita\nKindertagesstätte\nKindergarten');
  });

  it("is idempotent and keeps an editor's rename when bootstrap runs again", async () => {
    const topic = await cms.strapi.db.query('api::topic.topic').findOne({ where: { slug: 'bewegung' } });
    await cms.strapi.documents('api::topic.topic').update({ documentId: topic.documentId, data: { name: 'Bewegung, Spiel und Sport' } as never });
    const counted = ['api::topic.topic', 'api::municipality.municipality', 'api::target-group.target-group', 'api::search-term.search-term'];
    const before = await Promise.all(counted.map(count));
    const { default: app } = await import('../../src/index');
    await app.bootstrap({ strapi: cms.strapi });
    // That bootstrap (of the source, next to the compiled one Strapi runs) started its own workers
    // and timers: stop them, or they outlive this file's database in the shared test worker.
    await app.destroy({ strapi: cms.strapi });
    const after = await Promise.all(counted.map(count));
    expect(after).toEqual(before);
    const renamed = await cms.strapi.db.query('api::topic.topic').findOne({ where: { slug: 'bewegung' } });
    expect(renamed.name).toBe('Bewegung, Spiel und Sport');
  });

  it('creates the first editor from ADMIN_EMAIL as super admin', async () => {
    const users = await cms.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    expect(users).toHaveLength(1);
    expect(users[0].email).toBe('redaktion@example.org');
    expect(users[0].roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  });
});
