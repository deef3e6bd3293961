/** Images and downloads uploaded in the CMS, served through the site so the CMS stays internal. */
export default defineEventHandler((event) => {
  const path = getRouterParam(event, 'path') ?? '';
  if (path.split('/').some((segment) => segment === '..' || segment === '')) throw createError({ statusCode: 404 });
  return proxyRequest(event, `${useRuntimeConfig().strapiUrl}/uploads/${path}`);
});
