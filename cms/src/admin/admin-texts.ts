// The admin's texts for tests outside the CMS (e2e/admin-german.test.ts checks the screens against
// them), exported as @praxis/cms/admin-texts: a test imports another workspace by its name.
export { STRAPI_GERMAN } from './strapi-german/index';
export { strapiMessages } from './strapi-german/strapi-messages';
export { translations } from './translations';
