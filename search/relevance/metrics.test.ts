import { describe, expect, it } from 'vitest';
import { fragmentHighlights, isRelatedTerm, markedWords, ndcgAt, precisionAt, recall } from './metrics.ts';

describe('relevance measures', () => {
  const judged = { a: 2, b: 1, c: 0 };

  it('scores the ideal order 1 and a worse order less', () => {
    expect(ndcgAt(10, ['a', 'b'], judged)).toBe(1);
    expect(ndcgAt(10, ['b', 'a'], judged)).toBeLessThan(1);
    expect(ndcgAt(10, ['x', 'y', 'a', 'b'], judged)).toBeLessThan(ndcgAt(10, ['b', 'a'], judged));
    expect(ndcgAt(10, [], judged)).toBe(0);
    expect(ndcgAt(1, ['b', 'a'], judged)).toBeCloseTo(1 / 3);
  });

  it('counts precision over the results shown and recall over everything returned', () => {
    expect(precisionAt(10, ['a', 'x', 'b', 'y'], judged)).toBe(0.5);
    expect(precisionAt(10, ['a', 'b'], judged)).toBe(1);
    expect(precisionAt(10, [], judged)).toBe(0);
    expect(recall(['x', 'b'], judged)).toBe(0.5);
    expect(recall(['c'], judged)).toBe(0);
  });

  it('finds marks on pieces of words, not on whole words', () => {
    expect(fragmentHighlights('<mark>St</mark><mark>re</mark>et<mark>wo</mark>rk')).toEqual(['Stre', 'wo']);
    expect(fragmentHighlights('ge<mark>fl</mark>üchtete')).toEqual(['fl']);
    expect(fragmentHighlights('<mark>Streetwork</mark> in der <mark>Nordstadt</mark>.')).toEqual([]);
    expect(fragmentHighlights('<mark>Street</mark><mark>work</mark>, &amp;<mark>Kita</mark>')).toEqual([]);
  });

  it('reads the marked words and tells whether a term can stand for a query term', () => {
    expect(markedWords('<mark>Eltern</mark><mark>-Café</mark> &amp; <mark>Kita &amp; Co</mark>')).toEqual(['Eltern-Café', 'Kita & Co']);
    expect(isRelatedTerm('schulgart', 'gart')).toBe(true);
    expect(isRelatedTerm('ernahr', 'ernar')).toBe(true);
    expect(isRelatedTerm('abend', 'streetwork')).toBe(false);
    expect(isRelatedTerm('dre', 'streetwork')).toBe(false);
  });
});
