import { analyse, indexedTerms, termOwners, textTerms } from './terms.ts';

/**
 * The texts a search looks in, most important first: Meilisearch ranks a match in an earlier one
 * higher. The index searches their analysed terms (`terms.<field>`), never the texts themselves.
 */
export const SEARCHED_FIELDS = [
  'title',
  'teaser',
  'topicNames',
  'targetGroupNames',
  'municipalityNames',
  'districtNames',
  'settingNames',
  'provider',
  'description',
  'approach',
  'startingSituation',
  'goals',
  'results',
  'transferability',
  'successFactors',
  'pitfalls',
  'afterFunding',
  'partners',
] as const;

export type SearchedField = (typeof SEARCHED_FIELDS)[number];
export type DocumentTerms = Record<SearchedField, string | string[]>;

/** The fields whose words a result card marks. */
export const HIGHLIGHTED_FIELDS = ['title', 'teaser'] as const;
/** For each highlighted field: the word each indexed term belongs to (see `termOwners`). */
export type TermOwners = Record<(typeof HIGHLIGHTED_FIELDS)[number], number[]>;

/**
 * The analysed terms of each searched field; a list stays a list (its items are not one phrase).
 * The document's own words are the lexicon its compounds are split with: a case study about a
 * "Schulgarten" that also says "Garten" is found by "Garten".
 */
export function documentTerms(texts: Record<SearchedField, string | string[] | null>, locale: string): { terms: DocumentTerms; termOwners: TermOwners } {
  const values = SEARCHED_FIELDS.map((field) => texts[field] ?? '');
  const lexicon = new Set(values.flat().flatMap((text) => textTerms(text, locale)));
  const terms = {} as DocumentTerms;
  SEARCHED_FIELDS.forEach((field, index) => {
    const value = values[index]!;
    const analysed = (text: string) => indexedTerms(analyse(text, locale, lexicon));
    terms[field] = Array.isArray(value) ? value.map(analysed) : analysed(value);
  });
  // Which parts a compound gets depends on the whole case study: the highlighter cannot
  // recompute them from the title alone, so the index keeps who owns each term.
  const termOwnersOf = (text: string) => termOwners(analyse(text, locale, lexicon));
  return { terms, termOwners: { title: termOwnersOf(String(texts.title ?? '')), teaser: termOwnersOf(String(texts.teaser ?? '')) } };
}
