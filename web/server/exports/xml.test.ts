import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml';

const CONTROL_CHARACTERS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');

describe('escapeXml', () => {
  it('escapes markup and drops every character XML 1.0 forbids', () => {
    expect(escapeXml(`Kita <&> "Sonne" 'Mond'`)).toBe('Kita &lt;&amp;&gt; &quot;Sonne&quot; &apos;Mond&apos;');
    expect(escapeXml(`a${CONTROL_CHARACTERS}b\uFFFE\uFFFF\uD800c\uDC00d`)).toBe('a\t\n\rbcd');
    expect(escapeXml('Familie 👪 in Köln')).toBe('Familie 👪 in Köln');
  });
});
