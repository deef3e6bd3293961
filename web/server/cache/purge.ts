// What the CMS told this site instance has changed, and when (POST /api/internal/purge).
// Cached answers remember when they were loaded and which case studies they show; an answer
// loaded before one of those case studies changed is stale and loaded again. An answer whose
// load was still running when the notice came counts as stale too, so nothing old slips back.
import { forgetIndexVocabulary } from '@praxis/search';

/** The longest any purge-aware cache keeps an answer; older purge times can no longer matter. */
export const PURGED_CACHE_MAX_AGE_MS = 60 * 60_000;

const caseStudyChangedAt = new Map<string, number>();
let anyCaseStudyChangedAt = 0;
let vocabularyChangedAt = 0;
let everythingChangedAt = 0;
let eventsChangedAt = 0;

export function caseStudiesChanged(documentIds: Iterable<string>, now = Date.now()): void {
  // New or changed texts bring new words (compounds, "Meinten Sie …?").
  forgetIndexVocabulary();
  for (const documentId of documentIds) caseStudyChangedAt.set(documentId, now);
  anyCaseStudyChangedAt = now;
  // Bounded: a notice older than the longest cache lifetime can no longer make anything stale.
  if (caseStudyChangedAt.size > 10_000) {
    for (const [documentId, at] of caseStudyChangedAt) if (now - at > PURGED_CACHE_MAX_AGE_MS) caseStudyChangedAt.delete(documentId);
  }
}

export function vocabularyChanged(now = Date.now()): void {
  // Renamed taxonomies and the editors' synonyms (Suchbegriffe) come with this notice.
  forgetIndexVocabulary();
  vocabularyChangedAt = now;
}

/** An event was published, changed or withdrawn: the events pages, the calendar and the case studies' "presented at" lists. */
export function eventsChanged(now = Date.now()): void {
  eventsChangedAt = now;
}

/** An answer that shows events (their lists, a case study's events) is still current. */
export function isEventsCurrent(loadedAt: number): boolean {
  return everythingChangedAt < loadedAt && eventsChangedAt < loadedAt;
}

/** After a full reindex: every cached answer is stale. */
export function everythingChanged(now = Date.now()): void {
  forgetIndexVocabulary();
  everythingChangedAt = now;
  anyCaseStudyChangedAt = now;
  vocabularyChangedAt = now;
}

/** An answer showing exactly these case studies, loaded at `loadedAt`, is still current. */
export function isCurrent(loadedAt: number, documentIds: readonly string[]): boolean {
  return everythingChangedAt < loadedAt && documentIds.every((documentId) => (caseStudyChangedAt.get(documentId) ?? 0) < loadedAt);
}

/** An answer that depends on which case studies exist (lists, "not found") is still current. */
export function isListCurrent(loadedAt: number): boolean {
  return anyCaseStudyChangedAt < loadedAt;
}

export function isVocabularyCurrent(loadedAt: number): boolean {
  return vocabularyChangedAt < loadedAt;
}

/** A change notice as the instances pass it on to each other (shared-state/): which case studies, the vocabulary, events, or everything. */
export interface ChangeNotice {
  caseStudies: string[];
  vocabulary: boolean;
  all: boolean;
  events?: boolean;
}

export function applyChangeNotice({ caseStudies, vocabulary, all, events }: ChangeNotice, now = Date.now()): void {
  if (all) everythingChanged(now);
  if (events) eventsChanged(now);
  if (caseStudies.length > 0) caseStudiesChanged(caseStudies, now);
  if (vocabulary) vocabularyChanged(now);
}
