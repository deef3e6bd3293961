// The standard PDF fonts (Helvetica, Times, Courier) print WinAnsi only: what the PDF handout
// (handout-pdf.ts) writes is brought into that character set first.

// The standard PDF fonts know WinAnsi only: Latin-1 plus these. Anything else would print as
// two wrong Latin-1 glyphs, so it is replaced before it reaches pdfkit.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u201B': '’',
  '\u201F': '”',
  '\u2032': '’',
  '\u2033': '”',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21D2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2023': '•',
  '\u2043': '•',
  '\u25CF': '•',
  '\u25AA': '•',
  '\u2713': 'x',
  '\u2714': 'x',
  // Soft hyphen: WinAnsi has it, but the standard fonts print it as a visible hyphen.
  '\u00AD': '',
};
// Emoji, their modifiers and joiners, variation selectors, controls and format characters
// carry no words: dropped rather than printed as "?".
const DROPPED = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji_Component}|\p{M}|\p{Cc}|\p{Cf}|[\uFE00-\uFE0F])$/u;

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff && code !== 0xad) || char === '\n' || WIN_ANSI_EXTRAS.has(char);
}

/** Text the standard fonts can print: typographic look-alikes replaced, accents stripped where needed, emoji dropped, the rest "?". */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) result += char;
    else if (char in REPLACEMENTS) result += REPLACEMENTS[char];
    else if (char === '\t' || /^\s$/u.test(char)) result += ' ';
    else {
      // "ő" → "o", "ﬁ" → "fi", "①" → "1": compatibility decomposition, combining marks dropped.
      const decomposed = [...char.normalize('NFKD')].filter((part) => !/\p{M}/u.test(part));
      if (decomposed.length && decomposed.every(isWinAnsi)) result += decomposed.join('');
      else if (!DROPPED.test(char)) result += '?';
    }
  }
  return result;
}
