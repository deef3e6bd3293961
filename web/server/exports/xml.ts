// Characters XML 1.0 does not allow at all, not even escaped: C0 controls but tab, newline and
// carriage return, lone surrogates, U+FFFE and U+FFFF. One in a title would make a feed or
// the sitemap not well-formed, so readers reject the whole file. The CMS refuses them; this
// is the last line for anything already stored.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** The text without the characters XML forbids (for a writer that escapes markup itself). */
export function withoutNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, '');
}

/** Text for XML content or an attribute: markup characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return withoutNonXmlCharacters(text).replace(/[<>&'"]/g, (char) => ENTITIES[char]!);
}
