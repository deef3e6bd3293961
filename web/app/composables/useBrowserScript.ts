/**
 * Adds one of web/browser/'s scripts (bundled by modules/browser-scripts.ts) to a page rendered
 * without the Nuxt app. The server renders the tag with this response's CSP nonce.
 */
export function useBrowserScript(name: string): void {
  if (!import.meta.server) return;
  const src = (useRuntimeConfig().browserScripts as Record<string, string>)[name];
  if (!src) throw new Error(`no browser script named ${name} in web/browser/`);
  useHead({ script: [{ key: `browser-script-${name}`, src, type: 'module', tagPosition: 'bodyClose' }] });
}
