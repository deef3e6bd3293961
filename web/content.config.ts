import { defineCollection, defineContentConfig, z } from '@nuxt/content';

// Editorial pages, one collection per language (web/content/de, web/content/en).
const page = (locale: 'de' | 'en') =>
  defineCollection({
    type: 'page',
    source: { include: `${locale}/**/*.md`, prefix: '' },
    schema: z.object({
      navTitle: z.string(),
      order: z.number(),
      footer: z.boolean(),
      /** File name of the counterpart in the other language. */
      translation: z.string(),
    }),
  });

export default defineContentConfig({
  collections: {
    pages_de: page('de'),
    pages_en: page('en'),
  },
});
