// Answers a page from cache/page-cache.ts when a current copy is there; otherwise marks the
// request so that plugins/page-cache.ts keeps what the renderer answers. Runs after the rate
// limit (middleware run in file-name order): a cached page counts like any other.
import { cachedPage, gzippedPage, pageCacheKey } from '../cache/page-cache';
import { countSearch, fromPractitioner } from '../search/statistics';

export default defineEventHandler((event) => {
  const key = pageCacheKey(event);
  if (!key) return;
  const page = cachedPage(key);
  if (!page) {
    event.context.pageCache = { key, loadedAt: Date.now() };
    return;
  }
  if (page.search && fromPractitioner(event)) countSearch(page.search.locale, page.search.text, page.search.filters, page.search.miss);
  const response = event.node.res;
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader('vary', 'accept-encoding');
  response.setHeader('x-page-cache', 'hit');
  response.setHeader('etag', page.etag);
  if (
    getRequestHeader(event, 'if-none-match')
      ?.split(',')
      .some((tag) => tag.trim() === page.etag)
  ) {
    setResponseStatus(event, 304);
    return null;
  }
  if (/\bgzip\b/.test(getRequestHeader(event, 'accept-encoding') ?? '')) {
    response.setHeader('content-encoding', 'gzip');
    return gzippedPage(page);
  }
  return page.body;
});
