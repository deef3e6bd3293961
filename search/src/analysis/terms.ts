// German and English text analysis for the case-study indexes. Meilisearch 1.21 has no stemming,
// and its German segmenter cut words it does not know into two-letter pieces (issue 32), so the
// index searches terms made here: every word lower-cased, ß → ss, ae/oe/ue → ä/ö/ü (German),
// gender forms and plural -s folded, reduced by the Snowball stemmer, accents dropped. Queries go
// through the same analysis, so "Vaeter", "Väter" and "Vater" meet at "vat", "Schwimmkurs" and
// "Schwimmkurse" at "schwimmkur". Hyphenated words are indexed whole and by their parts.
import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import { STOP_WORDS } from './stop-words.ts';

/**
 * Raised whenever the analysis changes what it makes of a text, or the search document gains
 * fields (4: `effort` and `contact`; 5: compound parts after the words; 6: `transferredTo`
 * and `transferred`, the Kommunen of the published transfer reports): documents indexed with another version count as stale, and
 * the sync's reconciliation re-indexes them.
 */
export const ANALYSIS_VERSION = 6;

export type AnalysisLanguage = 'de' | 'en';

/** The analysis of a locale: German for German, English for English (the only two). */
export function analysisLanguage(locale: string): AnalysisLanguage {
  return locale === 'en' ? 'en' : 'de';
}

/** A word of a text and the terms the index holds for it. */
export interface Token {
  /** Where the word stands in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  term: string;
  /** The terms of its parts: a hyphenated word's pieces ("Eltern-Café": elt, caf), a compound's parts the case study also uses. */
  parts: string[];
}

// Letters and digits, joined by hyphens and apostrophes, and German gender forms
// ("Lehrer*innen", "Schüler:innen", "Nachbar_in") kept as one word.
const WORD = /[\p{L}\p{N}]+(?:(?:[-‐‑'’]|[*:_/](?=in(?:nen)?(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*/gu;
const PIECE_SEPARATOR = /[-‐‑]/u;
const stemmers = { de: new StemmerDe(), en: new StemmerEn() };

/** Accents other than the German umlauts dropped (é → e), so "Café" and "Cafe" are one word. */
function dropAccents(word: string, keepUmlauts: boolean): string {
  return word
    .normalize('NFD')
    .replace(keepUmlauts ? /(?<![aou])\p{M}|(?<=[aou])(?!\u0308)\p{M}/gu : /\p{M}/gu, '')
    .normalize('NFC');
}

/** The index term of one word (no separators inside), or '' for a stop word. */
export function wordTerm(word: string, language: AnalysisLanguage): string {
  let w = word.normalize('NFC').toLocaleLowerCase(language);
  if (STOP_WORDS[language].has(w)) return '';
  w = w.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (language === 'en') return dropAccents(stemmers.en.stemWord(dropAccents(w, false)), false);

  w = dropAccents(w.replaceAll('ß', 'ss'), true)
    // Typed without umlauts: "Vaeter", "Ernaehrung", "Uebergang" (not the u of "qu").
    .replace(/(^|[^q])ue/gu, '$1ü')
    .replace(/ae/gu, 'ä')
    .replace(/oe/gu, 'ö')
    // Gender forms: "Lots*innen", "Schüler:innen", "Nachbar/in", "Lotsinnen" → the base word.
    .replace(/[*:_/]in(?:nen)?$/u, '');
  if (w.length >= 9 && w.endsWith('innen')) w = w.slice(0, -5);
  // Plural -s after a vowel, which Snowball leaves: "Kitas", "Cafés", "Babys".
  if (w.length >= 5 && /[aeioy]s$/u.test(w)) w = w.slice(0, -1);
  let stem = stemmers.de.stemWord(w);
  // Snowball takes one ending: "Kurse" → "kurs" but "Kurs" → "kur". The s it leaves goes as well.
  if (stem.length < w.length && /[bdfghklmnrt]s$/u.test(stem)) stem = stem.slice(0, -1);
  return dropAccents(stem, false);
}

/**
 * The words of a text with their terms; stop words left out. `lexicon` (German): terms known to
 * be words — a compound whose head and modifier are both among them is also indexed by its
 * parts ("Ernährungsführerschein" next to "Ernährung" and "Führerschein": ernahr, fuhrerschein).
 */
export function analyse(text: string, locale: string, lexicon?: ReadonlySet<string>): Token[] {
  const language = analysisLanguage(locale);
  const matches = [...text.matchAll(WORD)];
  const tokens: Token[] = [];
  matches.forEach((match, index) => {
    const word = match[0];
    const pieces = word.split(PIECE_SEPARATOR);
    const term = wordTerm(pieces.join(''), language);
    if (!term) return;
    const parts =
      pieces.length > 1
        ? [
            ...joinedPieces(pieces).map((joined) => wordTerm(joined, language)),
            ...pieces.flatMap((piece) => (lexicon ? compoundParts(piece, language, lexicon) : [])),
          ]
        : lexicon
          ? compoundParts(word, language, lexicon)
          : [];
    if (language === 'de') parts.push(...completedStub(text, matches, index, lexicon));
    tokens.push({ start: match.index, end: match.index + word.length, term, parts: [...new Set(parts.filter((part) => part && part !== term))] });
  });
  return tokens;
}

// A word cut short with a hyphen before "und", "oder", a comma…: "Gewalt- und Mobbingprävention".
const STUB_END = /^[-‐‑](?=\s*(?:,|&|und\b|oder\b|sowie\b|bzw\.))/u;
const CONNECTOR = /^(?:und|oder|sowie|bzw)$/u;
const BETWEEN_STUB_AND_WORD = /^[-‐‑,.&\s]*$/u;
const MIN_HEAD = 5;

/**
 * The compounds a word cut short stands for (German "Ergänzungsstrich"): "Gewalt-" in "Gewalt- und
 * Mobbingprävention" means Gewaltprävention, "Bildungs-" in "Bildungs- und Teilhabepaket"
 * Bildungspaket. Where the completing word's head begins is not known without a dictionary: the
 * heads the case study also uses as words (`lexicon`), or else every head of at least five letters
 * ("…prävention", "…ävention", …), of which only the real one is ever searched for.
 */
function completedStub(text: string, matches: RegExpMatchArray[], index: number, lexicon?: ReadonlySet<string>): string[] {
  const stub = matches[index]!;
  const stubEnd = stub.index! + stub[0].length;
  if (!STUB_END.test(text.slice(stubEnd))) return [];
  for (let next = index + 1; next < matches.length; next += 1) {
    const candidate = matches[next]!;
    const previous = matches[next - 1]!;
    if (!BETWEEN_STUB_AND_WORD.test(text.slice(previous.index! + previous[0].length, candidate.index!))) return [];
    if (CONNECTOR.test(candidate[0])) continue;
    const candidateEnd = candidate.index! + candidate[0].length;
    // Another word cut short ("Sprach-, Lese- und Bewegungsförderung"): the completing word comes later.
    if (STUB_END.test(text.slice(candidateEnd))) continue;
    const completing = candidate[0].split(PIECE_SEPARATOR).at(-1)!;
    const heads: string[] = [];
    for (let split = 3; split <= completing.length - MIN_HEAD; split += 1) heads.push(completing.slice(split));
    const known = heads.filter((head) => lexicon?.has(wordTerm(head, 'de')));
    return (known.length > 0 ? known : heads).map((head) => wordTerm(stub[0] + head.toLocaleLowerCase('de'), 'de'));
  }
  return [];
}

/** Each piece of a hyphenated word and each run of neighbouring pieces: Stadtteil-Eltern-Café → …, Eltern, ElternCafé, Café. */
function joinedPieces(pieces: string[]): string[] {
  const runs: string[] = [];
  for (let from = 0; from < pieces.length; from += 1) {
    for (let to = from + 1; to <= pieces.length; to += 1) if (to - from < pieces.length) runs.push(pieces.slice(from, to).join(''));
  }
  return runs;
}

/** Every term of a text, for a lexicon. */
export function textTerms(text: string, locale: string): string[] {
  return analyse(text, locale).map((token) => token.term);
}

// Linking elements between the parts of a German compound: Arbeit-s-markt, Familie-n-zentrum.
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e'];
const MIN_PART = 4;

/**
 * The parts of a German compound whose modifier and head are both words of `lexicon` (or the
 * modifier a compound of them): "Gesundheitsförderung" → gesund, forder. Longest head first;
 * nothing for a word that does not split so. English words are not split.
 */
export function compoundParts(word: string, language: AnalysisLanguage, lexicon: ReadonlySet<string>, depth = 0): string[] {
  if (language !== 'de' || word.length < 2 * MIN_PART) return [];
  const lower = word.toLocaleLowerCase('de');
  for (let split = MIN_PART; split <= lower.length - MIN_PART; split += 1) {
    const head = wordTerm(lower.slice(split), 'de');
    if (head.length < 3 || !lexicon.has(head)) continue;
    for (const link of LINKS) {
      const modifierWord = lower.slice(0, split);
      if (!modifierWord.endsWith(link) || modifierWord.length - link.length < MIN_PART) continue;
      const bare = modifierWord.slice(0, modifierWord.length - link.length);
      const modifier = wordTerm(bare, 'de');
      if (modifier.length >= 3 && lexicon.has(modifier)) return [modifier, head];
      const inner = depth < 1 ? compoundParts(bare, 'de', lexicon, depth + 1) : [];
      if (inner.length > 0) return [...inner, head];
    }
  }
  return [];
}

/**
 * What the index searches for a text: each word's term in the text's order, then the parts' terms.
 * The parts come last so that the words stay neighbours: a quoted phrase ("Bildungs- und
 * Teilhabepaket") and word proximity are judged on the words as written.
 */
export function indexedTerms(tokens: Token[]): string {
  return [...tokens.map((token) => token.term), ...tokens.flatMap((token) => token.parts)].join(' ');
}

/** The same, with each indexed term's token: the n-th term of `indexedTerms` belongs to word `owners[n]`. */
export function termOwners(tokens: Token[]): number[] {
  return [...tokens.map((_, index) => index), ...tokens.flatMap((token, index) => token.parts.map(() => index))];
}

/**
 * A query as the index must be asked: the same terms, with "quoted phrases" kept as phrases.
 * Empty when the query has no searchable word (only stop words or punctuation).
 */
export function queryTerms(query: string, locale: string): string {
  return query
    .split('"')
    .map((segment, index) => {
      const terms = analyse(segment, locale)
        .map((token) => token.term)
        .join(' ');
      // Odd segments stand between quotes; an unclosed quote is taken as plain words.
      const quoted = index % 2 === 1 && index < query.split('"').length - 1;
      return quoted && terms ? `"${terms}"` : terms;
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * The ways an index term could be a compound of two terms: "kochkur" → [koc, hkur], [koch, kur];
 * each part at least three letters, linking elements dropped.
 */
export function splitCandidates(term: string): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (let split = 3; split <= term.length - 3; split += 1) {
    const head = wordTerm(term.slice(split), 'de');
    for (const link of LINKS) {
      const modifierWord = term.slice(0, split);
      if (!modifierWord.endsWith(link) || modifierWord.length - link.length < 3) continue;
      const modifier = wordTerm(modifierWord.slice(0, modifierWord.length - link.length), 'de');
      if (modifier.length >= 3 && head.length >= 3) pairs.set(`${modifier} ${head}`, [modifier, head]);
    }
  }
  return [...pairs.values()];
}
