import { MAX_SYNONYM_LENGTH, MAX_SYNONYMS_PER_SET } from '@praxis/search';
import { describe, expect, it } from 'vitest';
import { entryAfterSave, searchTermProblems, synonymLines, type SearchTermEntry } from './search-term-rules';

const messagesOf = (entry: SearchTermEntry, others: SearchTermEntry[] = []) => searchTermProblems(entry, others).map((problem) => problem.message);
const set = (words: string[], more: Partial<SearchTermEntry> = {}): SearchTermEntry => ({ language: 'de', oneWay: false, words: words.join('\n'), ...more });

describe('the lines of a synonym set', () => {
  it('are trimmed, whatever the line breaks, with empty lines dropped', () => {
    expect(synonymLines('  Kita \r\nKindergarten\r\rKrippe\n\n')).toEqual(['Kita', 'Kindergarten', 'Krippe']);
    expect(synonymLines(null)).toEqual([]);
  });
});

describe('a synonym set on its own', () => {
  it('is fine with two or more different words', () => {
    expect(messagesOf(set(['Kita', 'Kindergarten']))).toEqual([]);
  });

  it('needs at least two words', () => {
    expect(messagesOf(set(['Kita']))).toEqual(['Bitte mindestens zwei Begriffe angeben, einen pro Zeile.']);
    expect(messagesOf(set(['Kita', '   ']))).toHaveLength(1);
  });

  it('has at most the limit of words', () => {
    const words = [
      'Kita',
      'Hort',
      'Schule',
      'Krippe',
      'Garten',
      'Haus',
      'Baum',
      'Wald',
      'Feld',
      'Berg',
      'Fluss',
      'Meer',
      'Stadt',
      'Dorf',
      'Land',
      'Weg',
      'Brücke',
      'Turm',
      'Insel',
      'Hafen',
      'Markt',
      'Kirche',
      'Bahnhof',
    ];
    expect(words.length).toBeGreaterThan(MAX_SYNONYMS_PER_SET);
    words.length = MAX_SYNONYMS_PER_SET + 1;
    expect(messagesOf(set(words.slice(0, MAX_SYNONYMS_PER_SET)))).toEqual([]);
    expect(messagesOf(set(words))).toEqual([expect.stringContaining(`höchstens ${MAX_SYNONYMS_PER_SET} Begriffe, hier sind es ${MAX_SYNONYMS_PER_SET + 1}`)]);
  });

  it('refuses a word longer than the limit, naming it', () => {
    const long = 'l'.repeat(MAX_SYNONYM_LENGTH + 1);
    expect(messagesOf(set(['Kita', 'l'.repeat(MAX_SYNONYM_LENGTH)]))).toEqual([]);
    expect(messagesOf(set(['Kita', long]))).toEqual([
      `„${long}“ ist ${MAX_SYNONYM_LENGTH + 1} Zeichen lang; erlaubt sind höchstens ${MAX_SYNONYM_LENGTH} je Begriff.`,
    ]);
  });

  it('refuses a line the search cannot find: stop words or punctuation only', () => {
    expect(messagesOf(set(['Kita', 'und die']))).toEqual([expect.stringMatching(/^„und die“ findet die Suche nicht/)]);
    expect(messagesOf(set(['Kita', '?!']))).toEqual([expect.stringMatching(/^„\?!“ findet die Suche nicht/)]);
  });

  it('refuses the same word twice, and a word the search takes for another one, naming that one', () => {
    expect(messagesOf(set(['Kita', 'Krippe', 'Kita']))).toEqual(['„Kita“ steht doppelt in dieser Gruppe.']);
    expect(messagesOf(set(['Kita', 'Krippe', 'KITA']))).toEqual(['„KITA“ steht doppelt in dieser Gruppe: die Suche behandelt es wie „Kita“.']);
  });

  it('names each problem once', () => {
    expect(messagesOf(set(['Kita', 'Kita', 'Kita']))).toEqual(['„Kita“ steht doppelt in dieser Gruppe.']);
  });

  it('puts every message on the field of the words', () => {
    expect(searchTermProblems(set(['Kita']), []).map((problem) => problem.path)).toEqual([['words']]);
  });
});

describe('a synonym set among the others of its language', () => {
  it('may not have exactly the words of another set, in any order', () => {
    expect(messagesOf(set(['Kita', 'Kindergarten']), [set(['Kindergarten', 'Kita'])])).toEqual([
      'Eine Gruppe mit genau diesen Begriffen gibt es schon (Deutsch: „Kindergarten“, „Kita“).',
    ]);
  });

  it('shows at most three words of the other set', () => {
    expect(messagesOf(set(['a1', 'b2', 'c3', 'd4']), [set(['d4', 'c3', 'b2', 'a1'])])).toEqual([expect.stringMatching(/„d4“, „c3“, „b2“ …\)\.$/)]);
  });

  it('may share words with a set of the other language, or some words with one of its own', () => {
    expect(messagesOf(set(['Kita', 'Kindergarten']), [set(['Kita', 'Kindergarten'], { language: 'en' })])).toEqual([]);
    expect(messagesOf(set(['Kita', 'Kindergarten']), [set(['Kita', 'Krippe'])])).toEqual([]);
  });

  it('may not start a second one-way set with the same word', () => {
    expect(messagesOf(set(['Kita', 'Krippe'], { oneWay: true }), [set(['Kita', 'Hort'], { oneWay: true })])).toEqual([
      'Es gibt schon eine Gruppe „Nur in eine Richtung“ (Deutsch), die mit „Kita“ beginnt. Bitte ergänzen Sie die Begriffe dort.',
    ]);
  });

  it('may start a one-way set with the first word of a two-way set', () => {
    expect(messagesOf(set(['Kita', 'Krippe'], { oneWay: true }), [set(['Kita', 'Hort'])])).toEqual([]);
  });

  it('may be one-way with the words of two one-way sets that start differently', () => {
    expect(messagesOf(set(['Kita', 'Hort'], { oneWay: true }), [set(['Hort', 'Kita'], { oneWay: true })])).toEqual([]);
  });

  it('may not have the words of a two-way set, one-way or not', () => {
    expect(messagesOf(set(['Kita', 'Hort'], { oneWay: true }), [set(['Hort', 'Kita'])])).toHaveLength(1);
  });

  it('reports its own problems first and alone', () => {
    expect(messagesOf(set(['Kita']), [set(['Kita'])])).toEqual(['Bitte mindestens zwei Begriffe angeben, einen pro Zeile.']);
  });
});

describe('the set a save leaves', () => {
  it('is German and two-way unless said otherwise', () => {
    expect(entryAfterSave(null, { words: 'a\nb' })).toEqual({ language: 'de', oneWay: false, words: 'a\nb' });
  });

  it('keeps the stored fields the save leaves out or sends as undefined', () => {
    const stored = { language: 'en', oneWay: true, words: 'x\ny' };
    expect(entryAfterSave(stored, { words: 'a\nb', language: undefined })).toEqual({ language: 'en', oneWay: true, words: 'a\nb' });
    expect(entryAfterSave(stored, { oneWay: false })).toEqual({ language: 'en', oneWay: false, words: 'x\ny' });
  });
});
