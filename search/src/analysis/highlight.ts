// Result highlights on the original text: Meilisearch reports which indexed terms matched (their
// positions in `terms.title`, `terms.teaser`); the index also keeps which word each term belongs
// to, and the whole word is marked — never a piece of it.
import { analyse } from './terms.ts';

/** Where Meilisearch found a query word in an attribute (`_matchesPosition`). */
export interface MatchPosition {
  start: number;
  length: number;
}

/** A field as the index holds it: its terms, and for each term the index of the word it belongs to. */
export interface IndexedField {
  terms: string;
  owners: number[];
}

const utf8 = new TextEncoder();
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/**
 * The text as safe HTML whose only markup is `<mark>` around the words whose terms matched.
 * Positions are UTF-8 byte offsets into the indexed terms, as Meilisearch counts them.
 */
export function highlightWords(text: string, locale: string, matches: readonly MatchPosition[] | undefined, indexed: IndexedField | undefined): string {
  if (!matches?.length || !indexed) return escapeHtml(text);
  // The same words as at indexing (their parts may differ; the owners say whose a term is).
  const tokens = analyse(text, locale);
  const starts: number[] = [];
  let offset = 0;
  for (const term of indexed.terms.split(' ')) {
    starts.push(offset);
    offset += utf8.encode(term).length + 1;
  }
  const marked = new Set<number>();
  for (const match of matches) {
    let termIndex = starts.findLastIndex((start) => start <= match.start);
    while (termIndex !== -1 && termIndex < starts.length && starts[termIndex]! < match.start + match.length) {
      const owner = indexed.owners[termIndex];
      if (owner !== undefined && tokens[owner]) marked.add(owner);
      termIndex += 1;
    }
  }
  let html = '';
  let cursor = 0;
  for (const index of [...marked].sort((a, b) => a - b)) {
    const token = tokens[index]!;
    html += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    cursor = token.end;
  }
  return html + escapeHtml(text.slice(cursor));
}
