import { describe, expect, it } from 'vitest';
import { highlightWords, type IndexedField } from './highlight.ts';
import { analyse, indexedTerms, termOwners } from './terms.ts';

/** The field as the index keeps it; `lexicon` as the whole case study would give it. */
function indexedOf(text: string, lexicon?: Set<string>): IndexedField {
  const tokens = analyse(text, 'de', lexicon);
  return { terms: indexedTerms(tokens), owners: termOwners(tokens) };
}

/** Where Meilisearch would report the n-th occurrence of `term` in the indexed terms (UTF-8 offsets). */
function positionOf(indexed: IndexedField, term: string) {
  const terms = indexed.terms.split(' ');
  const index = terms.indexOf(term);
  if (index === -1) throw new Error(`${term} is not in ${indexed.terms}`);
  return {
    start: new TextEncoder().encode(
      terms
        .slice(0, index)
        .map((t) => `${t} `)
        .join(''),
    ).length,
    length: term.length,
  };
}

describe('highlights', () => {
  it('marks the whole word whose term matched, never a piece of it', () => {
    const text = 'Schwimmkurse für Kinder';
    const indexed = indexedOf(text);
    expect(highlightWords(text, 'de', [positionOf(indexed, 'schwimmkur')], indexed)).toBe('<mark>Schwimmkurse</mark> für Kinder');
    // A prefix match of "schwimm" still marks the word, not "Schwimm".
    expect(highlightWords(text, 'de', [{ ...positionOf(indexed, 'schwimmkur'), length: 7 }], indexed)).toBe('<mark>Schwimmkurse</mark> für Kinder');
  });

  it("marks the right word after compounds split with the case study's own words", () => {
    const text = 'Ein Schulgarten und Beziehungsarbeit an drei Abenden';
    const indexed = indexedOf(text, new Set(['schul', 'gart', 'bezieh', 'arbeit']));
    // The words in their order, then the parts: a phrase finds the words as neighbours.
    expect(indexed.terms).toBe('schulgart beziehungsarbeit drei abend schul gart bezieh arbeit');
    expect(highlightWords(text, 'de', [positionOf(indexed, 'bezieh')], indexed)).toBe('Ein Schulgarten und <mark>Beziehungsarbeit</mark> an drei Abenden');
    expect(highlightWords(text, 'de', [positionOf(indexed, 'gart')], indexed)).toBe('Ein <mark>Schulgarten</mark> und Beziehungsarbeit an drei Abenden');
    expect(highlightWords(text, 'de', [positionOf(indexed, 'abend')], indexed)).toBe('Ein Schulgarten und Beziehungsarbeit an drei <mark>Abenden</mark>');
  });

  it('marks a hyphenated word when one of its parts matched', () => {
    const text = 'Ein Eltern-Café in Köln';
    const indexed = indexedOf(text);
    expect(highlightWords(text, 'de', [positionOf(indexed, 'caf')], indexed)).toBe('Ein <mark>Eltern-Café</mark> in Köln');
  });

  it('counts offsets in UTF-8 bytes past words that keep a non-ASCII letter', () => {
    const text = 'Treff in Iğdır und Kinder';
    const indexed = indexedOf(text);
    expect(highlightWords(text, 'de', [positionOf(indexed, 'kind')], indexed)).toBe('Treff in Iğdır und <mark>Kinder</mark>');
  });

  it('escapes the text and leaves it unmarked without matches', () => {
    expect(highlightWords('<b>Kita</b> & "Eltern"', 'de', undefined, undefined)).toBe('&lt;b&gt;Kita&lt;/b&gt; &amp; &quot;Eltern&quot;');
    const text = '<script>x</script> Kita';
    const indexed = indexedOf(text);
    expect(highlightWords(text, 'de', [positionOf(indexed, 'kita')], indexed)).toBe('&lt;script&gt;x&lt;/script&gt; <mark>Kita</mark>');
  });
});
