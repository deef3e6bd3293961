import { extractLinks, extractText, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { CaseStudyPage } from '../../shared/case-study';
import { renderCaseStudyPdf, type HandoutInput, type HandoutLabels } from './handout-pdf';
import { renderRichText } from './rich-text';
import { htmlToBlocks } from './rich-text-blocks';
import { toWinAnsi } from './win-ansi';

const LABELS: HandoutLabels = {
  facts: 'Auf einen Blick',
  sections: {
    description: 'Beschreibung',
    startingSituation: 'Ausgangslage',
    goals: 'Ziele',
    approach: 'Vorgehen',
    results: 'Ergebnisse',
    afterFunding: 'Was wurde daraus?',
  },
  transferability: 'Übertragbarkeit',
  firstSteps: 'Erste Schritte',
  successFactors: 'Erfolgsfaktoren',
  pitfalls: 'Stolpersteine',
  partners: 'Partner',
  links: 'Weiterführende Links',
  contact: 'Kontakt',
  provider: 'Träger',
  contactPerson: 'Ansprechperson',
  email: 'E-Mail',
  phone: 'Telefon',
  website: 'Website',
  source: 'Quelle',
  generatedOn: 'Stand:',
};

const LONG_APPROACH = Array.from(
  { length: 14 },
  (_, index) =>
    `Im ${index + 1}. Schritt trafen sich Bewohnerinnen, Kita-Fachkräfte und das Quartiersmanagement in der Begegnungsstätte. ` +
    'Gemeinsam wurden Bedarfe gesammelt, Übergänge zwischen Kita und Grundschule besprochen und Zuständigkeiten geklärt; ' +
    'die Ergebnisse flossen in den nächsten Runden Tisch ein, der stets öffentlich tagte und von einer Übersetzerin begleitet wurde.',
).join('\n\n');

function caseStudy(overrides: Partial<CaseStudyPage> = {}): CaseStudyPage {
  return {
    documentId: 'abc123',
    locale: 'de',
    slug: 'familienzentrum-giessen',
    title: 'Familienzentrum Gießen-Nord: „Mitmachen“ im Quartier',
    teaser: 'Wie ein Stadtteil Übergänge für Familien gestaltet – mit Kita, Schule und Nachbarschaft.',
    buildingBlock: null,
    places: [],
    targetGroups: [],
    topics: [],
    settings: [],
    criteria: [],
    projectStatus: 'completed',
    fundingStart: 2021,
    fundingEnd: 2024,
    fundingPhase: null,
    html: {
      description: renderRichText(
        'Das **Familienzentrum** bündelt Angebote für *Eltern & Kinder* unter einem Dach. Mehr auf [der Projektseite](https://example.org/projekt).',
      ),
      startingSituation: renderRichText(
        'Viele Familien kannten die Angebote nicht:\n\n- zu wenige Treffpunkte\n- Sprachbarrieren\n  - Arabisch\n  - Türkisch\n- lange Wege',
      ),
      goals: renderRichText('1. Angebote bekannt machen\n2. Übergänge begleiten\n3. Ehrenamt stärken'),
      approach: renderRichText(LONG_APPROACH),
      results: renderRichText('Ein Familienfest 🎉 im Park, Grüße auf Chinesisch: 你好.\n\n> Wir kennen uns jetzt.\n\nKontakt: <info@example.org>'),
      afterFunding: renderRichText('Die Stadt übernahm die Stelle ab 2025.  \nDer Treff läuft weiter.'),
    },
    transferability: {
      staffFte: 1.5,
      budgetRange: 'from50kTo100k',
      durationMonths: 36,
      partnersNeeded: 'Kita, Grundschule',
      firstStepsHtml: renderRichText('1. Bedarfe erheben\n2. Partner gewinnen'),
    },
    successFactors: ['Verlässliche Ansprechpersonen vor Ort', 'Mehrsprachige Einladungen'],
    pitfalls: ['Zu viele Gremien'],
    partners: ['Stadt Gießen'],
    provider: { name: 'Diakonie Gießen e. V.', website: 'https://diakonie.example.org' },
    contact: { organisation: 'Stadtteilbüro Nord', role: 'Projektleitung', email: 'nord@example.org', phone: '0641 123456', website: null },
    links: [{ label: 'Abschlussbericht', url: 'https://example.org/bericht.pdf' }],
    downloads: [],
    images: [],
    lastReviewed: null,
    publishedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-02-01T00:00:00.000Z',
    slugs: { de: 'familienzentrum-giessen' },
    ...overrides,
  };
}

function input(overrides: Partial<CaseStudyPage> = {}): HandoutInput {
  return {
    caseStudy: caseStudy(overrides),
    url: 'https://praxisdatenbank.example.org/praxisbeispiele/familienzentrum-giessen',
    labels: LABELS,
    facts: [
      { label: 'Ort', value: 'Gießen (Landkreis Gießen, Hessen)' },
      { label: 'Zielgruppen', value: 'Familien, Kinder unter 6 Jahren, Ältere' },
      { label: 'Förderung', value: '2021–2024' },
      { label: 'Leer', value: '  ' },
    ],
    transferabilityFacts: [
      { label: 'Personal', value: '1,5 Vollzeitstellen' },
      { label: 'Budget', value: '50.000 bis 100.000 €' },
    ],
    generatedOn: '12.11.2026',
  };
}

/** The text of each page, with pdf.js's line and item breaks reduced to single spaces. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

describe('renderCaseStudyPdf', () => {
  it('renders a PDF of several pages with title, headings, facts, lists and umlauts', async () => {
    const pdf = await renderCaseStudyPdf(input());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join(' ');
    expect(all).toContain('Familienzentrum Gießen-Nord: „Mitmachen“ im Quartier');
    for (const heading of [
      'Auf einen Blick',
      'Beschreibung',
      'Ausgangslage',
      'Ziele',
      'Vorgehen',
      'Ergebnisse',
      'Übertragbarkeit',
      'Erste Schritte',
      'Erfolgsfaktoren',
      'Stolpersteine',
      'Partner',
      'Was wurde daraus?',
      'Weiterführende Links',
      'Kontakt',
    ]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain('Gießen (Landkreis Gießen, Hessen)');
    expect(all).toContain('50.000 bis 100.000 €');
    expect(all).toContain('Übergänge zwischen Kita und Grundschule');
    expect(all).toMatch(/• Sprachbarrieren/);
    expect(all).toMatch(/2\. Übergänge begleiten/);
    expect(all).toContain('der Projektseite (https://example.org/projekt)');
    expect(all).toContain('Abschlussbericht (https://example.org/bericht.pdf)');
    expect(all).toContain('Diakonie Gießen e. V.');
    expect(all).toMatch(/Partner • Stadt Gießen/);
    // A <br> breaks the line: pdf.js reads the break as a space, a lost break as none.
    expect(all).toContain('ab 2025. Der Treff läuft weiter.');
    expect(all).not.toContain('Leer');
  });

  it('puts the sections in the handout order', async () => {
    const all = (await pagesOf(await renderCaseStudyPdf(input()))).join(' ');
    const order = [
      'Auf einen Blick',
      'Beschreibung',
      'Ausgangslage',
      'Ziele',
      'Vorgehen',
      'Ergebnisse',
      'Übertragbarkeit',
      'Erfolgsfaktoren',
      'Stolpersteine',
      'Partner',
      'Was wurde daraus?',
      'Kontakt',
    ];
    let position = 0;
    for (const heading of order) {
      position = all.indexOf(heading, position);
      expect(position, heading).toBeGreaterThan(-1);
    }
  });

  it('prints the source and "page / pages" in every page’s footer', async () => {
    const pages = await pagesOf(await renderCaseStudyPdf(input()));
    pages.forEach((page, index) => {
      expect(page).toContain('Stand: 12.11.2026 · Quelle: https://praxisdatenbank.example.org/praxisbeispiele/familienzentrum-giessen');
      expect(page).toContain(`${index + 1} / ${pages.length}`);
    });
  });

  it('replaces characters outside WinAnsi instead of failing or printing mojibake', async () => {
    const all = (await pagesOf(await renderCaseStudyPdf(input()))).join(' ');
    expect(all).toContain('Ein Familienfest im Park, Grüße auf Chinesisch: ??.');
    expect(all).not.toMatch(/[^\u0020-\u007E\u00A0-\u00FF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u);
  });

  it('sets title, author, subject (Unicode, unlike the page text) and language', async () => {
    const { info } = await getMeta(new Uint8Array(await renderCaseStudyPdf(input({ teaser: 'Übergänge → Zukunft 🌱' }))));
    expect(info.Title).toBe('Familienzentrum Gießen-Nord: „Mitmachen“ im Quartier');
    expect(info.Author).toBe('Praxisdatenbank Zusammen im Quartier');
    expect(info.Subject).toBe('Übergänge → Zukunft 🌱');
    expect(info.Language).toBe('de-DE');
  });

  it('makes links clickable', async () => {
    const { links } = await extractLinks(new Uint8Array(await renderCaseStudyPdf(input())));
    expect(links).toEqual(expect.arrayContaining(['https://example.org/projekt', 'mailto:info@example.org', 'https://example.org/bericht.pdf']));
  });

  it('leaves out empty sections and a missing contact', async () => {
    const sparse = input({
      html: { description: '<p>Nur eine Beschreibung.</p>', startingSituation: '', goals: '', approach: '', results: '', afterFunding: '' },
      transferability: null,
      successFactors: [],
      pitfalls: [],
      links: [],
      provider: null,
      contact: null,
    });
    const pages = await pagesOf(await renderCaseStudyPdf({ ...sparse, transferabilityFacts: [] }));
    expect(pages).toHaveLength(1);
    for (const heading of ['Ausgangslage', 'Ziele', 'Übertragbarkeit', 'Erfolgsfaktoren', 'Was wurde daraus?', 'Kontakt']) {
      expect(pages[0]).not.toContain(heading);
    }
    expect(pages[0]).toContain('Nur eine Beschreibung.');
  });
});

describe('htmlToBlocks', () => {
  const text = (html: string) =>
    htmlToBlocks(html).map((block) => `${'  '.repeat(block.indent)}${block.marker ? `${block.marker} ` : ''}${block.runs.map((run) => run.text).join('')}`);

  it('turns paragraphs, headings and nested lists into blocks with markers and indents', () => {
    expect(text(renderRichText('Einleitung\n\n### Plan\n\n1. eins\n2. zwei\n   - a\n   - b\n3. drei'))).toEqual([
      'Einleitung',
      'Plan',
      '1. eins',
      '2. zwei',
      '  • a',
      '  • b',
      '3. drei',
    ]);
    expect(htmlToBlocks(renderRichText('### Plan')).map((block) => block.kind)).toEqual(['heading']);
  });

  it('keeps a loose list item’s paragraphs with their item', () => {
    expect(text(renderRichText('1. eins\n\n   mehr dazu\n\n2. zwei'))).toEqual(['1. eins', 'mehr dazu', '2. zwei']);
    expect(htmlToBlocks(renderRichText('1. eins\n\n   mehr dazu')).map((block) => [block.kind, block.indent])).toEqual([
      ['item', 0],
      ['item', 0],
    ]);
  });

  it('numbers an ordered list from its start', () => {
    expect(text('<ol start="4"><li>vier</li><li>fünf</li></ol>')).toEqual(['4. vier', '5. fünf']);
  });

  it('decodes entities, keeps bold and italic runs and prints link targets', () => {
    const [block] = htmlToBlocks(
      '<p>A &amp; B &lt;3&gt; &quot;x&quot; &#39;y&#39;&nbsp;z &#x20AC; <strong>fett</strong> <em>kursiv</em> <a href="https://a.example/?x=1&amp;y=2">Seite</a> <a href="https://b.example">https://b.example</a></p>',
    );
    expect(block!.runs.map((run) => run.text).join('')).toBe('A & B <3> "x" \'y\'\u00A0z € fett kursiv Seite (https://a.example/?x=1&y=2) https://b.example');
    expect(block!.runs.find((run) => run.text === 'fett')).toMatchObject({ bold: true, italic: false });
    expect(block!.runs.find((run) => run.text === 'kursiv')).toMatchObject({ bold: false, italic: true });
    expect(block!.runs.find((run) => run.text === 'Seite')).toMatchObject({ link: 'https://a.example/?x=1&y=2' });
  });

  it('breaks lines at <br> without a leading space', () => {
    expect(text(renderRichText('Zeile eins  \nZeile zwei'))).toEqual(['Zeile eins\nZeile zwei']);
  });
});

describe('toWinAnsi', () => {
  it('keeps German typography and replaces what the standard fonts cannot print', () => {
    expect(toWinAnsi('Größe „Öl“ – 5 € … ß')).toBe('Größe „Öl“ – 5 € … ß');
    expect(toWinAnsi('a → b ≥ c − d')).toBe('a -> b >= c - d');
    expect(toWinAnsi('Łódź Kraków ﬁne ①')).toBe('?ódz Kraków fine 1');
    expect(toWinAnsi('Fest 🎉👍🏽 und 👨‍👩‍👧 Familie 你好')).toBe('Fest  und  Familie ??');
    expect(toWinAnsi('Ko\u0308ln')).toBe('Köln');
  });
});
