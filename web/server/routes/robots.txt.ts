/** `/robots.txt`: everything public may be indexed except previews and the API; points to the sitemap. */
export default defineEventHandler((event) => {
  const { siteUrl } = useRuntimeConfig().public;
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8');
  return ['User-agent: *', 'Disallow: /api/', 'Disallow: /vorschau/', 'Disallow: /en/preview/', '', `Sitemap: ${siteUrl}/sitemap.xml`, ''].join('\n');
});
