// Runs the judged queries through the site's own search door (`searchCaseStudies`) against an
// index of the demo content and measures what comes back.
import { readFileSync } from 'node:fs';
import type { Meilisearch } from 'meilisearch';
import { analyse, indexSettings, MAX_PAGE_SIZE, parseSearchParams, resolveIndexQuery, searchCaseStudies, SearchIndexes } from '@praxis/search';
import { demoDocuments } from './demo-corpus.ts';
import { fragmentHighlights, markedWords, ndcgAt, precisionAt, recall, isRelatedTerm, type Judgments } from './metrics.ts';

export type QueryClass = 'word' | 'compound' | 'plural' | 'synonym' | 'typo' | 'transliteration' | 'place-topic' | 'phrase' | 'broad';

export interface JudgedQuery {
  locale: 'de' | 'en';
  class: QueryClass;
  q: string;
  relevant: Judgments;
  why?: string;
}

export function loadJudgedQueries(): JudgedQuery[] {
  return (JSON.parse(readFileSync(new URL('judged-queries.json', import.meta.url), 'utf8')) as { queries: JudgedQuery[] }).queries;
}

/** The demo content of both locales in its indexes, with the settings from code. */
export async function indexDemoContent(client: Meilisearch): Promise<Record<'de' | 'en', number>> {
  const indexes = new SearchIndexes(client);
  const sizes = { de: 0, en: 0 };
  for (const locale of ['de', 'en'] as const) {
    const documents = demoDocuments(locale);
    await indexes.ensureIndex(locale);
    await indexes.confirm([(await indexes.enqueueUpsert(locale, documents))!]);
    sizes[locale] = documents.length;
  }
  return sizes;
}

export interface QueryResult {
  query: JudgedQuery;
  /** Slugs in result order, every page. */
  ranked: string[];
  ndcg10: number;
  precision10: number;
  recall: number;
  /** Share of the locale's corpus returned. */
  corpusShare: number;
  /** Highlighted pieces of words in the titles and teasers of the first page. */
  fragments: string[];
  /** Highlighted words there that have nothing to do with the query, its synonyms or its parts. */
  strayMarks: string[];
}

/** Every term a highlight may legitimately stand for: the query's, its synonyms', its compounds' parts. */
async function queryVariants(client: Meilisearch, query: JudgedQuery): Promise<string[]> {
  const asked = (await resolveIndexQuery(client, parseSearchParams(new URLSearchParams({ q: query.q, locale: query.locale })).state!)) ?? '';
  const terms = [...analyse(query.q, query.locale).map((token) => token.term), ...asked.replaceAll('"', '').split(' ')].filter(Boolean);
  const synonyms = indexSettings(query.locale).synonyms ?? {};
  // Synonyms are keyed by phrases of up to three terms ("aufsuch arbeit" ⇄ "streetwork").
  const phrases = terms.flatMap((_, from) => [1, 2, 3].map((length) => terms.slice(from, from + length).join(' ')));
  return [...new Set([...terms, ...phrases.flatMap((phrase) => (synonyms[phrase] ?? []).flatMap((synonym) => synonym.split(' ')))])];
}

export async function evaluateQuery(client: Meilisearch, query: JudgedQuery, corpusSize: number): Promise<QueryResult> {
  const ranked: string[] = [];
  const fragments: string[] = [];
  const strayMarks: string[] = [];
  const variants = await queryVariants(client, query);
  for (let page = 1; ; page += 1) {
    const params = new URLSearchParams({ q: query.q, locale: query.locale, pageSize: String(MAX_PAGE_SIZE), page: String(page) });
    const outcome = await searchCaseStudies(client, params);
    if (outcome.status !== 200) throw new Error(`"${query.q}": ${outcome.body.error}`);
    for (const hit of outcome.body.hits) {
      ranked.push(hit.slug);
      if (page !== 1) continue;
      fragments.push(...fragmentHighlights(hit.titleHtml), ...fragmentHighlights(hit.teaserHtml));
      for (const word of [...markedWords(hit.titleHtml), ...markedWords(hit.teaserHtml)]) {
        const terms = analyse(word, query.locale).flatMap((token) => [token.term, ...token.parts]);
        if (!terms.some((term) => variants.some((variant) => isRelatedTerm(term, variant)))) strayMarks.push(word);
      }
    }
    if (page >= outcome.body.pageCount) break;
  }
  return {
    query,
    ranked,
    fragments,
    strayMarks,
    ndcg10: ndcgAt(10, ranked, query.relevant),
    precision10: precisionAt(10, ranked, query.relevant),
    recall: recall(ranked, query.relevant),
    corpusShare: ranked.length / corpusSize,
  };
}

export interface ClassSummary {
  /** `all`: both locales together. */
  locale: 'de' | 'en' | 'all';
  class: QueryClass | 'all';
  queries: number;
  ndcg10: number;
  precision10: number;
  recall: number;
  corpusShare: number;
  /** Queries that returned more than a quarter of the corpus although fewer are judged relevant. */
  floods: number;
  fragments: number;
  strayMarks: number;
}

/** The judgments allow a result list this long: more than a quarter of the corpus only for a broad query. */
export function isFlood(result: QueryResult, corpusSize: number): boolean {
  const judged = Object.values(result.query.relevant).filter((grade) => grade > 0).length;
  return result.ranked.length > Math.max(corpusSize / 4, judged);
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export function summarise(results: QueryResult[], corpusSizes: Record<'de' | 'en', number>): ClassSummary[] {
  const groups = new Map<string, QueryResult[]>();
  for (const result of results) {
    for (const key of [`${result.query.locale} ${result.query.class}`, `${result.query.locale} all`, 'all all']) {
      groups.set(key, [...(groups.get(key) ?? []), result]);
    }
  }
  return [...groups]
    .map(([key, group]) => {
      const [locale, queryClass] = key.split(' ') as ['de' | 'en' | 'all', QueryClass | 'all'];
      return {
        locale,
        class: queryClass,
        queries: group.length,
        ndcg10: mean(group.map((result) => result.ndcg10)),
        precision10: mean(group.map((result) => result.precision10)),
        recall: mean(group.map((result) => result.recall)),
        corpusShare: mean(group.map((result) => result.corpusShare)),
        floods: group.filter((result) => isFlood(result, corpusSizes[result.query.locale])).length,
        fragments: group.reduce((sum, result) => sum + result.fragments.length, 0),
        strayMarks: group.reduce((sum, result) => sum + result.strayMarks.length, 0),
      };
    })
    .sort(
      (a, b) =>
        (a.locale === 'all' ? 1 : b.locale === 'all' ? -1 : a.locale.localeCompare(b.locale)) ||
        (a.class === 'all' ? 1 : b.class === 'all' ? -1 : a.class.localeCompare(b.class)),
    );
}
