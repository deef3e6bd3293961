// The site's texts on the server (feeds, downloads, the PDF handout): the same message files the
// pages use through vue-i18n, read directly.
import type { Locale } from '@praxis/search';
import de from '../../i18n/locales/de.json';
import en from '../../i18n/locales/en.json';
import type { Translate } from '../../shared/case-study-facts';

export const MESSAGES = { de, en };

/** `t` for one language: a message by its dotted key with `{name}` placeholders filled in (no plural forms). */
export function translator(locale: Locale): Translate {
  return (key, values = {}) => {
    const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[locale]);
    if (typeof template !== 'string') throw new Error(`no message ${key} in ${locale}`);
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
  };
}
