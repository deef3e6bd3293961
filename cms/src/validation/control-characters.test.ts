import { describe, expect, it } from 'vitest';
import { findControlCharacter } from './control-characters';

describe('finding control characters in what is saved', () => {
  it('finds none in ordinary text, tabs and line breaks included', () => {
    expect(findControlCharacter({ title: 'Lesepaten', description: 'Zeile 1\r\nZeile 2\n\tEingerückt', count: 3, flag: true, nothing: null })).toBeUndefined();
  });

  it('finds one in a field and names its code point', () => {
    expect(findControlCharacter({ title: 'Lese\u0007paten' })).toEqual({ path: ['title'], codePoint: 'U+0007' });
    expect(findControlCharacter({ title: '\u0000' })).toEqual({ path: ['title'], codePoint: 'U+0000' });
    expect(findControlCharacter({ title: 'a\u001Fb' })).toEqual({ path: ['title'], codePoint: 'U+001F' });
  });

  it('finds vertical tab and form feed, which XML does not allow either', () => {
    expect(findControlCharacter({ teaser: 'a\u000Bb' })?.codePoint).toBe('U+000B');
    expect(findControlCharacter({ teaser: 'a\u000Cb' })?.codePoint).toBe('U+000C');
  });

  it('finds one inside components and lists, with the whole path', () => {
    const data = {
      title: 'gut',
      links: [
        { label: 'gut', url: 'https://example.org' },
        { label: 'schlecht\u0008', url: 'https://example.org' },
      ],
    };
    expect(findControlCharacter(data)).toEqual({ path: ['links', 1, 'label'], codePoint: 'U+0008' });
    expect(findControlCharacter({ transferability: { firstSteps: ['ok', 'x\u0002'] } })).toEqual({
      path: ['transferability', 'firstSteps', 1],
      codePoint: 'U+0002',
    });
  });

  it('reports the first one in the order of the fields', () => {
    expect(findControlCharacter({ title: 'a\u0001', teaser: 'b\u0002' })).toEqual({ path: ['title'], codePoint: 'U+0001' });
  });
});
