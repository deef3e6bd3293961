// A feed opened in a browser (tapping "Diese Suche abonnieren" on a phone): instead of the Atom
// source, a small page that says what a feed is, gives its address to copy into a feed reader
// and lists what it holds now, in the feed's language. Rendered from the same entries as the Atom
// document. Not an XSLT stylesheet: Chromium 156 covers XSLT pages with a removal warning.
import type { Locale } from '@praxis/search';
import { caseStudyPath } from '../../shared/case-study';
import { escapeXml } from '../exports/xml';
import type { FeedEntry, FeedHead } from './atom-document';

const TEXTS = {
  de: {
    kind: 'Atom-Feed: zum Abonnieren in einem Feedreader',
    what: 'Diese Seite ist ein Feed. In einem Feedreader abonniert, meldet er Ihnen jedes neue oder geänderte Praxisbeispiel, das er enthält, ohne dass Sie die Website besuchen.',
    howTo: 'So abonnieren Sie den Feed',
    copy: 'Kopieren Sie die Adresse dieses Feeds:',
    paste: 'Fügen Sie sie in Ihrem Feedreader als neuen Feed oder neues Abonnement ein (zum Beispiel in Thunderbird, Outlook, Feedly oder NetNewsWire).',
    onSite: 'Dieselben Praxisbeispiele auf der Website',
    now: (count: number) => `Was der Feed jetzt enthält (${count})`,
    none: 'Noch kein Praxisbeispiel: Der Feedreader zeigt neue an, sobald sie veröffentlicht sind.',
    changed: 'Zuletzt geändert am',
  },
  en: {
    kind: 'Atom feed: subscribe to it in a feed reader',
    what: 'This page is a feed. Added to a feed reader, it tells you about every new or changed case study it lists, without you visiting the site.',
    howTo: 'How to subscribe',
    copy: 'Copy the address of this feed:',
    paste: 'Paste it into your feed reader as a new feed or subscription (for example in Thunderbird, Outlook, Feedly or NetNewsWire).',
    onSite: 'The same case studies on the website',
    now: (count: number) => `What the feed lists now (${count})`,
    none: 'No case study yet: the feed reader will show new ones as they are published.',
    changed: 'Last changed',
  },
} satisfies Record<Locale, unknown>;

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;color:#1d2731;margin:0;hyphens:auto;overflow-wrap:break-word}
main{max-width:46rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin-top:.25rem}h2{font-size:1.2rem;margin-top:2rem}
.kind{font-weight:700;color:#4a5865;margin-bottom:0}a{color:#0b5a8a}li{margin-bottom:1rem}ul{padding-left:1.2rem}
.address{display:block;padding:.5rem;background:#f4f5f6;border:1px solid #6b7780;word-break:break-all}
.entry-title{font-weight:700}.entry-meta{color:#4a5865;font-size:.95rem;margin:0}.entry-summary{margin:.2rem 0 0}`;

/** The page for `entries` (in the order given) of the feed described by `head`. */
export function renderFeedPage(entries: FeedEntry[], head: FeedHead): string {
  const text = TEXTS[head.locale];
  const self = escapeXml(head.siteUrl + head.selfPath);
  const items = entries.map((entry) =>
    [
      '<li>',
      `<a class="entry-title" href="${escapeXml(head.siteUrl + caseStudyPath(entry.locale, entry.slug))}">${escapeXml(entry.title)}</a>`,
      `<p class="entry-meta">${text.changed} ${entry.updatedAt.slice(0, 10)}</p>`,
      entry.teaser ? `<p class="entry-summary">${escapeXml(entry.teaser)}</p>` : '',
      '</li>',
    ].join(''),
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${head.locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeXml(head.title)}</title>`,
    `<link rel="alternate" type="application/atom+xml" href="${self}">`,
    `<style>${STYLE}</style></head>`,
    '<body><main>',
    `<p class="kind">${text.kind}</p>`,
    `<h1>${escapeXml(head.title)}</h1>`,
    `<p>${text.what}</p>`,
    `<h2>${text.howTo}</h2>`,
    `<ol><li>${text.copy} <code class="address">${self}</code></li><li>${text.paste}</li></ol>`,
    `<p><a href="${escapeXml(head.siteUrl + head.alternatePath)}">${text.onSite}</a></p>`,
    `<h2>${text.now(entries.length)}</h2>`,
    entries.length > 0 ? `<ul class="entries">${items.join('')}</ul>` : `<p>${text.none}</p>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
