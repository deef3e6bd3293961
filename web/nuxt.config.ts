// The public site: server-rendered search and detail pages. Keys live in the
// server-only runtimeConfig (set through NUXT_* variables) and never reach the browser.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  devtools: { enabled: false },
  telemetry: false,
  modules: ['@nuxtjs/i18n', '@nuxt/content'],
  content: {
    // node:sqlite (Node 24): no native module to compile, a smaller server bundle.
    experimental: { sqliteConnector: 'native' },
  },
  css: ['~/assets/css/main.css'],
  typescript: {
    strict: true,
    tsConfig: { compilerOptions: { noUncheckedIndexedAccess: true } },
  },
  runtimeConfig: {
    meiliUrl: 'http://127.0.0.1:7700',
    meiliSearchKey: '',
    strapiUrl: 'http://127.0.0.1:1337',
    strapiToken: '',
    previewSecret: '',
    caseStudyCache: true,
    public: {
      siteUrl: 'http://localhost:3000',
    },
  },
  app: {
    head: {
      charset: 'utf-8',
      viewport: 'width=device-width, initial-scale=1',
      link: [{ rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    },
  },
  i18n: {
    defaultLocale: 'de',
    strategy: 'prefix_except_default',
    locales: [
      { code: 'de', language: 'de-DE', name: 'Deutsch', file: 'de.json' },
      { code: 'en', language: 'en-GB', name: 'English', file: 'en.json' },
    ],
    customRoutes: 'meta',
    detectBrowserLanguage: false,
    // Overridden at run time by NUXT_PUBLIC_I18N_BASE_URL (the public site URL) for canonical and hreflang links.
    baseUrl: 'http://localhost:3000',
  },
  routeRules: {
    // Previews show drafts: never cached anywhere, never indexed.
    '/vorschau/**': { headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
    '/en/preview/**': { headers: { 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' } },
    '/_nuxt/**': { headers: { 'cache-control': 'public, max-age=31536000, immutable' } },
  },
  nitro: {
    // The site talks to Meilisearch and Strapi from the server only.
    compressPublicAssets: true,
  },
});
