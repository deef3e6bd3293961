// A production site with a forgotten or local NUXT_PUBLIC_SITE_URL would hand out
// http://localhost:3000 in shared Merkliste links, feeds, PDF footers and exports: it stops at
// start instead, saying what to set (the rule: @praxis/search, cms-site/site-url.ts).
import { localSiteUrlRefusal } from '@praxis/search';

export default defineNitroPlugin(() => {
  if (process.env.NODE_ENV !== 'production') return;
  // The configured value, not the runtime default (http://localhost:3000), tells "not set" apart.
  const refusal = localSiteUrlRefusal(process.env.NUXT_PUBLIC_SITE_URL, process.env, 'NUXT_PUBLIC_SITE_URL (SITE_URL)');
  if (!refusal) return;
  console.error(`[site] ${refusal}`);
  process.exit(1);
});
