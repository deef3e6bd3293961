// Pages that ship without the Nuxt app (routeRules noScripts in nuxt.config.ts) may still need
// a little behaviour: it lives in small TypeScript modules in web/browser/, bundled and minified
// here by rolldown (the bundler Vite already uses) into content-hashed files under /_scripts/.
// A page adds its script with useBrowserScript('<file name without .ts>').
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineNuxtModule } from 'nuxt/kit';
import { build } from 'rolldown';

export const BROWSER_SCRIPTS_BASE = '/_scripts/';

export default defineNuxtModule({
  meta: { name: 'browser-scripts' },
  async setup(_options, nuxt) {
    const sourceDir = join(nuxt.options.rootDir, 'browser');
    // Outside the build directory, which `nuxt build` empties after the modules have run.
    const outDir = join(nuxt.options.rootDir, 'node_modules', '.cache', 'browser-scripts');
    const entries = readdirSync(sourceDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

    async function bundle(): Promise<Record<string, string>> {
      rmSync(outDir, { recursive: true, force: true });
      const scripts: Record<string, string> = {};
      // One build per script, each a single file: what two scripts share (shared/hooks.ts) is
      // copied into both, not split into a chunk of its own that each page would fetch second.
      for (const file of entries) {
        const { output } = await build({
          input: { [basename(file, '.ts')]: join(sourceDir, file) },
          // The scripts need no path aliases; web/tsconfig.json only refers to Nuxt's generated files.
          tsconfig: false,
          output: { dir: outDir, format: 'esm', minify: !nuxt.options.dev, entryFileNames: nuxt.options.dev ? '[name].js' : '[name]-[hash].js' },
          logLevel: 'warn',
        });
        for (const chunk of output) {
          if (chunk.type === 'chunk' && chunk.isEntry) scripts[chunk.name] = `${BROWSER_SCRIPTS_BASE}${chunk.fileName}`;
        }
      }
      return scripts;
    }

    // The file names are read on the server only (useBrowserScript), never by the client.
    nuxt.hook('nitro:config', async (config) => {
      config.runtimeConfig = { ...config.runtimeConfig, browserScripts: await bundle() };
      config.publicAssets ??= [];
      config.publicAssets.push({ dir: outDir, baseURL: BROWSER_SCRIPTS_BASE, maxAge: nuxt.options.dev ? 0 : 31_536_000 });
    });
    if (nuxt.options.dev) {
      nuxt.hook('builder:watch', async (_event, path) => {
        if (path.includes('browser/') || path.includes('shared/')) await bundle();
      });
    }
  },
});
