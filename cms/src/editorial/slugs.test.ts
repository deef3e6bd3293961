import { describe, expect, it } from 'vitest';
import { firstFreeSlug, previousSlugsAfterPublish, slugGeneration } from './slugs';

const none = new Set<string>();

describe('the slug made from a title', () => {
  it('transliterates German letters and drops the rest of the punctuation', () => {
    expect(firstFreeSlug('Große Füße: Übergänge in Köln!', 'de', none)).toBe('grosse-fuesse-uebergaenge-in-koeln');
  });

  it('is "praxisbeispiel" when nothing of the title is left', () => {
    expect(firstFreeSlug('—?!', 'de', none)).toBe('praxisbeispiel');
    expect(firstFreeSlug('—?!', 'de', new Set(['praxisbeispiel']))).toBe('praxisbeispiel-2');
  });

  it('counts on from -2 past every slug another case study of the locale uses', () => {
    expect(firstFreeSlug('Lesepaten', 'de', new Set(['lesepaten']))).toBe('lesepaten-2');
    expect(firstFreeSlug('Lesepaten', 'de', new Set(['lesepaten', 'lesepaten-2', 'lesepaten-3']))).toBe('lesepaten-4');
  });

  it('takes a free counter even when a later one is in use', () => {
    expect(firstFreeSlug('Lesepaten', 'de', new Set(['lesepaten', 'lesepaten-3']))).toBe('lesepaten-2');
  });

  it('never takes the address of a page of the site in that locale', () => {
    expect(firstFreeSlug('Karte', 'de', none)).toBe('karte-2');
    expect(firstFreeSlug('Karte', 'en', none)).toBe('karte');
    expect(firstFreeSlug('Map', 'en', none)).toBe('map-2');
    expect(firstFreeSlug('Map', 'de', none)).toBe('map');
  });

  it('is at most 120 characters long, counter included, and never ends in a hyphen before the counter', () => {
    const long = `${'a'.repeat(118)} bc de`;
    const first = firstFreeSlug(long, 'de', none);
    expect(first).toBe(`${'a'.repeat(118)}-b`);
    const second = firstFreeSlug(long, 'de', new Set([first]));
    expect(second).toBe(`${'a'.repeat(118)}-2`);
    expect(second).toHaveLength(120);
    const tenth = firstFreeSlug(long, 'de', new Set([first, ...Array.from({ length: 8 }, (_, index) => `${'a'.repeat(118)}-${index + 2}`)]));
    expect(tenth).toBe(`${'a'.repeat(117)}-10`);
    expect(firstFreeSlug(`${'a'.repeat(117)} b`, 'de', new Set([`${'a'.repeat(117)}-b`]))).toBe(`${'a'.repeat(117)}-2`);
  });
});

describe('when saving a case study makes its slug from the title', () => {
  it("makes one when a new case study comes without a slug, with an empty one or with the admin's placeholder", () => {
    for (const slug of [undefined, null, '', 'case-study', 'case-study-3']) expect(slugGeneration('create', { title: 'Lesepaten', slug })).toBe('yes');
  });

  it('keeps a slug the editor typed, even one that only looks like the placeholder', () => {
    expect(slugGeneration('create', { title: 'Lesepaten', slug: 'meine-adresse' })).toBe('no');
    expect(slugGeneration('update', { title: 'Lesepaten', slug: 'meine-adresse' })).toBe('no');
    expect(slugGeneration('update', { title: 'Lesepaten', slug: 'case-study-x' })).toBe('no');
    expect(slugGeneration('update', { title: 'Lesepaten', slug: 'my-case-study' })).toBe('no');
  });

  it('replaces a placeholder or emptied slug on an update', () => {
    expect(slugGeneration('update', { title: 'Lesepaten', slug: 'case-study-2' })).toBe('yes');
    expect(slugGeneration('update', { title: 'Lesepaten', slug: null })).toBe('yes');
  });

  it('leaves the stored slug of an update that does not touch it, unless the update creates a translation', () => {
    expect(slugGeneration('update', { title: 'Reading mentors' })).toBe('if-new-locale');
  });

  it('does nothing without a title to make it from', () => {
    expect(slugGeneration('create', { slug: null })).toBe('no');
    expect(slugGeneration('create', { title: '', slug: 'case-study' })).toBe('no');
    expect(slugGeneration('update', undefined)).toBe('no');
  });
});

describe('the old addresses kept for redirects', () => {
  it('adds the published slug a new version replaces', () => {
    expect(previousSlugsAfterPublish({ slug: 'neu', previousSlugs: null }, 'alt')).toBe(' alt ');
    expect(previousSlugsAfterPublish({ slug: 'neuer', previousSlugs: ' alt ' }, 'neu')).toBe(' alt neu ');
  });

  it('keeps each old slug once and drops the one the case study has again', () => {
    expect(previousSlugsAfterPublish({ slug: 'neu', previousSlugs: ' alt neu ' }, 'alt')).toBe(' alt ');
    expect(previousSlugsAfterPublish({ slug: 'alt', previousSlugs: ' alt ' }, 'neu')).toBe(' neu ');
  });

  it('stores nothing when there is no old slug', () => {
    expect(previousSlugsAfterPublish({ slug: 'neu' }, undefined)).toBeNull();
    expect(previousSlugsAfterPublish({ slug: 'neu', previousSlugs: ' neu ' }, 'neu')).toBeNull();
  });
});
