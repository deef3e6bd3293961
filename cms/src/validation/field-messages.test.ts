import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudyFieldProblems, missingForPublishing } from './field-messages';

// The schema is the backstop these messages stand in front of: its limits are the oracle.
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'api', 'case-study', 'content-types', 'case-study', 'schema.json'), 'utf8'));
const TITLE_LIMIT: number = schema.attributes.title.maxLength;
const TEASER_LIMIT: number = schema.attributes.teaser.maxLength;
const { min: YEAR_MIN, max: YEAR_MAX } = schema.attributes.fundingStart as { min: number; max: number };

const problemsOf = (data: Parameters<typeof caseStudyFieldProblems>[0], locale = 'de') => caseStudyFieldProblems(data, locale);
const pathsOf = (data: Parameters<typeof caseStudyFieldProblems>[0], locale = 'de') => problemsOf(data, locale).map((problem) => problem.path.join('.'));

describe('the field rules of a case study', () => {
  it("accept a title and a teaser of exactly the schema's length and refuse one character more, naming both numbers", () => {
    expect(problemsOf({ title: 'T'.repeat(TITLE_LIMIT), teaser: 'K'.repeat(TEASER_LIMIT) })).toEqual([]);
    expect(problemsOf({ title: 'T'.repeat(TITLE_LIMIT + 1) })).toEqual([
      { path: ['title'], message: `Der Titel ist ${TITLE_LIMIT + 1} Zeichen lang; erlaubt sind höchstens ${TITLE_LIMIT}.` },
    ]);
    expect(problemsOf({ teaser: 'K'.repeat(TEASER_LIMIT + 1) })).toEqual([
      { path: ['teaser'], message: `Die Kurzbeschreibung ist ${TEASER_LIMIT + 1} Zeichen lang; erlaubt sind höchstens ${TEASER_LIMIT}.` },
    ]);
  });

  it('count characters as a reader does, not UTF-16 units (an emoji is one)', () => {
    expect(problemsOf({ title: '🙂'.repeat(TITLE_LIMIT) })).toEqual([]);
    expect(pathsOf({ title: '🙂'.repeat(TITLE_LIMIT + 1) })).toEqual(['title']);
  });

  it("refuse a slug that is the address of a page of the site in the entry's locale only", () => {
    expect(problemsOf({ slug: 'karte' }, 'de')).toEqual([{ path: ['slug'], message: expect.stringMatching(/^„karte“ ist die Adresse einer anderen Seite/) }]);
    expect(problemsOf({ slug: 'karte' }, 'en')).toEqual([]);
    expect(pathsOf({ slug: 'map' }, 'en')).toEqual(['slug']);
    expect(problemsOf({ slug: 'karte-2' }, 'de')).toEqual([]);
  });

  it("take funding years within the schema's range, also as text, and skip empty ones", () => {
    for (const year of [YEAR_MIN, YEAR_MAX, String(YEAR_MIN + 24), null, undefined, '']) {
      expect(problemsOf({ fundingStart: year, fundingEnd: year })).toEqual([]);
    }
  });

  it('refuse a funding year outside the range, a fraction and text that is no year, on the field concerned', () => {
    for (const year of [YEAR_MIN - 1, YEAR_MAX + 1, 2024.5, '20x4', 'nächstes Jahr']) {
      expect(problemsOf({ fundingEnd: year })).toEqual([
        { path: ['fundingEnd'], message: `Bitte ein Jahr zwischen ${YEAR_MIN} und ${YEAR_MAX} angeben (z. B. 2024).` },
      ]);
    }
    expect(pathsOf({ fundingStart: 1999, fundingEnd: 2101 })).toEqual(['fundingStart', 'fundingEnd']);
  });

  it('want links to be https addresses without spaces, and name the link by its place in the list', () => {
    const links = [
      { label: 'gut', url: 'https://example.org/projekt' },
      { label: 'unverschlüsselt', url: 'http://example.org' },
      { label: 'leer', url: '' },
      { label: 'Leerzeichen', url: 'https://example.org/mein projekt' },
      { label: 'ohne Protokoll', url: 'www.example.org' },
      { label: 'mit Rand', url: '  https://example.org  ' },
      { label: 'ohne Adresse', url: null },
    ];
    expect(pathsOf({ links })).toEqual(['links.1.url', 'links.3.url', 'links.4.url']);
  });

  it('want every image to have an alternative text of at least three characters, spaces not counted', () => {
    const images = [{ alt: 'Kinder beim Lesen' }, { alt: '  ab  ' }, { alt: null }, {}, { alt: 'abc' }];
    expect(pathsOf({ images })).toEqual(['images.1.alt', 'images.2.alt', 'images.3.alt']);
  });

  it('name every problem at once, each on its field', () => {
    expect(pathsOf({ title: 'T'.repeat(TITLE_LIMIT + 1), slug: 'karte', fundingStart: 1990, links: [{ url: 'ftp://x' }], images: [{ alt: '' }] })).toEqual([
      'title',
      'slug',
      'fundingStart',
      'links.0.url',
      'images.0.alt',
    ]);
  });
});

describe('what a draft lacks for publishing', () => {
  const complete = {
    title: 'Lesepaten',
    slug: 'lesepaten',
    teaser: 'Kurz',
    description: [{ type: 'paragraph' }],
    buildingBlock: { id: 1 },
    projectStatus: 'laufend',
    fundingStart: 2024,
  };

  it('is nothing for a draft with every required field', () => {
    expect(missingForPublishing(complete)).toEqual([]);
  });

  it('counts null, a missing field and empty text as missing, but not zero or false', () => {
    expect(missingForPublishing({ ...complete, teaser: '', description: null, buildingBlock: undefined }).map((problem) => problem.path[0])).toEqual([
      'teaser',
      'description',
      'buildingBlock',
    ]);
    expect(missingForPublishing({ ...complete, fundingStart: 0 })).toEqual([]);
  });

  it('names each missing field by its German label', () => {
    expect(missingForPublishing({ ...complete, title: null })).toEqual([
      { path: ['title'], message: '„Titel“ fehlt noch: bitte ausfüllen, dann veröffentlichen.' },
    ]);
  });
});
