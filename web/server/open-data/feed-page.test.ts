import { describe, expect, it } from 'vitest';
import { renderFeedPage } from './feed-page';

const head = { siteUrl: 'https://example.org', selfPath: '/feed.xml?q=%3Cb%3E', alternatePath: '/praxisbeispiele?q=%3Cb%3E' };

describe('renderFeedPage', () => {
  it('escapes every stored or searched text, so a title cannot add markup', () => {
    const html = renderFeedPage(
      [
        {
          locale: 'de',
          slug: 'kita',
          title: '<script>alert(1)</script>',
          teaser: '"><img src=x onerror=alert(1)>',
          publishedAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-02T00:00:00.000Z',
        },
      ],
      { ...head, locale: 'de', title: 'Suche: „<b>“' },
    );
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('<h1>Suche: „&lt;b&gt;“</h1>');
    expect(html).toContain('<a class="entry-title" href="https://example.org/praxisbeispiele/kita">&lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(html).toContain('Zuletzt geändert am 2026-01-02');
  });

  it('speaks the feed’s language and says so when it lists nothing yet', () => {
    const html = renderFeedPage([], { ...head, locale: 'en', title: 'New case studies' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('How to subscribe');
    expect(html).toContain('<code class="address">https://example.org/feed.xml?q=%3Cb%3E</code>');
    expect(html).toContain('No case study yet');
    expect(html).not.toContain('class="entries"');
  });
});
