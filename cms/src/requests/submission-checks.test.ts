import { describe, expect, it } from 'vitest';
import { confirmationStep, MAX_FAILED_CONFIRMATIONS, referenceProblems } from './submission-checks';

describe("the import's findings on a submitted project", () => {
  it("are problems of the project's fields, nested fields as paths", () => {
    expect(
      referenceProblems([
        { field: 'topics', reason: 'unbekanntes Handlungsfeld „zaubern“' },
        { field: 'transferability.budgetRange', reason: 'einer von …' },
      ]),
    ).toEqual([
      { path: ['project', 'topics'], message: 'unbekanntes Handlungsfeld „zaubern“' },
      { path: ['project', 'transferability', 'budgetRange'], message: 'einer von …' },
    ]);
  });

  it('leave out the slug, which the CMS chooses and the submitter never sees', () => {
    expect(referenceProblems([{ field: 'slug', reason: 'schon vergeben' }])).toEqual([]);
  });
});

describe('a click on a confirmation link', () => {
  it('finds nothing for a link the CMS does not know (or no longer keeps)', () => {
    expect(confirmationStep(undefined)).toBe('unknown');
  });

  it('confirms a stored submission, also after failed tries below the limit', () => {
    expect(confirmationStep({ confirmed_at: null, failed_confirmations: null })).toBe('confirm');
    expect(confirmationStep({ confirmed_at: null, failed_confirmations: MAX_FAILED_CONFIRMATIONS - 1 })).toBe('confirm');
  });

  it('changes nothing a second time', () => {
    expect(confirmationStep({ confirmed_at: 1_767_000_000_000, failed_confirmations: 0 })).toBe('already-confirmed');
    expect(confirmationStep({ confirmed_at: '1767000000000', failed_confirmations: MAX_FAILED_CONFIRMATIONS })).toBe('already-confirmed');
  });

  it(`gives up after ${MAX_FAILED_CONFIRMATIONS} failed tries, counted as PostgreSQL hands them back (text) too`, () => {
    expect(confirmationStep({ confirmed_at: null, failed_confirmations: MAX_FAILED_CONFIRMATIONS })).toBe('locked');
    expect(confirmationStep({ confirmed_at: null, failed_confirmations: String(MAX_FAILED_CONFIRMATIONS + 3) })).toBe('locked');
    expect(confirmationStep({ confirmed_at: null, failed_confirmations: String(MAX_FAILED_CONFIRMATIONS - 1) })).toBe('confirm');
  });
});
