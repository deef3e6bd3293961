// The page's text first, its code after. Every page is complete as server-rendered HTML; the
// scripts only hydrate it. Fetched from the <head>, the ~110 KB of module scripts compete with
// the HTML for a slow phone connection and delay the first paint (measured with Lighthouse's
// mobile throttling: first and largest paint 2.1 s with them in the head, 1.1 s without). So the
// server moves them into a small inline loader that adds the same tags (modulepreload links and
// the entry module, with all their attributes, integrity included) once the first frame is
// painted; a tab opened in the background loads them at once.
const DEFERRED_TAG = /<link rel="modulepreload"[^>]*>|<script type="module"[^>]*\ssrc="[^"]*"[^>]*><\/script>/g;
const ATTRIBUTE = /\s([a-z-]+)(?:="([^"]*)")?/g;
const LOADER = `(function(t){function l(){t.forEach(function(e){var n=document.createElement(e[0]);for(var k in e[1])n.setAttribute(k,e[1][k]);document.head.appendChild(n)})}document.visibilityState==='hidden'?l():requestAnimationFrame(function(){setTimeout(l)})})`;

type Tag = [name: string, attributes: Record<string, string>];

const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function parseTag(markup: string): Tag {
  const name = markup.startsWith('<link') ? 'link' : 'script';
  const opening = markup.slice(name.length + 1, markup.indexOf('>'));
  const attributes: Record<string, string> = {};
  for (const [, key, value] of opening.matchAll(ATTRIBUTE)) attributes[key!] = unescapeAttribute(value ?? '');
  return [name, attributes];
}

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html) => {
    const tags: Tag[] = [];
    const take = (chunk: string) =>
      chunk.replace(DEFERRED_TAG, (markup) => {
        tags.push(parseTag(markup));
        return '';
      });
    html.head = html.head.map(take);
    html.bodyAppend = html.bodyAppend.map(take);
    if (tags.length === 0) return;
    // Links first, the entry last: the entry's imports are then already on their way.
    tags.sort(([a], [b]) => (a === b ? 0 : a === 'link' ? -1 : 1));
    // nuxt-security's render:html hook (it runs after the site's own plugins) gives it this response's nonce.
    html.bodyAppend.push(`<script>${LOADER}(${JSON.stringify(tags).replace(/</g, '\\u003c')})</script>`);
  });
});
