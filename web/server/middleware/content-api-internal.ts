// @nuxt/content answers its SQL endpoint (/__nuxt_content/<collection>/query) to anyone, and
// with a 500 when it refuses a query. Only the site's own server asks it (editorial pages are
// queried through /api/pages), so it is closed to everyone else.
import { isInternalRequest } from '../security/client-address';

export default defineEventHandler((event) => {
  if (event.path.startsWith('/__nuxt_content/') && !isInternalRequest(event)) {
    throw createError({ statusCode: 404, statusMessage: 'Not Found' });
  }
});
