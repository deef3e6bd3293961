import { describe, expect, it } from 'vitest';
import { analyse, indexedTerms, queryTerms, termOwners, wordTerm } from './terms.ts';

describe('German analysis', () => {
  const same = (...words: string[]) => new Set(words.map((word) => wordTerm(word, 'de')));

  it('meets plural, inflection and umlaut forms at one term', () => {
    expect(same('Väter', 'Vater', 'Vaeter')).toEqual(new Set(['vat']));
    expect(same('Schwimmkurs', 'Schwimmkurse', 'Schwimmkursen')).toEqual(new Set(['schwimmkur']));
    expect(same('Ernährung', 'Ernaehrung')).toEqual(new Set(['ernahr']));
    expect(same('Kita', 'Kitas')).toEqual(new Set(['kita']));
    expect(same('Übergang', 'Uebergang', 'Übergänge')).toEqual(new Set(['ubergang']));
    expect(same('Straße', 'Strasse')).toEqual(new Set(['strass']));
    expect(same('Elterncafé', 'Elterncafe', 'Elterncafes')).toEqual(new Set(['elterncaf']));
    expect(same('Jugendliche', 'Jugendlichen')).toEqual(new Set(['jugend']));
  });

  it('folds gender forms to the base word', () => {
    expect(same('Lotsen', 'Lotsinnen', 'Lots*innen', 'Lots:innen')).toEqual(new Set(['lot']));
    expect(same('Schüler', 'Schüler*innen', 'SchülerInnen')).toEqual(new Set(['schul']));
    // Not every -innen is a gender form.
    expect(wordTerm('beginnen', 'de')).not.toBe(wordTerm('beg', 'de'));
  });

  it('keeps "qu" and words that merely contain ue apart from umlauts consistently on both sides', () => {
    expect(wordTerm('Quelle', 'de')).toBe('quell');
    expect(wordTerm('neue', 'de')).toBe(wordTerm('Neue', 'de'));
  });

  it('leaves stop words out and keeps word offsets for highlighting', () => {
    const text = 'Das Eltern-Café der Lehrer*innen in Duisburg, 2023';
    const tokens = analyse(text, 'de');
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Eltern-Café', 'Lehrer*innen', 'Duisburg', '2023']);
    expect(tokens[0]).toMatchObject({ term: 'elterncaf', parts: ['elt', 'caf'] });
    expect(indexedTerms(tokens)).toBe('elterncaf lehr duisburg 2023 elt caf');
    expect(termOwners(tokens)).toEqual([0, 1, 2, 3, 0, 0]);
  });

  it('completes a word cut short with a hyphen by the head of the word that completes it', () => {
    const parts = (text: string) => analyse(text, 'de', new Set(['paket']))[0]!.parts;
    expect(parts('Bildungs- und Teilhabepaket')).toEqual([wordTerm('Bildungspaket', 'de')]);
    // Without the head among the case study's words: every head of five letters or more.
    expect(analyse('Gewalt- und Mobbingprävention', 'de')[0]!.parts).toContain(wordTerm('Gewaltprävention', 'de'));
    expect(analyse('Sprach-, Lese- und Bewegungsförderung', 'de')[1]!.parts).toContain(wordTerm('Leseförderung', 'de'));
    // A hyphenated word is no stub.
    expect(analyse('Eltern-Café und Kochkurs', 'de')[0]!.parts).toEqual(['elt', 'caf']);
  });

  it('asks phrases as phrases and nothing for words without a searchable one', () => {
    expect(queryTerms('Übergang "Kita und Grundschule"', 'de')).toBe('ubergang "kita grundschul"');
    expect(queryTerms('"offen', 'de')).toBe('off');
    expect(queryTerms('die und das', 'de')).toBe('');
    expect(queryTerms('"\'`<>', 'de')).toBe('');
  });
});

describe('English analysis', () => {
  it('stems with the English Snowball stemmer and drops accents', () => {
    expect(queryTerms('parents’ refugees Café nurseries', 'en')).toBe('parent refuge cafe nurseri');
    expect(wordTerm('nursery', 'en')).toBe(wordTerm('nurseries', 'en'));
  });
});
