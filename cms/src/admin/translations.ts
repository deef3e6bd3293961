// The admin's own words for the newsroom, in German and English: branding, Strapi texts no
// editor should read, the field labels, the dashboard widgets, the import & export page, the
// edit view's history and review panels, and the names of enumeration values. Strapi's
// edit view and list filters look an enumeration value up as a message id, so a value's name is
// a translation whose id is the value itself.
import { BUDGET_RANGE_NAMES, EVENT_FORMAT_NAMES, EVENT_UID, PROJECT_STATUS_NAMES } from '@praxis/search/domain';
import { CASE_STUDY_FIELDS, EVENT_FIELDS } from '../editorial/admin-labels';
import { EDITORIAL_STATE_NAMES } from '../editorial/states';
import { RECORD_TEXTS } from './editorial-record/texts';
import { IMPORT_EXPORT_TEXTS } from './import-export/texts';
import { EXTRAS_TEXTS } from './redaktion-extras/texts';
import { STRAPI_GERMAN } from './strapi-german';
import { DASHBOARD_TEXTS } from './widgets/texts';
import { CASE_STUDY_UID as CASE_STUDY } from '@praxis/search/catalogue';

type AdminLocale = 'de' | 'en';

/** Strapi texts we replace: branding, and wording no editor should read. */
const ADMIN_TEXTS: Record<string, Record<AdminLocale, string>> = {
  'Auth.form.welcome.title': { de: 'Praxisdatenbank – Redaktion', en: 'Case-study database – editors' },
  'Auth.form.welcome.subtitle': { de: 'Melden Sie sich mit Ihrem Redaktionskonto an', en: 'Sign in with your editor account' },
  'app.components.LeftMenu.navbrand.title': { de: 'Praxisdatenbank', en: 'Case-study database' },
  'app.components.LeftMenu.navbrand.workplace': { de: 'Redaktion', en: 'Editors' },
  // Strapi has no German name for its content manager; the main menu said "Content Manager".
  'content-manager.plugin.name': { de: 'Inhalte', en: 'Content Manager' },
  // Strapi's own wording ("entspricht nicht dem Regex") helps no editor.
  'components.Input.error.validation.regex': { de: 'Das Format stimmt nicht.', en: 'The format is not right.' },
  // The slug field's state and its button: Strapi's German messages are English here.
  'content-manager.components.uid.available': { de: 'frei', en: 'available' },
  'content-manager.components.uid.unavailable': { de: 'vergeben', en: 'unavailable' },
  'content-manager.components.uid.regenerate': { de: 'Neu aus dem Titel bilden', en: 'regenerate' },
  // The content manager's list of types: its search box has no German text in Strapi.
  'search.placeholder': { de: 'Suchen', en: 'Search' },
};

/** The languages of a search-term set (api::search-term's `language`). */
const LANGUAGE_NAMES: Record<string, Record<AdminLocale, string>> = {
  de: { de: 'Deutsch', en: 'German' },
  en: { de: 'Englisch', en: 'English' },
};

/** Every enumeration value editors pick, with its name per language. */
const VALUE_NAMES: Record<string, Record<AdminLocale, string>> = {
  ...PROJECT_STATUS_NAMES,
  ...BUDGET_RANGE_NAMES,
  ...EDITORIAL_STATE_NAMES,
  ...EVENT_FORMAT_NAMES,
  ...LANGUAGE_NAMES,
};

/** The search terms' list: how a set's direction reads (its `oneWay` column). */
export const SEARCH_TERM_DIRECTIONS: Record<AdminLocale, { oneWay: string; twoWay: string }> = {
  de: { oneWay: 'Einweg', twoWay: 'Gegenseitig' },
  en: { oneWay: 'One-way', twoWay: 'Both ways' },
};

/**
 * Field labels per language. The German ones repeat the layout's labels because Strapi lays the
 * English messages under every other language: without them the German admin showed English.
 */
const FIELD_LABELS: Record<string, Record<AdminLocale, string>> = Object.fromEntries(
  [
    [CASE_STUDY, CASE_STUDY_FIELDS],
    [EVENT_UID, EVENT_FIELDS],
  ].flatMap(([uid, fields]) =>
    Object.entries(fields as Record<string, { label: string; labelEn?: string }>).map(([field, text]) => [
      `content-manager.content-types.${uid as string}.${field}`,
      { de: text.label, en: text.labelEn ?? text.label },
    ]),
  ),
);

/** One language's column of a table of texts. */
const inLanguage = (table: Record<string, Record<AdminLocale, string>>, locale: AdminLocale) =>
  Object.fromEntries(Object.entries(table).map(([id, names]) => [id, names[locale]]));

const messages = (locale: AdminLocale) => ({
  // Strapi's own messages in German, in the Sie-form (strapi-german/); the project's texts below win.
  ...(locale === 'de' ? STRAPI_GERMAN : {}),
  ...inLanguage(ADMIN_TEXTS, locale),
  ...inLanguage(VALUE_NAMES, locale),
  ...inLanguage(FIELD_LABELS, locale),
  ...inLanguage(DASHBOARD_TEXTS, locale),
  ...inLanguage(IMPORT_EXPORT_TEXTS, locale),
  ...inLanguage(RECORD_TEXTS, locale),
  ...inLanguage(EXTRAS_TEXTS, locale),
});

export const translations: Record<AdminLocale, Record<string, string>> = { de: messages('de'), en: messages('en') };

/** The name of an enumeration value in the admin's language (the list view shows values raw otherwise). */
export function valueName(value: unknown, locale: string): string {
  if (typeof value !== 'string') return value == null ? '-' : String(value);
  return VALUE_NAMES[value]?.[locale === 'en' ? 'en' : 'de'] ?? value;
}
