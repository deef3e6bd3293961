import { describe, expect, it } from 'vitest';
import type { CaseStudyEntry } from './content/case-study-entry.ts';
import { toSearchDocument } from './map.ts';

const entry: CaseStudyEntry = {
  documentId: 'doc1',
  locale: 'en',
  slug: 'neighbourhood-mothers',
  title: 'Neighbourhood mothers',
  teaser: 'Teaser',
  description: '**Bold** start',
  transferability: { staffFte: '1.5', budgetRange: '10000-50000', durationMonths: 18, partnersNeeded: 'Jugendamt', firstSteps: '- Find rooms' },
  contact: { organisation: 'Träger e. V.', role: 'Leitung', email: 'info@traeger.example', phone: '+49 231 1234' },
  successFactors: [{ text: 'Trust' }],
  pitfalls: [{ text: 'Staff turnover' }],
  partners: [{ text: 'Kita am Park' }],
  provider: { name: 'Träger e. V.' },
  buildingBlock: { slug: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft', nameEn: 'Active neighbourhood', number: 1 },
  municipalities: [
    {
      ags: '05978024',
      name: 'Lünen',
      district: 'Unna',
      districtAgs: '05978',
      region: 'Arnsberg',
      lat: 51.6,
      lon: 7.5,
      type: 'kreisangehörige Stadt',
      population: 85_795,
    },
    {
      ags: '05978020',
      name: 'Kamen',
      district: 'Unna',
      districtAgs: '05978',
      region: 'Arnsberg',
      lat: '51.5',
      lon: '7.7',
      type: 'kreisangehörige Stadt',
      population: 42_716,
    },
  ],
  targetGroups: [{ slug: 'eltern', name: 'Eltern und Erziehende', nameEn: 'Parents and carers' }],
  topics: [{ slug: 'lotsen', name: 'Lotsen', nameEn: null }],
  settings: [],
  criteria: [{ slug: 'empowerment', name: 'Empowerment', nameEn: 'Empowerment' }],
  projectStatus: 'verstetigt',
  fundingStart: 2019,
  fundingEnd: 2021,
  images: [{ alt: 'Group photo', file: { url: '/uploads/a.jpg', formats: { small: { url: '/uploads/small_a.jpg' } } } }],
  publishedAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
};

describe('toSearchDocument', () => {
  const document = toSearchDocument(entry);

  it('uses the English taxonomy names in the English index and falls back to German', () => {
    expect(document.buildingBlock).toEqual({ slug: 'aktive-nachbarschaft', name: 'Active neighbourhood', number: 1 });
    expect(document.targetGroupNames).toEqual(['Parents and carers']);
    expect(document.topicNames).toEqual(['Lotsen']);
  });

  it('denormalises municipalities with their Kreis and Regierungsbezirk, once per Kreis', () => {
    expect(document.municipalityAgs).toEqual(['05978024', '05978020']);
    expect(document.districtAgs).toEqual(['05978']);
    expect(document.regions).toEqual(['Arnsberg']);
    expect(document._geo).toEqual({ lat: 51.55, lng: 7.6 });
  });

  it('classes the municipalities by Gemeindetyp and Einwohnerzahl, each class once', () => {
    expect(document.townTypes).toEqual(['kreisangehoerige-stadt']);
    expect(document.townSizes).toEqual(['50000-100000', '20000-50000']);
  });

  it('names each Kommune that took the project over once, and none when nobody has', () => {
    const taken = toSearchDocument({ ...entry, transfers: [{ ags: '05913000' }, { ags: '05315000' }, { ags: '05913000' }] });
    expect(taken).toMatchObject({ transferredTo: ['05913000', '05315000'], transferred: true });
    expect(document).toMatchObject({ transferredTo: [], transferred: false });
  });

  it('lists every funded year and turns rich text into plain text', () => {
    expect(document.fundingYears).toEqual([2019, 2020, 2021]);
    expect(document.description).toBe('Bold start');
    expect(document.transferability).toBe('Jugendamt Find rooms');
  });

  it('keeps the effort data apart, numbers as numbers, and the contact without phone or role', () => {
    expect(document.effort).toEqual({ staffFte: 1.5, budgetRange: '10000-50000', durationMonths: 18, partnersNeeded: 'Jugendamt', firstSteps: 'Find rooms' });
    expect(document.contact).toEqual({ organisation: 'Träger e. V.', email: 'info@traeger.example' });
    const without = toSearchDocument({ ...entry, transferability: null, contact: null });
    expect(without.effort).toBeNull();
    expect(without.contact).toBeNull();
  });

  it('carries status, dates as epoch milliseconds and the first image with its alt text', () => {
    expect(document.status).toBe('verstetigt');
    expect(document.publishedAt).toBe(Date.parse('2025-01-02T03:04:05.000Z'));
    expect(document.image).toEqual({ url: '/uploads/small_a.jpg', alt: 'Group photo' });
  });

  it('refuses an entry that breaks the document schema', () => {
    expect(() => toSearchDocument({ ...entry, documentId: '' })).toThrow(/documentId/);
  });

  it('names the field when the CMS sends a shape it does not expect', () => {
    const renamed = { ...entry, municipalities: [{ ...entry.municipalities![0]!, ags: undefined }] } as unknown as CaseStudyEntry;
    expect(() => toSearchDocument(renamed)).toThrow(/case study doc1 \(en\).*municipalities\.0\.ags/);
    expect(() => toSearchDocument({ ...entry, projectStatus: 'beendet' } as unknown as CaseStudyEntry)).toThrow(/projectStatus/);
  });

  it('indexes only published entries', () => {
    expect(() => toSearchDocument({ ...entry, publishedAt: null })).toThrow(/not published/);
  });
});
