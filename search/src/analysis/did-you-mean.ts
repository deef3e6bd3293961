// "Meinten Sie …?": for a search that finds nothing, the closest words the index's case studies
// use — a word typed with more typos than the search tolerates, or one it does not know at all.
import type { Meilisearch } from 'meilisearch';
import { indexName } from '../settings.ts';
import { analysisLanguage, wordTerm } from './terms.ts';
import { foundWithoutTypo } from './compound-query.ts';
import { STOP_WORDS } from './stop-words.ts';

/** The texts whose words are offered: what a result card and the facets show, and the description. */
const VOCABULARY_FIELDS = ['title', 'teaser', 'description', 'topicNames', 'targetGroupNames', 'settingNames', 'municipalityNames', 'districtNames'];
/** How long a locale's vocabulary is kept before it is read again (new case studies bring new words). */
const VOCABULARY_TTL_MS = 10 * 60_000;
const PAGE = 1_000;
const MAX_WORD_LENGTH = 40;
const MAX_WORDS = 6;

interface Vocabulary {
  /** Folded form (lower case, no accents, ß → ss) → the most frequent spelling and how often it occurs. */
  words: Map<string, { word: string; count: number }>;
}

const vocabularies = new Map<string, { at: number; vocabulary: Promise<Vocabulary> }>();

/** Forgets the words read from the indexes (after a change notice). */
export function forgetVocabularies(): void {
  vocabularies.clear();
}

/** Lower case, umlauts and accents dropped, ß → ss: "Ernährung", "Ernahrung" and "ernaehrung" compare alike. */
function fold(word: string): string {
  return word.toLocaleLowerCase('de').replaceAll('ß', 'ss').replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').normalize('NFD').replace(/\p{M}/gu, '');
}

async function readVocabulary(client: Meilisearch, locale: string): Promise<Vocabulary> {
  const counts = new Map<string, Map<string, number>>();
  const stopWords = STOP_WORDS[analysisLanguage(locale)];
  for (let offset = 0; ; offset += PAGE) {
    const { hits } = await client.index(indexName(locale)).search('', { limit: PAGE, offset, attributesToRetrieve: VOCABULARY_FIELDS });
    for (const hit of hits) {
      const text = VOCABULARY_FIELDS.flatMap((field) => hit[field] ?? []).join(' ');
      for (const [word] of text.matchAll(/\p{L}{4,}/gu)) {
        if (stopWords.has(word.toLocaleLowerCase(locale))) continue;
        const spellings = counts.get(fold(word)) ?? new Map<string, number>();
        spellings.set(word, (spellings.get(word) ?? 0) + 1);
        counts.set(fold(word), spellings);
      }
    }
    if (hits.length < PAGE) break;
  }
  const words = new Map<string, { word: string; count: number }>();
  for (const [folded, spellings] of counts) {
    const [word] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
    words.set(folded, { word, count: [...spellings.values()].reduce((sum, count) => sum + count, 0) });
  }
  return { words };
}

function vocabularyOf(client: Meilisearch, locale: string): Promise<Vocabulary> {
  const cached = vocabularies.get(locale);
  if (cached && Date.now() - cached.at < VOCABULARY_TTL_MS) return cached.vocabulary;
  const vocabulary = readVocabulary(client, locale);
  vocabulary.catch(() => vocabularies.delete(locale));
  vocabularies.set(locale, { at: Date.now(), vocabulary });
  return vocabulary;
}

/** Edits between two words, a swap of neighbours counting as one (Damerau–Levenshtein, restricted). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The closest word the case studies use, if it is close enough (one edit in short words, up to three in long ones, or at most `maxEdits`). */
function closestWord(word: string, vocabulary: Vocabulary, maxEdits = 3): string | undefined {
  const folded = fold(word);
  if (vocabulary.words.has(folded)) return undefined;
  const allowed = Math.min(maxEdits, folded.length <= 5 ? 1 : folded.length <= 9 ? 2 : 3);
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, { word: spelling, count }] of vocabulary.words) {
    if (Math.abs(candidate.length - folded.length) > allowed) continue;
    const distance = editDistance(folded, candidate);
    if (distance > allowed) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: spelling, distance, count };
  }
  return best?.word;
}

/**
 * The query with each word the case studies do not use replaced by the closest one they do, or
 * undefined when no word changes. Whether the suggestion finds anything is for the caller to ask.
 */
export async function suggestQuery(client: Meilisearch, query: string, locale: string): Promise<string | undefined> {
  const vocabulary = await vocabularyOf(client, locale);
  let changed = false;
  let looked = 0;
  const suggestion = query.replace(/\p{L}{4,}/gu, (word) => {
    // Each word is compared with the whole vocabulary: a few words of a sensible length, no more.
    if (word.length > MAX_WORD_LENGTH || ++looked > MAX_WORDS) return word;
    const closest = closestWord(word, vocabulary);
    if (!closest) return word;
    changed = true;
    return closest;
  });
  return changed ? suggestion : undefined;
}

/** The analyses whose short stems make Meilisearch's typo tolerance guess wrong ("bulying" → buli ≈ build): English. */
const CORRECTED_LANGUAGES = new Set(['en']);

/**
 * The typed words with each one the index holds nowhere (not as a word, a beginning or a synonym)
 * replaced by a word the case studies use one edit away: "bulying" → "bullying", "councelling" →
 * "counselling". English stems are short (Porter), so a typo in the stem meets unrelated words;
 * a typo in the whole word rarely does.
 */
export async function correctUnknownWords(client: Meilisearch, text: string, locale: string): Promise<string> {
  const language = analysisLanguage(locale);
  if (!CORRECTED_LANGUAGES.has(language)) return text;
  const words = [...new Set([...text.matchAll(/\p{L}{4,}/gu)].map((match) => match[0]))].filter((word) => word.length <= MAX_WORD_LENGTH).slice(0, MAX_WORDS);
  const terms = new Map(words.map((word) => [word, wordTerm(word, language)]));
  const held = await foundWithoutTypo(client, locale, [...terms.values()].filter(Boolean));
  const unknown = words.filter((word) => terms.get(word) && !held.get(terms.get(word)!));
  if (unknown.length === 0) return text;
  const vocabulary = await vocabularyOf(client, locale);
  // One slip only, silently, as Meilisearch's own typo tolerance would; more, and "Did you mean …?" asks.
  return text.replace(/\p{L}{4,}/gu, (word) => (unknown.includes(word) ? (closestWord(word, vocabulary, 1) ?? word) : word));
}
