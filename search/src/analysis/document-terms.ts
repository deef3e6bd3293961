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

/** The fields that name what a case study is: a word there is what it is about, not a word it mentions. */
const NAMING_FIELDS = ['title', 'teaser', 'topicNames', 'targetGroupNames', 'municipalityNames', 'districtNames', 'settingNames', 'provider'] as const;
const BODY_FIELDS = SEARCHED_FIELDS.filter((field) => !(NAMING_FIELDS as readonly string[]).includes(field));

/**
 * A term the body of a case study uses at least this often is one of its subjects (`frequent`):
 * Meilisearch ranks by where a word stands, not by how often, so a text that mentions a Kita once
 * would otherwise count as much as one about Kitas (measured with bench:relevance: 2 to 4).
 */
export const FREQUENT_TERM_MIN = 3;

/** The index's term fields, most important first: the naming fields, the body's frequent terms, the body. */
export const TERM_FIELDS = [...NAMING_FIELDS, 'frequent', ...BODY_FIELDS] as const;
/** Where a term says what a case study is about (see `central` in search-case-studies.ts). */
export const CENTRAL_TERM_FIELDS = [...NAMING_FIELDS, 'frequent'] as const;

export type TermField = (typeof TERM_FIELDS)[number];
export type DocumentTerms = Record<TermField, string | string[]>;

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
  const bodyCounts = new Map<string, number>();
  SEARCHED_FIELDS.forEach((field, index) => {
    const value = values[index]!;
    const analysed = (text: string) => {
      const indexed = indexedTerms(analyse(text, locale, lexicon));
      if (BODY_FIELDS.includes(field)) for (const term of indexed.split(' ').filter(Boolean)) bodyCounts.set(term, (bodyCounts.get(term) ?? 0) + 1);
      return indexed;
    };
    terms[field] = Array.isArray(value) ? value.map(analysed) : analysed(value);
  });
  terms.frequent = [...bodyCounts].filter(([, count]) => count >= FREQUENT_TERM_MIN).map(([term]) => term);
  // Which parts a compound gets depends on the whole case study: the highlighter cannot
  // recompute them from the title alone, so the index keeps who owns each term.
  const termOwnersOf = (text: string) => termOwners(analyse(text, locale, lexicon));
  return { terms, termOwners: { title: termOwnersOf(String(texts.title ?? '')), teaser: termOwnersOf(String(texts.teaser ?? '')) } };
}
