// nuxt-security's options that are known only at run time: whether the site is served over
// https (upgrade-insecure-requests), the CMS origin whose preview panel may frame the
// preview routes. And its rules per path, resolved once: nuxt-security builds a router over
// every route's rules and deep-copies all of them (and builds another router for the route's
// name) for each request it asks about (each page, each of a page's internal API calls, each
// static file): a tenth of the site's CPU on a search page, more on a cached page or a file.
import { createDefu } from 'defu';
import { createRouter, toRouteMatcher } from 'radix3';

const PREVIEW_ROUTES = ['/vorschau/**', '/en/preview/**'];
/** Distinct paths whose rules are kept (each a small object); beyond that the oldest go. */
const MAX_RESOLVED_PATHS = 2_000;

// How nuxt-security merges rules (its utils/merge): a more specific route's list replaces the general one.
const defuReplaceArray = createDefu((target, key, value) => {
  if (Array.isArray(target[key]) || Array.isArray(value)) {
    target[key] = value as never;
    return true;
  }
});

type Rules = Record<string, unknown> & { headers?: Record<string, unknown> | false };
/** What nuxt-security's resolveSecurityRules and resolveSecurityRoute answer for a path. */
interface PathSecurity {
  rules: Rules;
  route: string;
}

export default defineNitroPlugin((nitroApp) => {
  const {
    cmsPublicUrl,
    public: { siteUrl },
  } = useRuntimeConfig();
  let securityFor: ((path: string) => PathSecurity) | undefined;

  nitroApp.hooks.hook('nuxt-security:routeRules', (rules) => {
    const globalHeaders = rules['/**']?.headers || {};
    const contentSecurityPolicy = {
      ...(globalHeaders.contentSecurityPolicy || {}),
      'upgrade-insecure-requests': siteUrl.startsWith('https://'),
    };
    rules['/**'] = { ...rules['/**'], headers: { ...globalHeaders, contentSecurityPolicy } };
    for (const route of PREVIEW_ROUTES) {
      rules[route] = {
        ...rules[route],
        headers: {
          ...(rules[route]?.headers || {}),
          contentSecurityPolicy: { ...contentSecurityPolicy, 'frame-ancestors': [new URL(cmsPublicUrl).origin] },
          xFrameOptions: false,
        },
      };
    }
    // As nuxt-security's resolveSecurityRules and resolveSecurityRoute do it, once per path.
    const matcher = toRouteMatcher(createRouter({ routes: structuredClone(rules) as Record<string, Rules> }));
    const routes = createRouter<{ name: string }>({ routes: Object.fromEntries(Object.keys(rules).map((name) => [name, { name }])) });
    const resolved = new Map<string, PathSecurity>();
    securityFor = (path) => {
      let security = resolved.get(path);
      if (!security) {
        security = { rules: defuReplaceArray({}, ...(matcher.matchAll(path) as Rules[]).reverse()) as Rules, route: routes.lookup(path)?.name ?? '' };
        if (resolved.size >= MAX_RESOLVED_PATHS) resolved.delete(resolved.keys().next().value!);
        resolved.set(path, security);
      }
      return security;
    };
  });

  nitroApp.hooks.hook('request', (event) => {
    if (!securityFor || event.context.security?.rules) return;
    const { rules, route } = securityFor(event.path.split('?', 1)[0]!);
    // nuxt-security writes this response's policy (with its nonce) into rules.headers: each request its own copy of that level.
    event.context.security = { ...event.context.security, route, rules: { ...rules, headers: rules.headers && { ...rules.headers } } };
  });
});
