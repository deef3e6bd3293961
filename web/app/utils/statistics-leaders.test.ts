import { describe, expect, it } from 'vitest';
import { leadingValues } from './statistics-leaders';

describe('the leading values of a chart', () => {
  it('is the one value with the highest count', () => {
    expect(
      leadingValues([
        { label: 'A', count: 1 },
        { label: 'B', count: 3 },
        { label: 'C', count: 2 },
      ]),
    ).toEqual([{ label: 'B', count: 3 }]);
  });

  it('is every value with the highest count when they tie, in the given order', () => {
    const rows = [
      { label: 'Soest', count: 1 },
      { label: 'Lippe', count: 1 },
      { label: 'Olpe', count: 0 },
      { label: 'Kleve', count: 1 },
    ];
    expect(leadingValues(rows).map((row) => row.label)).toEqual(['Soest', 'Lippe', 'Kleve']);
  });

  it('is nothing when every count is 0 or there are no values', () => {
    expect(leadingValues([{ label: 'A', count: 0 }])).toEqual([]);
    expect(leadingValues([])).toEqual([]);
  });
});
