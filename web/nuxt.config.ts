// The public site: server-rendered search and detail pages. Keys live in the
// server-only runtimeConfig (set through NUXT_* variables) and never reach the browser.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { JS_FLAG_SCRIPT } from './shared/js-flag';

const JS_FLAG_HASH = `'sha256-${createHash('sha256').update(JS_FLAG_SCRIPT).digest('base64')}'`;
const SITE_STYLES = readFileSync(new URL('./app/assets/css/main.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  modules: ['@nuxtjs/i18n', '@nuxt/content', 'nuxt-security', './modules/browser-scripts'],
  content: {
    // node:sqlite (Node 24): no native module to compile, a smaller server bundle.
    experimental: { sqliteConnector: 'native' },
  },
  experimental: {
    // Links fetch their page's code when touched, hovered or focused, not as soon as they
    // scroll into view: on a phone the home page otherwise loaded the search page's code too.
    defaults: { nuxtLink: { prefetchOn: { visibility: false, interaction: true } } },
  },
  typescript: {
    strict: true,
    // web/browser/'s scripts run in the browser like the app: checked with its DOM types.
    tsConfig: { compilerOptions: { noUncheckedIndexedAccess: true }, include: ['../browser/**/*'] },
  },
  runtimeConfig: {
    // Public paths of web/browser/'s bundled scripts by name, filled in by modules/browser-scripts.ts.
    browserScripts: {} as Record<string, string>,
    meiliUrl: 'http://127.0.0.1:7700',
    // Comma-separated Meilisearch instances the CMS keeps alike: asked in turn when meiliUrl fails (server/search/meilisearch.ts).
    meiliReplicaUrls: '',
    meiliSearchKey: '',
    strapiUrl: 'http://127.0.0.1:1337',
    strapiToken: '',
    previewSecret: '',
    // Signs the CMS's "these changed" notices (POST /api/internal/purge); empty: the route is off.
    purgeSecret: '',
    caseStudyCache: true,
    // Whole rendered pages (server/cache/page-cache.ts); NUXT_PAGE_CACHE=false turns it off (the benchmarks compare both).
    pageCache: true,
    // How often the search counts for the editors' dashboard go to the CMS (server/plugins/search-statistics.ts).
    searchStatisticsIntervalMs: 60_000,
    // Public origin of the CMS admin: its preview panel may frame the site's preview routes.
    cmsPublicUrl: 'http://127.0.0.1:1337',
    // Requests per minute and client to pages and /api/** (0 = no limit); see server/middleware/rate-limit.ts.
    rateLimit: 600,
    // Public form submissions per client and hour (server/forms/public-form.ts).
    formRateLimit: 20,
    // How old a form sent without JavaScript (no proof of work) must be (server/forms/proof-of-work.ts).
    formMinSeconds: 5,
    // Signs the forms' proof-of-work challenges (server/forms/proof-of-work.ts); empty: random per start.
    altchaSecret: '',
    // true behind a reverse proxy: the client address is the last X-Forwarded-For entry (server/plugins/client-address.ts).
    isProxied: false,
    // The licence of the open-data downloads (OPEN_DATA_LICENSE): an id of OPEN_DATA_LICENSES in shared/open-data.ts.
    openDataLicense: 'CC-BY-4.0',
    public: {
      siteUrl: 'http://localhost:3000',
      // Days after which the CMS deletes the personal data of a contact request (REQUEST_RETENTION_DAYS), named next to the form.
      requestRetentionDays: 90,
      // Months after which a Hospitation or Austausch requester who agreed is asked once about a transfer (FOLLOW_UP_MONTHS), named next to the consent.
      followUpMonths: 6,
    },
  },
  app: {
    head: {
      charset: 'utf-8',
      viewport: 'width=device-width, initial-scale=1',
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
      // The site-wide stylesheet (2 KB) is part of every page's head, before the components'
      // inlined styles (which override it): no render-blocking request on a phone's first visit.
      style: [{ key: 'site-styles', innerHTML: SITE_STYLES }],
    },
  },
  hooks: {
    // The header's one language link is filled in by app/plugins/language-link.server.ts; i18n's
    // plugin for <SwitchLocalePathLink> searched every rendered page for such links.
    'app:resolve'(app) {
      app.plugins = app.plugins.filter((plugin) => !plugin.src.includes('switch-locale-path-ssr'));
    },
  },
  i18n: {
    defaultLocale: 'de',
    strategy: 'prefix_except_default',
    locales: [
      // The tags of LANGUAGE_TAGS (@praxis/search/domain), written out: `npm install` loads this
      // file (nuxt prepare) before it builds that package.
      { code: 'de', language: 'de-DE', name: 'Deutsch', file: 'de.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
    customRoutes: 'meta',
    detectBrowserLanguage: false,
    // Overridden at run time by NUXT_PUBLIC_I18N_BASE_URL (the public site URL) for canonical and hreflang links.
    baseUrl: 'http://localhost:3000',
  },
  routeRules: {
    // Pages without the Nuxt app: no framework to download, start and hydrate on a phone, nothing
    // to block the main thread; every link loads the next page as a whole. What such a page does
    // in the browser is a small script of its own (web/browser/, modules/browser-scripts.ts): the
    // search page's live search, facets and drawer. Only the forms and the preview keep the app.
    // Their scripts are the site's own files and one inline script allowed by its hash: no
    // per-response nonce, so the same HTML serves every reader (server/cache/page-cache.ts).
    // The editorial pages' paths are their file names in web/content/<locale>/.
    ...Object.fromEntries(
      [
        '/',
        '/en',
        '/praxisbeispiele',
        '/en/case-studies',
        '/praxisbeispiele/*',
        '/en/case-studies/*',
        '/merkliste',
        '/merkliste/vergleich',
        '/en/saved-list',
        '/en/saved-list/compare',
        '/statistik',
        '/en/statistics',
        '/open-data',
        '/en/open-data',
        '/api-dokumentation',
        '/en/api-documentation',
        '/veranstaltungen',
        '/veranstaltungen/*',
        '/en/events',
        '/en/events/*',
        ...readdirSync(new URL('./content/de', import.meta.url)).map((file) => `/${file.replace(/\.md$/, '')}`),
        ...readdirSync(new URL('./content/en', import.meta.url)).map((file) => `/en/${file.replace(/\.md$/, '')}`),
      ].map((path) => [path, { noScripts: true, security: { nonce: false, headers: { contentSecurityPolicy: { 'script-src': ["'self'", JS_FLAG_HASH] } } } }]),
    ),
    // Previews show drafts: never cached anywhere, never indexed.
    '/vorschau/**': { headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
    '/en/preview/**': { headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
    '/_nuxt/**': { headers: { 'cache-control': 'public, max-age=31536000, immutable' } },
    // Search and detail pages change with every publish: browsers and proxies ask again each
    // time; the site's own caches are fast and follow the CMS's change notices.
    '/praxisbeispiele/**': { headers: { 'cache-control': 'no-cache' } },
    '/en/case-studies/**': { headers: { 'cache-control': 'no-cache' } },
    '/veranstaltungen/**': { headers: { 'cache-control': 'no-cache' } },
    '/en/events/**': { headers: { 'cache-control': 'no-cache' } },
  },
  // Security headers (docs/security.md). Values known only at run time (the CMS origin,
  // https) are set in server/plugins/security-rules.ts.
  security: {
    headers: {
      contentSecurityPolicy: {
        'default-src': ["'self'"],
        'base-uri': ["'none'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'frame-src': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        // Only scripts the server rendered with this response's nonce, and what they load.
        'script-src': ["'self'", "'strict-dynamic'", "'nonce-{{nonce}}'"],
        'script-src-attr': ["'none'"],
        // Vue's style bindings are attributes; styles cannot run code.
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': false,
      },
      xFrameOptions: 'DENY',
      // Browsers ignore it over plain http (development); over https it pins the site to https.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubdomains: true },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    },
    // Its limiter loses counts under parallel requests; server/middleware/rate-limit.ts counts instead.
    rateLimiter: false,
    // Its size limit looks at Content-Length only; server/middleware/request-body-limit.ts counts
    // the bytes of every body as it reads them, with one limit per route (server/security/request-body.ts).
    requestSizeLimiter: false,
    // Search text such as "Kinder < 6" is legitimate; output is escaped where it is rendered.
    xssValidator: false,
    // The site's API is same-origin only.
    corsHandler: false,
    removeLoggers: false,
  },
  nitro: {
    // Serve the built assets' pre-compressed gzip and brotli copies.
    compressPublicAssets: true,
    // Cached functions (detail pages, sitemap and feed listings) live here: an LRU bounded in
    // entries and bytes, so no stream of distinct requests can grow the site's memory without end.
    storage: {
      cache: { driver: 'lru-cache', max: 5_000, maxSize: 64 * 1024 * 1024 },
    },
    modules: [
      // The server's own code is imported by path (server/<capability>/, docs/architecture.md):
      // Nitro would auto-import every export of server/utils/, which no reader and no tool can
      // follow. Taken off its list, a name used without its import fails the typecheck. h3's and
      // Nitro's own helpers (defineEventHandler, useRuntimeConfig, …) stay auto-imported.
      (nitro) => {
        if (!nitro.options.imports) return;
        const utilsDirs = new Set(nitro.options.scanDirs.map((dir) => `${dir}/utils/**/*`));
        const dirs = nitro.options.imports.dirs ?? [];
        nitro.options.imports.dirs = dirs.filter((dir) => !utilsDirs.has(typeof dir === 'string' ? dir : dir.glob));
        // Nitro's own way of adding them (docs/upgrading.md): if it changes, say so rather than auto-import again.
        if (nitro.options.imports.dirs.length === dirs.length)
          throw new Error("server/utils/ is no longer in Nitro's imports.dirs as <dir>/utils/**/*: see docs/upgrading.md");
      },
    ],
  },
});
