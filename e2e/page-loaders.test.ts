// The detail page's data loaders against the stack's real Strapi.
import { describe, expect, inject, it } from 'vitest';
import { loadCaseStudy, loadCaseStudyPreview, type CmsFetch } from '@praxis/web/case-study-loader';
import { published } from './support/cms.ts';

const cmsFetch: CmsFetch = async (path, query, headers = {}) => {
  const response = await fetch(`${inject('cmsUrl')}/api${path}?${query}`, { headers: { authorization: `Bearer ${inject('siteToken')}`, ...headers } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`CMS answered ${response.status}`);
  return response.json();
};

describe('loadCaseStudy', () => {
  it('loads a published case study with rendered, sanitised sections and the slugs of both languages', async () => {
    const [de, en] = await Promise.all([published('de'), published('en')]);
    const pair = de.find((entry) => en.some((other) => other.documentId === entry.documentId))!;
    const english = en.find((entry) => entry.documentId === pair.documentId)!;
    const found = await loadCaseStudy(cmsFetch, pair.slug, 'de');
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.caseStudy).toMatchObject({ documentId: pair.documentId, title: pair.title, slugs: { de: pair.slug, en: english.slug } });
    expect(found.caseStudy.html.description).toMatch(/^<p>/);
    expect(found.caseStudy.places.length).toBeGreaterThan(0);
    expect(found.caseStudy.buildingBlock?.name).toBeTruthy();

    expect(await loadCaseStudy(cmsFetch, pair.slug, 'en')).toEqual({ kind: 'translated', slug: english.slug });
    const germanOnly = de.find((entry) => !en.some((other) => other.documentId === entry.documentId))!;
    expect(await loadCaseStudy(cmsFetch, germanOnly.slug, 'en')).toEqual({ kind: 'other-language-only', locale: 'de', slug: germanOnly.slug });
    expect(await loadCaseStudy(cmsFetch, 'gibt-es-nicht', 'de')).toEqual({ kind: 'missing' });
  });

  it('loads a draft for the preview only with the preview secret', async () => {
    const [entry] = await published('de');
    const draft = await loadCaseStudyPreview(cmsFetch, entry!.documentId, 'de', 'draft', inject('previewSecret'));
    expect(draft?.documentId).toBe(entry!.documentId);
    await expect(loadCaseStudyPreview(cmsFetch, entry!.documentId, 'de', 'draft', 'wrong')).rejects.toThrow('CMS answered 403');
  });
});
