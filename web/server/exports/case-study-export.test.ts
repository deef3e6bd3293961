import type { ExportDocument } from '@praxis/search';
import { describe, expect, it } from 'vitest';
import { caseStudyTable } from './case-study-export';
import { toCsv } from './spreadsheet';

const DOCUMENT: ExportDocument = {
  documentId: 'doc1',
  slug: 'stadtteilmuetter',
  title: 'Stadtteilmütter',
  teaser: 'Mütter lotsen Familien',
  buildingBlock: { slug: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft', number: 1 },
  municipalities: [{ ags: '05978024', name: 'Lünen', district: 'Unna', districtAgs: '05978', region: 'Arnsberg' }],
  townTypes: ['kreisangehoerige-stadt'],
  townSizes: ['50000-100000'],
  targetGroups: [{ slug: 'eltern', name: 'Eltern' }],
  topics: [],
  settings: [],
  criteria: [{ slug: 'partizipation', name: 'Partizipation' }],
  status: 'verstetigt',
  fundingStart: 2020,
  fundingEnd: 2023,
  provider: 'Träger e. V.',
  partners: ['Jugendamt', 'Kita am Park'],
  effort: { staffFte: 1.5, budgetRange: '10000-50000', durationMonths: 18, partnersNeeded: 'Jugendamt, Kitas', firstSteps: 'Räume finden\nMütter gewinnen' },
  successFactors: ['Vertrauen', 'Feste Zeiten'],
  pitfalls: ['Personalwechsel'],
  afterFunding: 'Die Stadt trägt es weiter.',
  contact: { organisation: 'Träger e. V.', email: 'info@traeger.example' },
  lastReviewed: '2026-03-01',
  publishedAt: Date.parse('2025-01-02T00:00:00Z'),
  updatedAt: Date.parse('2025-02-03T00:00:00Z'),
};

const row = (table: ReturnType<typeof caseStudyTable>, index = 0) =>
  Object.fromEntries(table.headers.map((header, column) => [header, table.rows[index]![column]]));

describe('caseStudyTable', () => {
  it('has the effort data, success factors, pitfalls, what became of it and the contact: numbers as numbers, budget by its name', () => {
    const german = row(caseStudyTable([DOCUMENT], 'de', 'https://example.org'));
    expect(german).toMatchObject({
      'Personal (Vollzeitstellen)': 1.5,
      'Budget pro Jahr': '10.000–50.000 €',
      'Dauer (Monate)': 18,
      'Nötige Partner': 'Jugendamt, Kitas',
      'Erste Schritte': 'Räume finden\nMütter gewinnen',
      Gelingensbedingungen: 'Vertrauen; Feste Zeiten',
      Stolpersteine: 'Personalwechsel',
      'Was wurde daraus?': 'Die Stadt trägt es weiter.',
      'Kontakt: Organisation': 'Träger e. V.',
      'Kontakt: E-Mail': 'info@traeger.example',
      'Adresse (URL)': 'https://example.org/praxisbeispiele/stadtteilmuetter',
    });
    expect(Object.keys(german)).toHaveLength(31);
    expect(row(caseStudyTable([DOCUMENT], 'en', 'https://example.org'))).toMatchObject({
      'Budget per year': '€10,000–50,000',
      'Contact: e-mail': 'info@traeger.example',
    });
    // German Excel reads "1,5" as the number.
    expect(toCsv(caseStudyTable([DOCUMENT], 'de', 'https://example.org'), ';')).toContain(';1,5;10.000–50.000 €;18;');
  });

  it('leaves the cells empty when a case study states no effort or contact, also one indexed before these fields', () => {
    const { effort: _effort, contact: _contact, ...older } = DOCUMENT;
    for (const document of [{ ...DOCUMENT, effort: null, contact: null, afterFunding: '' }, older as ExportDocument]) {
      const cells = row(caseStudyTable([document], 'de', 'https://example.org'));
      for (const header of [
        'Personal (Vollzeitstellen)',
        'Budget pro Jahr',
        'Dauer (Monate)',
        'Nötige Partner',
        'Erste Schritte',
        'Kontakt: Organisation',
        'Kontakt: E-Mail',
      ])
        expect(cells[header], header).toBeNull();
    }
  });
});
