// Whole server-rendered pages kept in memory. The home page, the search pages (list and map)
// and the detail pages are a pure function of their URL and of what is published, so the same
// URL asked again is answered from here without rendering (middleware/rendered-page-cache.ts
// answers, plugins/page-cache.ts stores). Every change notice of the CMS (cache/purge.ts)
// makes all pages loaded before it stale: any publish may change a page's hits, counts, newest
// cards or related case studies. Bounded in bytes, so no stream of distinct URLs can grow the
// site's memory without end.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { H3Event } from 'h3';
import { isInternalRequest } from '../security/client-address';
import { isEventsCurrent, isListCurrent, isVocabularyCurrent, PURGED_CACHE_MAX_AGE_MS } from './purge';

const CACHED_PATH = /^\/(?:en\/?)?$|^\/(?:praxisbeispiele|en\/case-studies)(?:\/[^/]+)?$/;
/** Identity and gzip copies together; a search page takes ~160 KB, a detail page ~30 KB. */
export const MAX_BYTES = 32 * 1024 * 1024;
/** Headers that belong to one response or one reader, not to the page. */
const PER_RESPONSE_HEADER =
  /^(?:content-length|content-encoding|transfer-encoding|connection|keep-alive|date|vary|set-cookie|retry-after|etag|x-ratelimit-.*|x-page-cache)$/;

export interface CachedPage {
  headers: [name: string, value: string | number | string[]][];
  body: Buffer;
  /** Weak (the same for both encodings): a browser that has this page gets a 304 without a body. */
  etag: string;
  /** Made when a reader first accepts gzip, unless the page was rendered for one. */
  gzip?: Buffer;
  /** When the render began: a change notice after that makes the page stale. */
  loadedAt: number;
  /** The search this page shows, counted again each time the copy is served (search/statistics.ts). */
  search?: PageSearch;
}

/** A counted search (search/answer.ts): its language, its text, its filters (describeFilters), whether its words found nothing. */
export interface PageSearch {
  locale: string;
  text: string;
  filters: string;
  miss: boolean;
}

declare module 'h3' {
  interface H3EventContext {
    /** Set for a page this cache may keep: its key and when its render began. */
    pageCache?: { key: string; loadedAt: number };
    /** Set when a practitioner's new search was counted (search/answer.ts): a cached copy of the page counts it again. */
    pageSearch?: PageSearch;
  }
}

const pages = new Map<string, CachedPage>();
let bytes = 0;

const size = (page: CachedPage) => page.body.byteLength + (page.gzip?.byteLength ?? 0);

function remove(key: string): void {
  const page = pages.get(key);
  if (!page) return;
  pages.delete(key);
  bytes -= size(page);
}

/** The key of a page this cache may answer, or undefined (other pages, other methods, the site's own requests). */
export function pageCacheKey(event: H3Event): string | undefined {
  if (event.method !== 'GET' || isInternalRequest(event) || !useRuntimeConfig().pageCache) return undefined;
  const path = event.path.split('?', 1)[0]!;
  return CACHED_PATH.test(path) ? event.path : undefined;
}

/** The current copy of the page under `key`, or undefined (none, or a change notice came after it was rendered). */
export function cachedPage(key: string, now = Date.now()): CachedPage | undefined {
  const page = pages.get(key);
  if (!page) return undefined;
  if (
    !isListCurrent(page.loadedAt) ||
    !isVocabularyCurrent(page.loadedAt) ||
    !isEventsCurrent(page.loadedAt) ||
    now - page.loadedAt > PURGED_CACHE_MAX_AGE_MS
  ) {
    remove(key);
    return undefined;
  }
  // Most recently used last: the map's first entries are the ones to evict.
  pages.delete(key);
  pages.set(key, page);
  return page;
}

/** The gzipped copy of a page `cachedPage` just returned (level 9: made once, sent many times). */
export function gzippedPage(page: CachedPage): Buffer {
  if (!page.gzip) {
    page.gzip = gzipSync(page.body, { level: 9 });
    bytes += page.gzip.byteLength;
    evictOverflow();
  }
  return page.gzip;
}

/** Keeps a rendered page; the least recently used ones go when the cache is full. */
export function storePage(key: string, page: Omit<CachedPage, 'headers' | 'etag'> & { headers: Record<string, string | number | string[] | undefined> }): void {
  const entry: CachedPage = {
    ...page,
    etag: `W/"${createHash('sha256').update(page.body).digest('base64url').slice(0, 32)}"`,
    headers: Object.entries(page.headers).filter(
      (header): header is [string, string | number | string[]] => header[1] !== undefined && !PER_RESPONSE_HEADER.test(header[0]),
    ),
  };
  if (size(entry) > MAX_BYTES / 8) return;
  remove(key);
  pages.set(key, entry);
  bytes += size(entry);
  evictOverflow();
}

function evictOverflow(): void {
  for (const oldest of pages.keys()) {
    if (bytes <= MAX_BYTES) break;
    remove(oldest);
  }
}
