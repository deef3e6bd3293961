import { describe, expect, it } from 'vitest';
import { renderAtomFeed } from './atom-document';

// XML 1.0's Char production: what a well-formed document may contain at all.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const CONTROL_CHARACTERS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');

describe('renderAtomFeed', () => {
  it('stays well-formed when a stored title or teaser holds control characters', () => {
    const xml = renderAtomFeed(
      [
        {
          locale: 'de',
          slug: 'kita',
          title: `Kita\u0000 im\u0007 Quartier\u001B`,
          teaser: `Teaser\u000C${CONTROL_CHARACTERS}`,
          publishedAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-02T00:00:00.000Z',
        },
      ],
      {
        locale: 'de',
        siteUrl: 'https://example.org',
        title: `Suche: „Kita\u0001“`,
        selfPath: '/feed.xml?q=Kita%01',
        alternatePath: '/praxisbeispiele?q=Kita%01',
      },
    );
    expect(xml).toMatch(XML_CHAR);
    expect(xml).toContain('<title>Kita im Quartier</title>');
    expect(xml).toContain('<title>Suche: „Kita“</title>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://example.org/praxisbeispiele/kita"/>');
  });
});
