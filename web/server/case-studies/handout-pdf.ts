import PDFDocument from 'pdfkit';
import { isLocale, LANGUAGE_TAGS } from '@praxis/search/domain';
import type { CaseStudyPage } from '../../shared/case-study';
import { htmlToBlocks, type Block, type Run } from './rich-text-blocks';
import { toWinAnsi } from './win-ansi';

/** Every heading and label the handout prints itself, in the handout's language. */
export interface HandoutLabels {
  /** Heading of the facts block, e.g. "Auf einen Blick". */
  facts: string;
  sections: { description: string; startingSituation: string; goals: string; approach: string; results: string; afterFunding: string };
  transferability: string;
  firstSteps: string;
  successFactors: string;
  pitfalls: string;
  /** Heading of the project's partners, e.g. "Partner". */
  partners: string;
  links: string;
  contact: string;
  provider: string;
  /** Label of the contact's organisation and role, e.g. "Ansprechperson". */
  contactPerson: string;
  email: string;
  phone: string;
  website: string;
  /** Footer: "<source>: <url>", e.g. "Quelle". */
  source: string;
  /** Footer: "<generatedOn> <date>", e.g. "Stand:". */
  generatedOn: string;
}

/** A label and its value, already in the site's words (vocabulary names, formatted numbers and dates). */
export interface HandoutFact {
  label: string;
  value: string;
}

export interface HandoutInput {
  caseStudy: CaseStudyPage;
  /** Public URL of the case study, printed in every page's footer. */
  url: string;
  labels: HandoutLabels;
  /** The "at a glance" block under the teaser: place, target groups, topics, status, funding, quality criteria, last reviewed, … */
  facts: HandoutFact[];
  /** Staff, budget range, duration, partners needed: shown with the first steps in the transferability box. */
  transferabilityFacts?: HandoutFact[];
  /** Date of the handout, formatted for its language. */
  generatedOn: string;
}

const AUTHOR = 'Praxisdatenbank Zusammen im Quartier';
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const SIZE = { title: 22, teaser: 12, section: 14, subheading: 11.5, body: 10.5, footer: 8 };
// The site's ink and brand blue (app/assets/css/main.css).
const COLOR = { text: '#1d2731', muted: '#4a5865', accent: '#0b5a7a', rule: '#c5d5de' };
const LINE_GAP = 2;
const BLOCK_GAP = 5;
const ITEM_GAP = 2;
// Wide enough for a marker "10." and a gap.
const LIST_INDENT = 18;
const FACT_LABEL_WIDTH = 150;
const BAR_WIDTH = 3;
const BAR_PADDING = 12;

/**
 * The case study as a printable A4 handout: title, teaser, facts, the rich-text sections, the
 * transferability box, success factors, pitfalls, partners, what came after the funding, links and contact;
 * every page's footer names the source URL and "page / pages". Built-in Helvetica only: no
 * font files to ship, text outside its WinAnsi character set is replaced (see toWinAnsi).
 */
export async function renderCaseStudyPdf(input: HandoutInput): Promise<Buffer> {
  const { caseStudy, labels } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: isLocale(caseStudy.locale) ? LANGUAGE_TAGS[caseStudy.locale] : caseStudy.locale,
    displayTitle: true,
    // Metadata is stored as UTF-16: no WinAnsi limit there.
    info: { Title: caseStudy.title, Author: AUTHOR, Subject: caseStudy.teaser },
  });
  const done = collect(doc);

  writePlain(doc, caseStudy.title, { size: SIZE.title, bold: true, color: COLOR.accent });
  doc.y += 4;
  if (caseStudy.teaser) writePlain(doc, caseStudy.teaser, { size: SIZE.teaser, color: COLOR.muted });
  doc.y += 10;
  writeFacts(doc, labels.facts, input.facts);

  const sections = labels.sections;
  writeRichSection(doc, sections.description, caseStudy.html.description);
  writeRichSection(doc, sections.startingSituation, caseStudy.html.startingSituation);
  writeRichSection(doc, sections.goals, caseStudy.html.goals);
  writeRichSection(doc, sections.approach, caseStudy.html.approach);
  writeRichSection(doc, sections.results, caseStudy.html.results);
  writeTransferability(doc, labels, input.transferabilityFacts ?? [], caseStudy.transferability?.firstStepsHtml ?? '');
  writeListSection(doc, labels.successFactors, caseStudy.successFactors);
  writeListSection(doc, labels.pitfalls, caseStudy.pitfalls);
  writeListSection(doc, labels.partners, caseStudy.partners);
  writeRichSection(doc, sections.afterFunding, caseStudy.html.afterFunding);
  writeListSection(
    doc,
    labels.links,
    caseStudy.links.map((link) => [
      plainRun(link.label || link.url, link.url),
      ...(link.label && link.label !== link.url ? [plainRun(` (${link.url})`, link.url)] : []),
    ]),
  );
  writeContact(doc, labels, caseStudy);

  // The date first: a URL too long for the line is what gets cut.
  writeFooters(doc, `${labels.generatedOn} ${input.generatedOn} · ${labels.source}: ${input.url}`);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// ---- Layout ----------------------------------------------------------------------------------

function fontFor(style: { bold?: boolean; italic?: boolean; mono?: boolean }): string {
  if (style.mono) return 'Courier';
  if (style.bold && style.italic) return 'Helvetica-BoldOblique';
  if (style.bold) return 'Helvetica-Bold';
  return style.italic ? 'Helvetica-Oblique' : 'Helvetica';
}

function left(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.left;
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` still fits below the current position (or the page is still empty). */
function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > bottom(doc) && doc.y > doc.page.margins.top + 1) doc.addPage();
}

function writePlain(
  doc: PDFKit.PDFDocument,
  text: string,
  style: { size: number; bold?: boolean; italic?: boolean; color?: string; x?: number; width?: number },
) {
  const x = style.x ?? left(doc);
  doc
    .font(fontFor(style))
    .fontSize(style.size)
    .fillColor(style.color ?? COLOR.text);
  doc.text(toWinAnsi(text), x, doc.y, { width: style.width ?? contentWidth(doc) - (x - left(doc)), lineGap: LINE_GAP });
}

function writeHeading(doc: PDFKit.PDFDocument, text: string, size = SIZE.section, x = left(doc), width = contentWidth(doc)) {
  doc.y += size === SIZE.section ? 10 : 4;
  // Keep a heading with at least three lines of what follows it.
  ensureSpace(doc, size * 1.4 + 3 * (SIZE.body + LINE_GAP) * 1.2);
  writePlain(doc, text, { size, bold: true, color: size === SIZE.section ? COLOR.accent : COLOR.text, x, width });
  doc.y += 3;
}

function writeRuns(doc: PDFKit.PDFDocument, runs: Run[], x: number, width: number, size: number) {
  doc.fillColor(COLOR.text);
  runs.forEach((run, index) => {
    doc.font(fontFor(run)).fontSize(size);
    const options = { width, lineGap: LINE_GAP, continued: index < runs.length - 1, link: run.link, underline: false };
    if (index === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
}

function writeBlocks(doc: PDFKit.PDFDocument, blocks: Block[], x = left(doc), width = contentWidth(doc)) {
  for (const block of blocks) {
    if (block.kind === 'heading') {
      writeHeading(doc, block.runs.map((run) => run.text).join(''), SIZE.subheading, x, width);
      continue;
    }
    const indent = block.indent * LIST_INDENT + (block.kind === 'item' ? LIST_INDENT : 0);
    ensureSpace(doc, 2 * (SIZE.body + LINE_GAP) * 1.2);
    const top = doc.y;
    if (block.marker) {
      doc.font('Helvetica').fontSize(SIZE.body).fillColor(COLOR.text);
      doc.text(block.marker, x + indent - LIST_INDENT, top, { width: LIST_INDENT, lineBreak: false });
      doc.y = top;
    }
    writeRuns(doc, block.runs, x + indent, width - indent, SIZE.body);
    doc.y += block.kind === 'item' ? ITEM_GAP : BLOCK_GAP;
  }
}

function writeRichSection(doc: PDFKit.PDFDocument, heading: string, html: string) {
  const blocks = htmlToBlocks(html);
  if (!blocks.length) return;
  writeHeading(doc, heading);
  writeBlocks(doc, blocks);
}

function plainRun(text: string, link: string | null = null): Run {
  return { text: toWinAnsi(text), bold: false, italic: false, mono: false, link };
}

/** A bulleted list of plain items (success factors, pitfalls) or of prepared runs (links). */
function writeListSection(doc: PDFKit.PDFDocument, heading: string, items: (string | Run[])[]) {
  const blocks = items
    .map((item): Block => ({ kind: 'item', marker: '•', indent: 0, runs: typeof item === 'string' ? [plainRun(item.trim())] : item }))
    .filter((block) => block.runs.some((run) => run.text.trim()));
  if (!blocks.length) return;
  writeHeading(doc, heading);
  writeBlocks(doc, blocks);
}

/** Label and value side by side; a long value wraps in its own column. */
function writeFactRows(doc: PDFKit.PDFDocument, facts: HandoutFact[], x: number, width: number) {
  for (const fact of facts.filter((candidate) => candidate.value.trim())) {
    const value = toWinAnsi(fact.value);
    doc.font('Helvetica').fontSize(SIZE.body);
    ensureSpace(doc, doc.heightOfString(value, { width: width - FACT_LABEL_WIDTH, lineGap: LINE_GAP }));
    const top = doc.y;
    writePlain(doc, fact.label, { size: SIZE.body, bold: true, x, width: FACT_LABEL_WIDTH - 8 });
    const labelBottom = doc.y;
    doc.y = top;
    writePlain(doc, value, { size: SIZE.body, x: x + FACT_LABEL_WIDTH, width: width - FACT_LABEL_WIDTH });
    doc.y = Math.max(doc.y, labelBottom) + 2;
  }
}

function writeFacts(doc: PDFKit.PDFDocument, heading: string, facts: HandoutFact[]) {
  if (!facts.some((fact) => fact.value.trim())) return;
  writeHeading(doc, heading);
  withSideBar(doc, () => writeFactRows(doc, facts, left(doc) + BAR_PADDING, contentWidth(doc) - BAR_PADDING));
}

function writeTransferability(doc: PDFKit.PDFDocument, labels: HandoutLabels, facts: HandoutFact[], firstStepsHtml: string) {
  const firstSteps = htmlToBlocks(firstStepsHtml);
  if (!firstSteps.length && !facts.some((fact) => fact.value.trim())) return;
  writeHeading(doc, labels.transferability);
  withSideBar(doc, () => {
    const x = left(doc) + BAR_PADDING;
    const width = contentWidth(doc) - BAR_PADDING;
    writeFactRows(doc, facts, x, width);
    if (!firstSteps.length) return;
    writeHeading(doc, labels.firstSteps, SIZE.subheading, x, width);
    writeBlocks(doc, firstSteps, x, width);
  });
}

function writeContact(doc: PDFKit.PDFDocument, labels: HandoutLabels, caseStudy: CaseStudyPage) {
  const { provider, contact } = caseStudy;
  const facts: HandoutFact[] = [
    { label: labels.provider, value: [provider?.name, provider?.website].filter(Boolean).join('\n') },
    { label: labels.contactPerson, value: [contact?.organisation, contact?.role].filter(Boolean).join('\n') },
    { label: labels.email, value: contact?.email ?? '' },
    { label: labels.phone, value: contact?.phone ?? '' },
    { label: labels.website, value: contact?.website ?? '' },
  ];
  if (!facts.some((fact) => fact.value.trim())) return;
  writeHeading(doc, labels.contact);
  writeFactRows(doc, facts, left(doc), contentWidth(doc));
}

/**
 * Runs `write` and draws an accent bar left of what it wrote, on every page it spans: a box
 * that needs no height measured in advance.
 */
function withSideBar(doc: PDFKit.PDFDocument, write: () => void) {
  const firstPage = currentPage(doc);
  const top = doc.y;
  write();
  const lastPage = currentPage(doc);
  const end = doc.y;
  for (let page = firstPage; page <= lastPage; page++) {
    doc.switchToPage(page);
    const from = page === firstPage ? top : doc.page.margins.top;
    const to = page === lastPage ? end : bottom(doc);
    if (to > from) doc.rect(left(doc), from, BAR_WIDTH, to - from).fill(COLOR.rule);
  }
  doc.y = end + BLOCK_GAP;
}

function currentPage(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function writeFooters(doc: PDFKit.PDFDocument, source: string) {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // Text below the bottom margin would make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin + 24;
    const pageLabel = `${page - range.start + 1} / ${range.count}`;
    doc.font('Helvetica').fontSize(SIZE.footer).fillColor(COLOR.muted);
    doc
      .moveTo(left(doc), y - 6)
      .lineTo(left(doc) + contentWidth(doc), y - 6)
      .lineWidth(0.5)
      .stroke(COLOR.rule);
    doc.text(toWinAnsi(source), left(doc), y, { width: contentWidth(doc) - 50, height: SIZE.footer * 1.3, ellipsis: true, lineBreak: false });
    doc.text(pageLabel, left(doc) + contentWidth(doc) - 50, y, { width: 50, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
