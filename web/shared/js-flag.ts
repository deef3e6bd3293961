// The one inline script of the pages without the Nuxt app: before the first paint it tells the
// CSS that JavaScript runs (see .js-only in main.css). Those pages allow it by its hash
// (nuxt.config.ts), so their HTML carries no per-response nonce and can be cached whole.
export const JS_FLAG_SCRIPT = "document.documentElement.classList.add('js')";
