import { uploadResponseHeaders } from '@praxis/search';
import { uploadUrl } from '../../security/upload-url';

/**
 * Images and downloads uploaded in the CMS, served through the site so the CMS stays internal.
 * Only real files under the CMS's /uploads/ are fetched, and the caller's headers (Authorization,
 * cookies, …) never travel on: only those that make caching and ranges work. The content type is
 * never forwarded: it comes from the media library's allowlist, with the same no-sniff, sandbox
 * and download headers as on the CMS (uploadResponseHeaders), since these files are not pages the
 * site rendered and its Content-Security-Policy does not cover them.
 */
const FORWARDED_REQUEST_HEADERS = ['if-none-match', 'if-modified-since', 'range'];
const FORWARDED_RESPONSE_HEADERS = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'cache-control'];

export default defineEventHandler(async (event) => {
  // The raw path, as the client sent it: decoding first would hide an encoded `\` or `/`.
  const rawPath = event.path.replace(/^\/uploads\//, '').replace(/\?.*$/, '');
  const url = uploadUrl(useRuntimeConfig().strapiUrl, rawPath);
  if (!url) throw createError({ statusCode: 404, statusMessage: 'Not Found' });

  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = getRequestHeader(event, name);
    if (value) headers[name] = value;
  }
  const response = await fetch(url, { method: event.method === 'HEAD' ? 'HEAD' : 'GET', headers, redirect: 'manual' }).catch((cause: unknown) => {
    throw createError({ statusCode: 502, statusMessage: 'Bad Gateway', cause });
  });
  if (![200, 206, 304].includes(response.status)) {
    await response.body?.cancel();
    throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  }
  setResponseStatus(event, response.status);
  // fetch has already decoded a compressed body, so its length header would be wrong.
  const decoded = response.headers.has('content-encoding');
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (name === 'content-length' && decoded) continue;
    if (value) setResponseHeader(event, name, value);
  }
  for (const [name, value] of Object.entries(uploadResponseHeaders(rawPath))) setResponseHeader(event, name, value);
  return response.body ?? null;
});
