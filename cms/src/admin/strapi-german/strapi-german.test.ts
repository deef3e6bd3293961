// The German admin against Strapi's installed packages: every English message (from their
// en.json and from the ids their code asks for with an English default only) has German, no
// German message the admin serves says "du", and no German message loses or adds a placeholder.
// A Strapi upgrade that renames or adds message ids makes this fail: then see strapi-german/.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { translations } from '../translations';
import { STRAPI_GERMAN, STRAPI_GERMAN_BY_PACKAGE } from './index';
import { strapiMessages } from './strapi-messages';

const { english, german: strapiGerman } = strapiMessages();
/** What the admin shows in German: Strapi's German, then ours (config.translations wins: StrapiApp.loadTrads). */
const served: Record<string, string> = { ...strapiGerman, ...translations.de };

/** Placeholders, plural/select arguments and rich-text tags of an ICU message. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time)
        found.add(`{${element.value}}`);
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        found.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parseLeniently(message));
  return [...found].sort();
}

/** Strapi's own messages include a select without `other` and an e-mail address in <…>: read them anyway. */
function parseLeniently(message: string): MessageFormatElement[] {
  try {
    return parse(message, { requiresOtherClause: false });
  } catch {
    return parse(message, { requiresOtherClause: false, ignoreTag: true });
  }
}

/** "du" and its forms, and the du-imperatives Strapi's German starts its sentences with. */
const DU_WORDS = /(?<!\p{L})(du|dich|dir|dein|deine|deinem|deinen|deiner|deines)(?!\p{L})/iu;
const DU_IMPERATIVES = [
  ...['Wähle', 'Erstelle', 'Füge', 'Klicke', 'Klick', 'Gehe', 'Geh', 'Lade', 'Bearbeite', 'Generiere', 'Verschiebe', 'Ziehe', 'Lösche', 'Konfiguriere'],
  ...['Kopiere', 'Ersetze', 'Verwalte', 'Lies', 'Lese', 'Sieh', 'Sehe', 'Schau', 'Schaue', 'Entdecke', 'Beginne', 'Nutze', 'Benutze', 'Verwende', 'Teste'],
  ...['Sende', 'Lege', 'Greife', 'Definiere', 'Beschütze', 'Schütze', 'Gib', 'Halte', 'Logge', 'Ändere', 'Führe', 'Erhalte', 'Speichere', 'Erzähle'],
  ...['Versuche', 'Probiere', 'Dupliziere', 'Selektiere', 'Lerne', 'Entferne', 'Erweitere', 'Deinstalliere', 'Modelliere', 'Veröffentliche', 'Deploye'],
  ...['Setze', 'Drücke', 'Zeige', 'Verbiete', 'Aktiviere', 'Deaktiviere', 'Sortiere', 'Sei', 'Hab', 'Lass', 'Lasse', 'Prüfe', 'Überprüfe', 'Öffne'],
  ...['Schreibe', 'Starte', 'Vergiss', 'Behalte', 'Mach', 'Mache', 'Bestätige', 'Wechsle', 'Aktualisiere', 'Kontaktiere', 'Melde', 'Fülle', 'Trage'],
];
/** At a sentence's or clause's start (after punctuation, a tag, an ICU brace, an emoji) or after "bitte". */
const DU_IMPERATIVE = new RegExp(String.raw`(?:^|[.!?:;,–>{}]|(?<!\p{L})bitte(?!\p{L}))[^\p{L}]*(${DU_IMPERATIVES.join('|')})(?![\p{L}-])`, 'iu');
const duForm = (message: string) => DU_WORDS.exec(message)?.[0] ?? DU_IMPERATIVE.exec(message)?.[1];

/**
 * Words that are the same in German and English: names, abbreviations, technical terms without a
 * German word an editor would know better. A German message equal to its English one needs all
 * its words here (placeholders and tags aside), or it is English left over.
 */
const SAME_IN_GERMAN = new Set(
  [
    ...['Name', 'Details', 'Text', 'Link', 'Links', 'Logo', 'URL', 'Token', 'Code', 'Blog', 'GraphQL', 'Sentry', 'Webhooks', 'Audio', 'Video'],
    ...['Status', 'ID', 'API', 'Desktop', 'Layout', 'DKIM', 'OAuth2', 'CSV', 'PDF', 'XLS', 'ZIP', 'Beta', 'Login', 'Filter', 'Plugins', 'Strapi'],
    ...['Cloud', 'Super', 'Admin', 'Client', 'Secret', 'Host', 'URI', 'Subdomain', 'TEXT', 'Single', 'Sign', 'On', 'Analytics', 'X', 'Y', 'Rel'],
    ...['Editor', 'Dashboard', 'Information', 'Inline', 'Community', 'Edition', 'Enterprise', 'Sign-On', 'http', 'noopener', 'nofollow', 'noreferrer'],
  ].map((word) => word.toLowerCase()),
);
const englishLeftOver = (german: string, englishText: string) => {
  if (german !== englishText) return false;
  // Placeholders and ICU arguments (innermost first), tags, then the words; addresses, host
  // names and attribute values (`_blank`) are no language.
  let text = englishText.replace(/<[^>]*>/g, ' ');
  while (/\{[^{}]*\}/.test(text)) text = text.replace(/\{[^{}]*\}/g, ' ');
  const words = text.split(/[\s,;:()/]+/).filter((word) => /\p{L}/u.test(word) && !/[@._]/.test(word));
  return words.some((word) => !SAME_IN_GERMAN.has(word.replace(/[^\p{L}\d-]/gu, '').toLowerCase()));
};

describe("Strapi's admin in German", () => {
  it('reads the messages of every package (en.json and code)', () => {
    expect(english.size).toBeGreaterThan(1800);
    expect(english.get('upload.view.grid')?.text).toBe('Grid view');
    expect(english.get('view-switch.list')?.text).toBe('List View');
  });

  it('has a German message for every English one', () => {
    // A few of Strapi's messages are a blank on purpose (an empty option's label).
    const missing = [...english]
      .filter(([id, { text }]) => served[id] === undefined || (!served[id].trim() && text.trim()))
      .map(([id, { text, from }]) => `${id} (${from}): ${text}`);
    expect(missing).toEqual([]);
  });

  it('has no English left in the German messages', () => {
    const leftOver = [...english].filter(([id, { text }]) => englishLeftOver(served[id] ?? '', text)).map(([id, { text }]) => `${id}: ${text}`);
    expect(leftOver).toEqual([]);
  });

  it('says "Sie", never "du", in every German message the admin serves', () => {
    const du = Object.entries(served)
      .map(([id, text]) => [id, text, duForm(text)] as const)
      .filter(([, , word]) => word)
      .map(([id, text, word]) => `${id} („${word}“): ${text}`);
    expect(du).toEqual([]);
  });

  it('finds the du-form it is meant to find, and not the Sie-form', () => {
    for (const text of [
      'Willkommen in deinem Administrationsbereich',
      'Bist du sicher?',
      'Erstelle dein Schema',
      '🚀 Sehe Inhalt in Aktion',
      'Bitte gib dein Passwort ein.',
    ])
      expect(duForm(text), text).toBeTruthy();
    for (const text of ['Um Blöcke neu zu ordnen, drücke Command', 'Füge welche der Liste hinzu.', 'Deploye deine Anwendung zu Strapi Cloud'])
      expect(duForm(text), text).toBeTruthy();
    for (const text of [
      'Möchten Sie wirklich fortfahren?',
      'Wählen Sie eine Sprache aus.',
      'Lese-Berechtigung',
      'Suche',
      'Dateien hierher ziehen',
      'Direktlink',
    ])
      expect(duForm(text), text).toBeUndefined();
  });

  it('keeps the English message’s placeholders, plurals and tags in every German one', () => {
    const differing: string[] = [];
    for (const [id, { text }] of english) {
      const german = served[id];
      if (!german) continue;
      const [want, got] = [placeholders(text), placeholders(german)];
      if (want.join(' ') !== got.join(' ')) differing.push(`${id}: ${want.join(' ')} ≠ ${got.join(' ')} („${german}“)`);
    }
    expect(differing).toEqual([]);
  });

  it('writes every German message as valid ICU (as react-intl reads it)', () => {
    const invalid = Object.entries(STRAPI_GERMAN).flatMap(([id, text]) => {
      try {
        parse(text);
        return [];
      } catch (error) {
        return [`${id}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });

  it('translates only ids Strapi still has (a renamed id fails here)', () => {
    const unknown = Object.keys(STRAPI_GERMAN).filter((id) => !english.has(id));
    expect(unknown).toEqual([]);
  });

  it('gives one id one German text across the packages', () => {
    const seen = new Map<string, string>();
    const conflicting: string[] = [];
    for (const messages of Object.values(STRAPI_GERMAN_BY_PACKAGE)) {
      for (const [id, text] of Object.entries(messages)) {
        if (seen.has(id) && seen.get(id) !== text) conflicting.push(id);
        seen.set(id, text);
      }
    }
    expect(conflicting).toEqual([]);
  });

  it('leaves English to Strapi and the project', () => {
    const leaked = Object.entries(STRAPI_GERMAN).filter(([id, german]) => translations.en[id] === german && english.get(id)?.text !== german);
    expect(leaked).toEqual([]);
    expect(translations.en['upload.view.grid']).toBeUndefined();
  });

  it("serves the project's own texts over Strapi's German", () => {
    // ADMIN_TEXTS (translations.ts): the content manager is "Inhalte" in the menu.
    expect(translations.de['content-manager.plugin.name']).toBe('Inhalte');
    expect(translations.de['HomePage.header.subtitle']).toBe('Willkommen in der Verwaltung');
    expect(translations.de['upload.view.grid']).toBe('Rasteransicht');
  });
});
