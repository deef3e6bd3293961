/** An open-data address of a version this site does not have: say which it has. */
export default defineEventHandler((event) => {
  const version = getRouterParam(event, 'version');
  throw createError({ statusCode: 404, statusMessage: 'Not Found', message: `no API version "${version}"; this site has v1 (see /api/openapi.json)` });
});
