// Measures of a ranked result list against graded judgments (0 = not relevant, 1 = partly, 2 = about it).
import { editDistance } from '@praxis/search';

export type Judgments = Readonly<Record<string, number>>;

/** Normalised discounted cumulative gain of the first `k` results: 1 is the ideal order, 0 nothing relevant. */
export function ndcgAt(k: number, ranked: readonly string[], judgments: Judgments): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, slug, index) => sum + gain(judgments[slug] ?? 0) / Math.log2(index + 2), 0);
  const ideal = Object.values(judgments)
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, index) => sum + gain(grade) / Math.log2(index + 2), 0);
  return ideal === 0 ? (ranked.length === 0 ? 1 : 0) : dcg / ideal;
}

/**
 * Share of the first `k` results that are relevant, over the results there are: a query with two
 * relevant case studies that returns exactly those two scores 1, not 0.2.
 */
export function precisionAt(k: number, ranked: readonly string[], judgments: Judgments): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return Object.values(judgments).some((grade) => grade > 0) ? 0 : 1;
  return top.filter((slug) => (judgments[slug] ?? 0) > 0).length / top.length;
}

/** Share of the relevant case studies that were returned at all. */
export function recall(returned: readonly string[], judgments: Judgments): number {
  const relevant = Object.keys(judgments).filter((slug) => judgments[slug]! > 0);
  if (relevant.length === 0) return 1;
  const found = new Set(returned);
  return relevant.filter((slug) => found.has(slug)).length / relevant.length;
}

/**
 * Highlights that mark a piece of a word (`<mark>St</mark><mark>re</mark>et…`): a `<mark>` whose
 * text is glued to a letter or digit on either side.
 */
export function fragmentHighlights(html: string): string[] {
  // Marks that touch form one (a word marked as "Street" + "work" is marked whole).
  const merged = html.replaceAll('</mark><mark>', '');
  const wordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  const fragments: string[] = [];
  for (const match of merged.matchAll(/<mark>(.*?)<\/mark>/gsu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (wordChar(merged[start - 1]) || wordChar(merged[end])) fragments.push(match[1]!);
  }
  return fragments;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The texts inside `<mark>` (marks that touch joined), unescaped. */
export function markedWords(html: string): string[] {
  return [...html.replaceAll('</mark><mark>', '').matchAll(/<mark>(.*?)<\/mark>/gsu)].map((match) =>
    match[1]!.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!),
  );
}

/**
 * Whether a marked word's term can stand for a query term: one contains the other (a compound and
 * its part, a prefix typed so far) or they are at most two edits apart (a typo), or its beginning one.
 */
export function isRelatedTerm(term: string, queryTerm: string): boolean {
  if (term.length >= 3 && queryTerm.length >= 3 && (term.includes(queryTerm) || queryTerm.includes(term))) return true;
  // A typo of the whole word, or of its beginning (the word being typed).
  return editDistance(term, queryTerm) <= 2 || editDistance(term.slice(0, queryTerm.length), queryTerm) <= 1;
}
