import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text.ts';

describe('markdownToPlainText', () => {
  it('keeps the words and drops the markup', () => {
    expect(markdownToPlainText('## Ziele\n\n- **Kinder** stärken\n- [Eltern](https://example.org) *einbinden*\n\n> Zitat')).toBe(
      'Ziele Kinder stärken Eltern einbinden Zitat',
    );
  });

  it('drops HTML tags and image targets', () => {
    expect(markdownToPlainText('<script>x</script>Text ![Alt](bild.png)')).toBe('x Text Alt');
  });

  it('returns an empty string for nothing', () => {
    expect(markdownToPlainText(null)).toBe('');
    expect(markdownToPlainText(undefined)).toBe('');
  });
});
