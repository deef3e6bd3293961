// The admin's own words for the newsroom, in German and English: branding, Strapi texts no
// editor should read, the field labels, and the names of enumeration values. Strapi's
// edit view and list filters look an enumeration value up as a message id, so a value's name is
// a translation whose id is the value itself.
import { BUDGET_RANGE_NAMES, PROJECT_STATUS_NAMES } from '@praxis/search/domain';
import { CASE_STUDY_FIELDS } from '../editorial/admin-labels';
import { EDITORIAL_STATE_NAMES } from '../editorial/states';

type AdminLocale = 'de' | 'en';

const CASE_STUDY = 'api::case-study.case-study';

/** Every enumeration value editors pick, with its name per language. */
const VALUE_NAMES: Record<string, Record<AdminLocale, string>> = { ...PROJECT_STATUS_NAMES, ...BUDGET_RANGE_NAMES, ...EDITORIAL_STATE_NAMES };

const valueMessages = (locale: AdminLocale) => Object.fromEntries(Object.entries(VALUE_NAMES).map(([value, names]) => [value, names[locale]]));

/**
 * Field labels per language. The German ones repeat the layout's labels because Strapi lays the
 * English messages under every other language: without them the German admin showed English.
 */
const fieldLabels = (locale: AdminLocale) => Object.fromEntries(
  Object.entries(CASE_STUDY_FIELDS).map(([field, text]) => [
    `content-manager.content-types.${CASE_STUDY}.${field}`, locale === 'en' ? text.labelEn ?? text.label : text.label,
  ]),
);

export const translations: Record<AdminLocale, Record<string, string>> = {
  de: {
    'Auth.form.welcome.title': 'Praxisdatenbank – Redaktion',
    'Auth.form.welcome.subtitle': 'Melden Sie sich mit Ihrem Redaktionskonto an',
    'app.components.LeftMenu.navbrand.title': 'Praxisdatenbank',
    'app.components.LeftMenu.navbrand.workplace': 'Redaktion',
    // Strapi has no German name for its content manager; the main menu said "Content Manager".
    'content-manager.plugin.name': 'Inhalte',
    // Strapi's own wording ("entspricht nicht dem Regex") helps no editor.
    'components.Input.error.validation.regex': 'Das Format stimmt nicht.',
    ...valueMessages('de'),
    ...fieldLabels('de'),
  },
  en: {
    'Auth.form.welcome.title': 'Case-study database – editors',
    'Auth.form.welcome.subtitle': 'Sign in with your editor account',
    'app.components.LeftMenu.navbrand.title': 'Case-study database',
    'app.components.LeftMenu.navbrand.workplace': 'Editors',
    'components.Input.error.validation.regex': 'The format is not right.',
    ...valueMessages('en'),
    ...fieldLabels('en'),
  },
};

/** The name of an enumeration value in the admin's language (the list view shows values raw otherwise). */
export function valueName(value: unknown, locale: string): string {
  if (typeof value !== 'string') return value == null ? '-' : String(value);
  return VALUE_NAMES[value]?.[locale === 'en' ? 'en' : 'de'] ?? value;
}
