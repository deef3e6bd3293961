// A query word the index does not hold is asked by its parts, if the index holds those: German
// compounds are coined freely ("Kochkurs", "Väterarbeit") and Meilisearch matches whole words
// only. The index's own vocabulary decides, asked with small searches (the site's key may only
// search).
import type { Meilisearch, MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { indexName } from '../settings.ts';
import { analysisLanguage, splitCandidates } from './terms.ts';

/** Words shorter than this are not taken apart; longer than the longest German compounds people type, neither. */
const MIN_COMPOUND_LENGTH = 6;
const MAX_COMPOUND_LENGTH = 40;
/** At most this many words of a query are taken apart: each costs Meilisearch a few small searches. */
const MAX_COMPOUNDS_PER_QUERY = 4;
/** How long an answer about a term is trusted (the vocabulary changes with each publication). */
const KNOWN_TTL_MS = 60_000;
const KNOWN_CACHE_SIZE = 5_000;
/** A compound's head in more than this share of the case studies says little about the query. */
const GENERIC_SHARE = 0.25;
/**
 * A compound used by at most this many case studies is asked by its parts as well when both are
 * more common: "Jugendbeteiligung" is written so in one case study, while others are about the
 * "Beteiligung" of "Jugendlichen". Those using the compound hold its parts too (analysis/terms.ts).
 */
const RARE_COMPOUND_HOLDERS = 1;

const known = new Map<string, { at: number; value: number }>();

/** Forgets what the index was found to hold (after a change notice: new words, new synonyms). */
export function forgetHeldTerms(): void {
  known.clear();
}

/** Answers about terms from `ask` (one multi-search for those not cached in the last minute). */
async function cached(
  client: Meilisearch,
  locale: string,
  kind: string,
  terms: string[],
  ask: (term: string) => Omit<MultiSearchQuery, 'indexUid'>,
  read: (result: MultiSearchResult<Record<string, unknown>>) => number,
): Promise<Map<string, number>> {
  const now = Date.now();
  const key = (term: string) => `${locale} ${kind} ${term}`;
  const missing = [...new Set(terms)].filter((term) => {
    const entry = known.get(key(term));
    return !entry || now - entry.at > KNOWN_TTL_MS;
  });
  if (missing.length > 0) {
    const { results } = await client.multiSearch({ queries: missing.map((term) => ({ ...ask(term), indexUid: indexName(locale) })) });
    if (known.size > KNOWN_CACHE_SIZE) known.clear();
    missing.forEach((term, index) => known.set(key(term), { at: now, value: read(results[index]!) }));
  }
  return new Map(terms.map((term) => [term, known.get(key(term))?.value ?? 0]));
}

/** In how many case studies each term occurs as that very word (a one-word phrase); '' gives the size of the index. */
function documentCounts(client: Meilisearch, locale: string, terms: string[]): Promise<Map<string, number>> {
  return cached(
    client,
    locale,
    'count',
    terms,
    (term) => ({ q: term ? `"${term}"` : '', hitsPerPage: 0, page: 1 }),
    (result) => result.totalHits ?? 0,
  );
}

/**
 * Whether a search for the word finds something without a typo (1) or not (0): the word itself,
 * a longer word it begins, or a synonym — anything but a look-alike.
 */
export function foundWithoutTypo(client: Meilisearch, locale: string, words: string[]): Promise<Map<string, number>> {
  return cached(
    client,
    locale,
    'found',
    words,
    (word) => ({ q: word, limit: 1, attributesToRetrieve: ['documentId'], showRankingScoreDetails: true }),
    (result) => {
      const details = result.hits[0]?._rankingScoreDetails as { typo?: { typoCount?: number } } | undefined;
      return details && details.typo?.typoCount === 0 ? 1 : 0;
    },
  );
}

/**
 * The analysed query with each long word the index does not hold, or holds in only a few case
 * studies, replaced by the parts of its best split that it does hold: "Kochkurs" → "koch kur".
 * Quoted phrases stay as typed.
 */
export async function splitUnknownCompounds(client: Meilisearch, query: string, locale: string): Promise<string> {
  if (analysisLanguage(locale) !== 'de') return query;
  const words = query.split(/\s+/u).filter(Boolean);
  const asked = words
    .filter((word) => !word.includes('"') && word.length >= MIN_COMPOUND_LENGTH && word.length <= MAX_COMPOUND_LENGTH)
    .slice(0, MAX_COMPOUNDS_PER_QUERY);
  if (asked.length === 0) return query;
  const candidates = words.map((word) => (asked.includes(word) ? splitCandidates(word) : []));
  if (candidates.every((list) => list.length === 0)) return query;
  const splittable = words.filter((_, index) => candidates[index]!.length > 0);
  const held = await foundWithoutTypo(client, locale, splittable);
  const holders = await documentCounts(client, locale, ['', ...splittable]);
  const corpusSize = holders.get('') ?? 0;
  // Held as this very word by only a few case studies: its parts are asked if they are more common.
  const rare = (word: string) => (holders.get(word) ?? 0) > 0 && (holders.get(word) ?? 0) <= RARE_COMPOUND_HOLDERS;
  const toSplit = words.map((word, index) => candidates[index]!.length > 0 && (!held.get(word) || rare(word)));
  if (!toSplit.some(Boolean)) return query;
  const parts = await documentCounts(
    client,
    locale,
    candidates.flatMap((list, index) => (toSplit[index] ? list.flat() : [])),
  );
  // Of the splits whose parts both occur, the one whose rarer part is the most common:
  // "väterarbeit" is vat + arbeit, not vat + erarbeit.
  const strength = (pair: [string, string]) => Math.min(parts.get(pair[0]) ?? 0, parts.get(pair[1]) ?? 0);
  return words
    .map((word, index) => {
      if (!toSplit[index]) return word;
      const best = candidates[index]!.reduce<[string, string] | undefined>((top, pair) => (strength(pair) > (top ? strength(top) : 0) ? pair : top), undefined);
      if (!best || (held.get(word) && strength(best) <= (holders.get(word) ?? 0))) return word;
      // A head found in over a quarter of the case studies ("arbeit" of "Mädchenarbeit") would only narrow the
      // modifier's results to those that happen to use both words: the modifier is asked alone.
      return (parts.get(best[1]) ?? 0) > corpusSize * GENERIC_SHARE ? best[0] : best.join(' ');
    })
    .join(' ');
}
