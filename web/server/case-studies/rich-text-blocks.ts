// The site's rich text (sanitised HTML from Markdown, server/case-studies/rich-text.ts) as blocks of
// styled runs, for the PDF handout (handout-pdf.ts), which cannot render HTML.
import { toWinAnsi } from './win-ansi';

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  mono: boolean;
  link: string | null;
}

/** A paragraph-like piece of rich text; list items carry their marker, nesting is an indent level. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'item' | 'quote';
  marker: string;
  indent: number;
  runs: Run[];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'ul', 'ol', 'table', 'hr']);

/** The blocks of the rich text the site renders: paragraphs, headings, list items, quotes; tables as one line per row. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  const links: { href: string; firstRun: number }[] = [];
  // Typed through `as`: it is reassigned in the closures below, which narrowing does not see.
  let current = null as Block | null;
  let bold = 0;
  let italic = 0;
  let pre = 0;
  let quote = 0;
  let cellsInRow = 0;
  // A <br> waiting for the text after it: pdfkit drops a line break at the end of a run.
  let lineBreak = false;

  const finish = () => {
    if (current) {
      trimRuns(current.runs);
      if (current.runs.length) blocks.push(current);
    }
    current = null;
    lineBreak = false;
  };
  const start = (kind: Block['kind'], marker = '') => {
    finish();
    current = { kind, marker, indent: Math.max(0, lists.length - 1) + (quote ? 1 : 0), runs: [] };
    return current;
  };
  const block = (): Block => current ?? start(lists.length ? 'item' : quote ? 'quote' : 'paragraph');
  const append = (text: string, link: string | null = links.at(-1)?.href ?? null) => {
    // Source line breaks between tags are no text.
    if (!text || (!pre && !current?.runs.length && !text.trim())) return;
    let visible = text;
    if (lineBreak) {
      // The line after a <br> starts without a space.
      const rest = pre ? text : text.replace(/^ +/, '');
      if (!rest) return;
      visible = `\n${rest}`;
      lineBreak = false;
    }
    block().runs.push({ text: visible, bold: bold > 0, italic: italic > 0 || quote > 0, mono: pre > 0, link });
  };

  for (const [, closing, rawName, attributes, text] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>|([^<]+)/gi)) {
    if (text !== undefined) {
      const decoded = toWinAnsi(decodeEntities(text));
      append(pre ? decoded : decoded.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    const name = rawName!.toLowerCase();
    const isClosing = closing === '/';
    if (name === 'strong' || name === 'b' || name === 'th') bold += isClosing ? -1 : 1;
    if (name === 'em' || name === 'i') italic += isClosing ? -1 : 1;
    if (name === 'br' && current?.runs.length) lineBreak = true;
    if (name === 'a') {
      if (!isClosing) links.push({ href: decodeEntities(/href\s*=\s*"([^"]*)"/i.exec(attributes ?? '')?.[1] ?? ''), firstRun: current?.runs.length ?? 0 });
      else {
        const link = links.pop();
        if (link?.href && current) appendLinkTarget(current, link.href, link.firstRun, append);
      }
    }
    if (name === 'th' || name === 'td') {
      if (!isClosing && cellsInRow++ > 0) append(' | ', null);
      continue;
    }
    if (!BLOCK_TAGS.has(name)) continue;

    if (name === 'ul' || name === 'ol') {
      finish();
      if (isClosing) lists.pop();
      else lists.push({ ordered: name === 'ol', count: Number(/start\s*=\s*"(\d+)"/i.exec(attributes ?? '')?.[1] ?? 1) - 1 });
    } else if (name === 'blockquote') {
      finish();
      quote += isClosing ? -1 : 1;
    } else if (name === 'pre') {
      finish();
      pre += isClosing ? -1 : 1;
    } else if (isClosing || name === 'hr') {
      finish();
    } else if (name === 'li') {
      const list = lists.at(-1);
      const marker = list?.ordered ? `${++list.count}.` : '•';
      start('item', marker);
    } else if (name === 'p' && current?.kind === 'item' && !current.runs.length) {
      // A loose list's "<li><p>…": the paragraph is the item's text.
    } else {
      if (name === 'tr') cellsInRow = 0;
      start(/^h[2-6]$/.test(name) ? 'heading' : lists.length ? 'item' : quote ? 'quote' : 'paragraph');
    }
  }
  finish();
  return blocks;
}

/** A link prints as "text (target)" unless its text already is the target (a bare URL or address). */
function appendLinkTarget(block: Block, href: string, firstRun: number, append: (text: string, link: string | null) => void) {
  const target = href.replace(/^(mailto|tel):/i, '');
  const linkText = block.runs
    .slice(firstRun)
    .map((run) => run.text)
    .join('')
    .trim();
  if (linkText !== target && linkText !== href) append(` (${toWinAnsi(target)})`, href);
}

function trimRuns(runs: Run[]) {
  while (runs.length && !runs[0]!.text.trim()) runs.shift();
  while (runs.length && !runs.at(-1)!.text.trim()) runs.pop();
  if (!runs.length) return;
  runs[0]!.text = runs[0]!.text.replace(/^[ \n]+/, '');
  runs.at(-1)!.text = runs.at(-1)!.text.replace(/[ \n]+$/, '');
}
