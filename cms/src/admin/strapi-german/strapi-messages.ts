// Strapi's installed admin messages, read from node_modules: English (each package's en.json, and
// the ids its compiled code asks for with an English default only) and Strapi's own German. For
// the tests (strapi-german.test.ts, e2e/admin-german.test.ts); the admin bundle does not import it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface StrapiPackage {
  name: string;
  /** What the plugin puts before its ids (prefixPluginTranslations). */
  prefix: string;
  /** Where its compiled admin code and translations lie, inside the package. */
  code: string;
  translations: string;
}

/** The packages of every screen an editor uses (the admin's core, content, media, languages, users, mail). */
const PACKAGES: StrapiPackage[] = [
  { name: '@strapi/admin', prefix: '', code: 'dist/admin', translations: 'dist/admin/admin/src/translations' },
  { name: '@strapi/content-manager', prefix: 'content-manager.', code: 'dist/admin', translations: 'dist/admin/translations' },
  { name: '@strapi/upload', prefix: 'upload.', code: 'dist/admin', translations: 'dist/admin/translations' },
  { name: '@strapi/i18n', prefix: 'i18n.', code: 'dist/admin', translations: 'dist/admin/translations' },
  { name: '@strapi/plugin-users-permissions', prefix: 'users-permissions.', code: 'dist/admin', translations: 'dist/admin/translations' },
  { name: '@strapi/email', prefix: 'email.', code: 'dist/admin', translations: 'dist/admin/translations' },
];

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

function loadMessages(pkg: StrapiPackage, locale: 'en' | 'de'): Record<string, string> {
  const loaded = require(join(packageDir(pkg.name), pkg.translations, `${locale}.json.js`)) as Record<string, unknown>;
  const messages = (loaded.default ?? loaded) as Record<string, string>;
  return Object.fromEntries(Object.entries(messages).map(([id, text]) => [pkg.prefix + id, text]));
}

function compiledFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    // Their translations are read above; their test fixtures are no screen.
    if (statSync(path).isDirectory()) return entry === 'translations' || entry === 'tests' ? [] : compiledFiles(path);
    return path.endsWith('.mjs') ? [path] : [];
  });
}

/** The helpers through which a plugin's code prefixes its ids (getTrad('x') is `upload.x`). */
const PREFIXING_HELPERS = 'getTrad|getTranslation|getTranslationKey';
const STRING = String.raw`(['"\x60])((?:\\.|(?!\1)[^\\])*)\1`;
const ID_THEN_DEFAULT = new RegExp(
  String.raw`id:\s*(?:(${PREFIXING_HELPERS})\(\s*)?(['"\x60])([^'"\x60$]+)\2\)?\s*,\s*defaultMessage:\s*(['"\x60])((?:\\.|(?!\4)[^\\])*)\4`,
  'g',
);
const DEFAULT_THEN_ID = new RegExp(String.raw`defaultMessage:\s*${STRING}\s*,\s*id:\s*(?:(${PREFIXING_HELPERS})\(\s*)?(['"\x60])([^'"\x60$]+)\4`, 'g');
const unescape = (text: string) => text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\(.)/g, '$1');

/** Ids the package's code asks for with a literal English default, with that default. */
function idsInCode(pkg: StrapiPackage): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of compiledFiles(join(packageDir(pkg.name), pkg.code))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(ID_THEN_DEFAULT)) found.set((match[1] ? pkg.prefix : '') + match[3], unescape(match[5]!));
    for (const match of source.matchAll(DEFAULT_THEN_ID)) found.set((match[3] ? pkg.prefix : '') + match[5], unescape(match[2]!));
  }
  return found;
}

export interface StrapiMessages {
  /** Every English message by id: en.json first, then the ids only the code names (`from` says which). */
  english: Map<string, { text: string; from: string }>;
  /** Strapi's own German, by id (prefixed as the admin prefixes it). */
  german: Record<string, string>;
}

/** The messages of the packages an editor's screens come from. */
export function strapiMessages(): StrapiMessages {
  const english = new Map<string, { text: string; from: string }>();
  const german: Record<string, string> = {};
  for (const pkg of PACKAGES) {
    for (const [id, text] of Object.entries(loadMessages(pkg, 'en'))) english.set(id, { text, from: `${pkg.name} en.json` });
    Object.assign(german, loadMessages(pkg, 'de'));
  }
  for (const pkg of PACKAGES) {
    for (const [id, text] of idsInCode(pkg)) if (!english.has(id)) english.set(id, { text, from: `${pkg.name} code` });
  }
  return { english, german };
}
