import { findRelated, type Locale, type SearchHit } from '@praxis/search';
import type { H3Event } from 'h3';
import type { CaseStudyPage, SimilarTown, Transfer } from '../../../shared/case-study';
import { isCurrent, isListCurrent, PURGED_CACHE_MAX_AGE_MS } from '../../cache/purge';
import { loadCaseStudy, loadTransfers } from '../../case-studies/loader';
import { findSimilarTowns } from '../../case-studies/similar-towns';
import { cmsFetch } from '../../cms/strapi';
import { useMeilisearch } from '../../search/meilisearch';
import { localeQuery, parseWith, slugParam } from '../../security/request-schemas';

export type CaseStudyAnswer =
  | { kind: 'found'; caseStudy: CaseStudyPage; related: SearchHit[]; similarTowns: SimilarTown[]; transfers: Transfer[] }
  | { kind: 'translated'; slug: string }
  | { kind: 'other-language-only'; locale: string; slug: string }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

/** An unknown slug is remembered this long only, so a flood of made-up slugs cannot fill the cache with misses. */
const MISSING_TTL_MS = 10_000;

interface CachedAnswer {
  answer: CaseStudyAnswer;
  /** When the load began; an answer is stale once a case study it shows changed after that (cache/purge.ts). */
  loadedAt: number;
  /** The case study and its related ones: a change to any of them makes the page stale. */
  shows: string[];
}

// Detail pages are read from the CMS and kept for an hour in the size-bounded LRU cache storage
// (nuxt.config.ts, nitro.storage.cache). They are fresh because the CMS tells the site what
// changed once Meilisearch confirmed it; the hour only matters when such a notice is lost.
const lookup = defineCachedFunction(
  async (slug: string, locale: Locale): Promise<CachedAnswer> => {
    const loadedAt = Date.now();
    const found = await loadCaseStudy(cmsFetch, slug, locale);
    if (found.kind !== 'found') return { answer: found, loadedAt, shows: [] };
    const { caseStudy } = found;
    // Related case studies and similar towns are a bonus: without the index the page still shows.
    const [related, similarTowns, transfers] = await Promise.all([
      findRelated(useMeilisearch(), { documentId: caseStudy.documentId, locale }).catch(() => []),
      findSimilarTowns(caseStudy.places, locale).catch(() => []),
      // "Übertragen nach": a report's publication queues its case study, so this follows the same notices.
      loadTransfers(cmsFetch, caseStudy.documentId).catch(() => []),
    ]);
    return {
      answer: { kind: 'found', caseStudy, related, similarTowns, transfers },
      loadedAt,
      shows: [caseStudy.documentId, ...related.map((hit) => hit.documentId)],
    };
  },
  {
    name: 'case-study',
    maxAge: PURGED_CACHE_MAX_AGE_MS / 1000,
    swr: true,
    getKey: (slug: string, locale: string) => `${locale}/${slug}`,
    validate: ({ value, mtime }) => {
      if (value === undefined) return false;
      if (value.answer.kind === 'found') return isCurrent(value.loadedAt, value.shows);
      // "Not here" (missing, moved, another language) holds until a case study is published or changed.
      return isListCurrent(value.loadedAt) && (value.answer.kind !== 'missing' || Date.now() - (mtime ?? 0) < MISSING_TTL_MS);
    },
    // NUXT_CASE_STUDY_CACHE=false turns the cache off (the benchmark compares both).
    shouldBypassCache: () => !useRuntimeConfig().caseStudyCache,
  },
);

/** The answer to `GET …/case-studies/<slug>?locale=de`, shared by the unversioned and the versioned address. */
export async function caseStudyAnswer(event: H3Event): Promise<CaseStudyAnswer> {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const slug = slugParam.safeParse(getRouterParam(event, 'slug'));
  // A slug the CMS could never have made is simply not there: no CMS call, no cache entry.
  if (!slug.success) return { kind: 'missing' };
  const { answer } = await lookup(slug.data, locale);
  // The browser asks again each time: this server's cache is what is fast, and it is fresh.
  setResponseHeader(event, 'cache-control', 'no-cache');
  return answer;
}

/**
 * `GET /api/case-studies/<slug>?locale=de`: a published case study with its related ones, or where
 * it lives instead; an unknown slug is a 200 `{"kind":"missing"}`, which the site's own pages
 * (detail, contact, PDF handout) turn into their 404 page. `/api/v1/…` answers it with a 404.
 */
export default defineEventHandler(caseStudyAnswer);
