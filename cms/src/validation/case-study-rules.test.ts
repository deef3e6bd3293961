import { describe, expect, it } from 'vitest';
import { fundingPeriodError } from './case-study-rules';

describe('the funding period', () => {
  it('may end in the year it starts or later', () => {
    expect(fundingPeriodError({ fundingStart: 2024, fundingEnd: 2024 })).toBeUndefined();
    expect(fundingPeriodError({ fundingStart: 2024, fundingEnd: 2026 })).toBeUndefined();
  });

  it('may leave out its end (the funding still runs) or its start', () => {
    expect(fundingPeriodError({ fundingStart: 2024, fundingEnd: null })).toBeUndefined();
    expect(fundingPeriodError({ fundingStart: 2024 })).toBeUndefined();
    expect(fundingPeriodError({ fundingEnd: 2020 })).toBeUndefined();
  });

  it('may not end before it starts, and says both years', () => {
    expect(fundingPeriodError({ fundingStart: 2024, fundingEnd: 2023 })).toBe('Das Förderende (2023) liegt vor dem Förderbeginn (2024).');
  });

  it('compares years given as text as numbers', () => {
    const asText = { fundingStart: '998', fundingEnd: '2024' } as unknown as { fundingStart: number; fundingEnd: number };
    expect(fundingPeriodError(asText)).toBeUndefined();
    expect(fundingPeriodError({ fundingStart: '2024', fundingEnd: '998' } as unknown as { fundingStart: number; fundingEnd: number })).toMatch(
      /Förderende \(998\)/,
    );
  });
});
