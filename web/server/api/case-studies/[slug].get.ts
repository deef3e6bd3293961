import { findRelated, type SearchHit } from '@praxis/search';
import { z } from 'zod';
import type { CaseStudyPage } from '../../../shared/case-study';

const params = z.object({ slug: z.string().max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) });
const query = z.object({ locale: z.enum(['de', 'en']).default('de') });

export type CaseStudyAnswer =
  | { kind: 'found'; caseStudy: CaseStudyPage; related: SearchHit[] }
  | { kind: 'translated'; slug: string }
  | { kind: 'other-language-only'; locale: string; slug: string }
  | { kind: 'missing' };

function geoCentre(caseStudy: CaseStudyPage): { lat: number; lng: number } | null {
  const points = caseStudy.places.filter((place) => place.lat !== null && place.lon !== null);
  if (points.length === 0) return null;
  return {
    lat: points.reduce((sum, place) => sum + place.lat!, 0) / points.length,
    lng: points.reduce((sum, place) => sum + place.lon!, 0) / points.length,
  };
}

/** An unknown slug is remembered this long only, so a flood of made-up slugs cannot fill the cache with misses. */
const MISSING_TTL_MS = 10_000;

// Detail pages are read from the CMS and cached for a minute (served stale while refreshing),
// in the size-bounded LRU cache storage (nuxt.config.ts, nitro.storage.cache).
const lookup = defineCachedFunction(async (slug: string, locale: 'de' | 'en'): Promise<CaseStudyAnswer> => {
  const found = await loadCaseStudy(cmsFetch, slug, locale);
  if (found.kind !== 'found') return found;
  const { caseStudy } = found;
  const related = await findRelated(useMeilisearch(), {
    slug: caseStudy.slug, locale, buildingBlockSlug: caseStudy.buildingBlock?.slug ?? null,
    topicSlugs: caseStudy.topics.map((topic) => topic.slug), targetGroupSlugs: caseStudy.targetGroups.map((group) => group.slug),
    geo: geoCentre(caseStudy),
  }).catch(() => []);
  return { kind: 'found', caseStudy, related };
}, {
  name: 'case-study', maxAge: 60, swr: true, getKey: (slug: string, locale: string) => `${locale}/${slug}`,
  validate: (entry) => entry.value !== undefined && (entry.value.kind !== 'missing' || Date.now() - (entry.mtime ?? 0) < MISSING_TTL_MS),
  // NUXT_CASE_STUDY_CACHE=false turns the cache off (the benchmark compares both).
  shouldBypassCache: () => !useRuntimeConfig().caseStudyCache,
});

/** `GET /api/case-studies/<slug>?locale=de`: a published case study with its related ones, or where it lives instead. */
export default defineEventHandler(async (event) => {
  const slug = params.safeParse(getRouterParams(event));
  const locale = query.safeParse(getQuery(event));
  if (!locale.success) throw createError({ statusCode: 400, statusMessage: 'locale must be de or en' });
  if (!slug.success) return { kind: 'missing' } satisfies CaseStudyAnswer;
  const answer = await lookup(slug.data.slug, locale.data.locale);
  setResponseHeader(event, 'cache-control', 'public, max-age=60, stale-while-revalidate=300');
  return answer;
});
