// The admin as the newsroom sees it: German by default (English selectable in the profile),
// the project's name and logo instead of Strapi's, no tutorials or release notes.
import logo from './extensions/logo.svg';

const LANGUAGE_KEY = 'strapi-admin-language';

const translations = {
  de: {
    'Auth.form.welcome.title': 'Praxisdatenbank – Redaktion',
    'Auth.form.welcome.subtitle': 'Melden Sie sich mit Ihrem Redaktionskonto an',
    'app.components.LeftMenu.navbrand.title': 'Praxisdatenbank',
    'app.components.LeftMenu.navbrand.workplace': 'Redaktion',
    // Strapi's own wording ("entspricht nicht dem Regex") helps no editor.
    'components.Input.error.validation.regex': 'Das Format stimmt nicht.',
  },
  en: {
    'Auth.form.welcome.title': 'Case-study database – editors',
    'Auth.form.welcome.subtitle': 'Sign in with your editor account',
    'app.components.LeftMenu.navbrand.title': 'Case-study database',
    'app.components.LeftMenu.navbrand.workplace': 'Editors',
    'components.Input.error.validation.regex': 'The format is not right.',
  },
};

export default {
  config: {
    locales: ['de'],
    translations,
    auth: { logo },
    menu: { logo },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    // Strapi starts in English unless a language was chosen; ours start in German.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'de');
  },
  bootstrap() {},
};
