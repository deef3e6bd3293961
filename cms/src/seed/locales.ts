import type { Core } from '@strapi/strapi';

interface LocalesService {
  findByCode(code: string): Promise<{ id: number } | null>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  setDefaultLocale(params: { code: string }): Promise<unknown>;
}

/**
 * German is the default locale, English the second. Strapi creates "en" as the
 * default on its first start; when "de" is missing we add it and make it the
 * default. Later changes by an administrator are kept.
 */
export async function seedLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  if (!(await locales.findByCode('de'))) {
    await locales.create({ code: 'de', name: 'German (de)' });
    await locales.setDefaultLocale({ code: 'de' });
  }
  if (!(await locales.findByCode('en'))) await locales.create({ code: 'en', name: 'English (en)' });
}
