import { findRelated, type Locale, type SearchHit } from '@praxis/search';
import type { CaseStudyPage } from '../../../shared/case-study';

export type CaseStudyAnswer =
  | { kind: 'found'; caseStudy: CaseStudyPage; related: SearchHit[] }
  | { kind: 'translated'; slug: string }
  | { kind: 'other-language-only'; locale: string; slug: string }
  | { kind: 'moved'; slug: string }
  | { kind: 'missing' };

/** An unknown slug is remembered this long only, so a flood of made-up slugs cannot fill the cache with misses. */
const MISSING_TTL_MS = 10_000;

// Detail pages are read from the CMS and cached for a minute (served stale while refreshing),
// in the size-bounded LRU cache storage (nuxt.config.ts, nitro.storage.cache).
const lookup = defineCachedFunction(async (slug: string, locale: Locale): Promise<CaseStudyAnswer> => {
  const found = await loadCaseStudy(cmsFetch, slug, locale);
  if (found.kind !== 'found') return found;
  const { caseStudy } = found;
  // Related case studies are a bonus: without the index the page still shows.
  const related = await findRelated(useMeilisearch(), { documentId: caseStudy.documentId, locale }).catch(() => []);
  return { kind: 'found', caseStudy, related };
}, {
  name: 'case-study', maxAge: 60, swr: true, getKey: (slug: string, locale: string) => `${locale}/${slug}`,
  validate: (entry) => entry.value !== undefined && (entry.value.kind !== 'missing' || Date.now() - (entry.mtime ?? 0) < MISSING_TTL_MS),
  // NUXT_CASE_STUDY_CACHE=false turns the cache off (the benchmark compares both).
  shouldBypassCache: () => !useRuntimeConfig().caseStudyCache,
});

/** `GET /api/case-studies/<slug>?locale=de`: a published case study with its related ones, or where it lives instead. */
export default defineEventHandler(async (event) => {
  const { locale } = await getValidatedQuery(event, parseWith(localeQuery));
  const slug = slugParam.safeParse(getRouterParam(event, 'slug'));
  // A slug the CMS could never have made is simply not there: no CMS call, no cache entry.
  if (!slug.success) return { kind: 'missing' } satisfies CaseStudyAnswer;
  const answer = await lookup(slug.data, locale);
  setResponseHeader(event, 'cache-control', 'public, max-age=60, stale-while-revalidate=300');
  return answer;
});
