import { describe, expect, it } from 'vitest';
import { renderRichText } from './rich-text';

const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">klick</a>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](javascript&#58;alert(1))',
  '[klick](  javascript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klick](vbscript:msgbox(1))',
  '![bild](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.org/a.png)',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "javascript:alert(1)";</style>',
  '<<script>script>alert(1)<</script>/script>',
  '[x](https://example.org "title\\" onmouseover=\\"alert(1)")',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '`<script>alert(1)</script>`',
  '<scr<script>ipt>alert(1)</script>',
];

const SAFE_TAGS = new Set([
  'p',
  'br',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const SAFE_ATTRIBUTES = new Set(['href', 'title', 'rel', 'align']);

/** Every real tag (escaped text like `&lt;script&gt;` is harmless text) must be allowlisted, with harmless attributes only. */
function assertInert(html: string): void {
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(SAFE_TAGS, `<${tag}> in ${html}`).toContain(tag!.toLowerCase());
    for (const [, name, value] of attributes!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      expect(SAFE_ATTRIBUTES, `${name} in ${html}`).toContain(name!.toLowerCase());
      if (name === 'href') expect(value, html).toMatch(/^(https?:|mailto:|tel:)/);
    }
  }
}

describe('renderRichText', () => {
  it('renders Markdown with headings below the page sections and safe links', () => {
    expect(renderRichText('## Ablauf\n\n- **eins**\n- [Träger](https://example.org)')).toBe(
      '<h3>Ablauf</h3>\n<ul>\n<li><strong>eins</strong></li>\n<li><a href="https://example.org" rel="noopener noreferrer">Träger</a></li>\n</ul>\n',
    );
  });

  it('returns nothing for empty input', () => {
    expect(renderRichText(null)).toBe('');
    expect(renderRichText('   ')).toBe('');
  });

  it.each(XSS_PAYLOADS)('keeps %s inert', (payload) => {
    const html = renderRichText(`Text davor\n\n${payload}\n\nText danach`);
    assertInert(html);
    expect(html).toContain('Text danach');
  });

  it('keeps payloads inert inside lists, quotes and tables too', () => {
    for (const payload of XSS_PAYLOADS) {
      assertInert(renderRichText(`- ${payload}\n\n> ${payload}\n\n| a |\n|---|\n| ${payload} |`));
    }
  });
});
