import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedPage, gzippedPage, MAX_BYTES, storePage } from './page-cache';
import { applyChangeNotice, caseStudiesChanged, isEventsCurrent } from './purge';

const MB = 1024 * 1024;
// Random bytes: their gzip copy is as big as they are (and a little more: a page of just under 1 MB).
const page = (loadedAt: number, bytes = MB - 4096) => ({
  headers: { 'content-type': 'text/html', 'content-length': bytes, 'x-ratelimit-remaining': '5' },
  body: randomBytes(bytes),
  loadedAt,
});

describe('the page cache', () => {
  it('keeps at most MAX_BYTES, the gzip copies included, and lets the least recently read pages go first', () => {
    const now = Date.now();
    const pages = MAX_BYTES / MB;
    for (let index = 0; index < pages; index += 1) storePage(`/p${index}`, page(now));
    expect(cachedPage('/p0', now)).toBeDefined();
    // Reading /p0 made /p1 the least recently read: the next page pushes it out.
    storePage('/new', page(now));
    expect(cachedPage('/p1', now)).toBeUndefined();
    expect(cachedPage('/p0', now)).toBeDefined();
    // A gzip copy takes room too: made for /p0, it pushes out the next oldest, /p2.
    const p0 = cachedPage('/p0', now)!;
    expect(gunzipSync(gzippedPage(p0)).equals(p0.body)).toBe(true);
    expect(cachedPage('/p2', now)).toBeUndefined();
    expect(cachedPage('/p3', now)).toBeDefined();
  });

  it('keeps only the headers of the page, with a weak ETag of its bytes', () => {
    const now = Date.now();
    storePage('/headers', page(now, 10));
    const stored = cachedPage('/headers', now)!;
    expect(stored.headers).toEqual([['content-type', 'text/html']]);
    expect(stored.etag).toMatch(/^W\/"[\w-]{32}"$/);
  });

  it('answers nothing that a change notice came after, or that is older than the longest cache lifetime', () => {
    const loadedAt = Date.now() - 1_000;
    storePage('/before', page(loadedAt, 10));
    storePage('/old', page(loadedAt - 2 * 3_600_000, 10));
    expect(cachedPage('/before')).toBeDefined();
    expect(cachedPage('/old')).toBeUndefined();
    caseStudiesChanged(['any'], loadedAt + 1);
    expect(cachedPage('/before')).toBeUndefined();
  });

  it('answers nothing rendered before an events notice: a case study page lists its events', () => {
    const loadedAt = Date.now() - 500;
    storePage('/praxisbeispiele/mit-veranstaltung', page(loadedAt, 10));
    expect(cachedPage('/praxisbeispiele/mit-veranstaltung')).toBeDefined();
    expect(isEventsCurrent(loadedAt)).toBe(true);
    applyChangeNotice({ caseStudies: [], vocabulary: false, all: false, events: true }, loadedAt + 1);
    expect(isEventsCurrent(loadedAt)).toBe(false);
    expect(cachedPage('/praxisbeispiele/mit-veranstaltung')).toBeUndefined();
  });
});
