// Strapi's admin in German throughout, in one register ("Sie"): German for every message of the
// packages editors use that Strapi ships without German, and new wording for Strapi's German
// messages in the du-form (issue 35). translations.ts lays these under the project's own texts.
// The ids are Strapi's (semi-public: an upgrade may rename them); strapi-german.test.ts compares
// them with Strapi's en.json and code and fails when one is missing, unknown or loses a placeholder.
import { ADMIN_GERMAN } from './admin';
import { CONTENT_MANAGER_GERMAN } from './content-manager';
import { EMAIL_GERMAN } from './email';
import { I18N_GERMAN } from './i18n';
import { UPLOAD_GERMAN } from './upload';
import { USERS_PERMISSIONS_GERMAN } from './users-permissions';

/** Per npm package of Strapi's admin, the German messages added or replaced here. */
export const STRAPI_GERMAN_BY_PACKAGE: Record<string, Record<string, string>> = {
  '@strapi/admin': ADMIN_GERMAN,
  '@strapi/content-manager': CONTENT_MANAGER_GERMAN,
  '@strapi/upload': UPLOAD_GERMAN,
  '@strapi/i18n': I18N_GERMAN,
  '@strapi/plugin-users-permissions': USERS_PERMISSIONS_GERMAN,
  '@strapi/email': EMAIL_GERMAN,
};

/** Every German message added or replaced, by message id (the admin's `config.translations.de`). */
export const STRAPI_GERMAN: Record<string, string> = Object.assign({}, ...Object.values(STRAPI_GERMAN_BY_PACKAGE));
