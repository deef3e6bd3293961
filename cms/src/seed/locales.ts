import type { Core } from '@strapi/strapi';

interface LocalesService {
  findByCode(code: string): Promise<{ id: number; name: string } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  setDefaultLocale(params: { code: string }): Promise<unknown>;
}

/** What editors read in the language menus and the list ("Deutsch", not "German (de)"). */
const LOCALE_NAMES = { de: 'Deutsch', en: 'Englisch' };
/** The names earlier releases and Strapi itself gave them: replaced; a name an administrator chose is kept. */
const GENERATED_NAMES = ['German (de)', 'English (en)', 'English'];

/**
 * German is the default locale, English the second. Strapi creates "en" as the
 * default on its first start; when "de" is missing we add it and make it the
 * default. Later changes by an administrator are kept.
 */
export async function seedLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  if (!(await locales.findByCode('de'))) {
    await locales.create({ code: 'de', name: LOCALE_NAMES.de });
    await locales.setDefaultLocale({ code: 'de' });
  }
  if (!(await locales.findByCode('en'))) await locales.create({ code: 'en', name: LOCALE_NAMES.en });
  for (const code of ['de', 'en'] as const) {
    const locale = await locales.findByCode(code);
    if (locale && GENERATED_NAMES.includes(locale.name)) {
      await strapi.db.query('plugin::i18n.locale').update({ where: { id: locale.id }, data: { name: LOCALE_NAMES[code] } });
    }
  }
}
