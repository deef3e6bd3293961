import { describe, expect, it } from 'vitest';
import { highlightWords } from './highlight.ts';
import { analyse, indexedTerms } from './terms.ts';

/** Where Meilisearch would report `term` in the indexed terms of `text` (UTF-8 offsets). */
function positionOf(text: string, term: string, locale = 'de') {
  const terms = indexedTerms(analyse(text, locale));
  const index = terms.split(' ').indexOf(term);
  const start = new TextEncoder().encode(terms.split(' ').slice(0, index).map((t) => `${t} `).join('')).length;
  return { start, length: term.length };
}

describe('highlights', () => {
  it('marks the whole word whose term matched, never a piece of it', () => {
    const text = 'Schwimmkurse für Kinder';
    expect(highlightWords(text, 'de', [positionOf(text, 'schwimmkur')])).toBe('<mark>Schwimmkurse</mark> für Kinder');
    // A prefix match of "schwimm" still marks the word, not "Schwimm".
    expect(highlightWords(text, 'de', [{ ...positionOf(text, 'schwimmkur'), length: 7 }])).toBe('<mark>Schwimmkurse</mark> für Kinder');
  });

  it('marks a hyphenated word when one of its parts matched', () => {
    const text = 'Ein Eltern-Café in Köln';
    expect(highlightWords(text, 'de', [positionOf(text, 'caf')])).toBe('Ein <mark>Eltern-Café</mark> in Köln');
  });

  it('counts offsets in UTF-8 bytes past words that keep a non-ASCII letter', () => {
    const text = 'Treff in Iğdır und Kinder';
    expect(highlightWords(text, 'de', [positionOf(text, 'kind')])).toBe('Treff in Iğdır und <mark>Kinder</mark>');
  });

  it('escapes the text and leaves it unmarked without matches', () => {
    expect(highlightWords('<b>Kita</b> & "Eltern"', 'de', undefined)).toBe('&lt;b&gt;Kita&lt;/b&gt; &amp; &quot;Eltern&quot;');
    const text = '<script>x</script> Kita';
    expect(highlightWords(text, 'de', [positionOf(text, 'kita')])).toBe('&lt;script&gt;x&lt;/script&gt; <mark>Kita</mark>');
  });
});
