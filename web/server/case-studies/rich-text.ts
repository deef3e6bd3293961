import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown from the CMS → HTML. markdown-it escapes raw HTML (html: false) and
// refuses unsafe link schemes; sanitize-html then enforces an allowlist as a
// second line of defence, so no script, event handler or javascript: URL survives.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'b',
  'i',
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
];

/** Renders CMS Markdown to safe HTML; headings start at `<h3>` because the page's sections are `<h2>`. */
export function renderRichText(source: string | null | undefined): string {
  if (!source?.trim()) return '';
  const html = markdown.render(source);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      h1: 'h3',
      h2: 'h3',
      h3: 'h4',
      h4: 'h5',
      h5: 'h6',
      // External links open in place; rel keeps the referrer and opener out.
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    },
    exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
  });
}
