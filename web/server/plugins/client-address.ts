// The rate limiter counts requests per client address. h3 would take it from the first
// X-Forwarded-For entry, which any client can write, so it is set here instead: the socket's
// address, or, behind our reverse proxy (NUXT_IS_PROXIED), the entry that proxy appended
// last. A client-sent value of the header is always overwritten.
import { CLIENT_ADDRESS_HEADER, isInternalRequest } from '../security/client-address';

export default defineNitroPlugin((nitroApp) => {
  const { isProxied } = useRuntimeConfig();
  nitroApp.hooks.hook('request', (event) => {
    if (isInternalRequest(event)) return;
    let address = event.node.req.socket.remoteAddress!;
    if (isProxied) {
      const forwarded = getRequestHeader(event, 'x-forwarded-for')
        ?.split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      address = forwarded?.at(-1) ?? address;
    }
    event.node.req.headers[CLIENT_ADDRESS_HEADER] = address;
  });
});
