// The header's link to the same page in the other language, filled in once the whole page is
// rendered: a detail page names its slug in the other language (setI18nParams) after the header
// was rendered. Instead of @nuxtjs/i18n's plugin for <SwitchLocalePathLink> (removed in
// nuxt.config.ts), whose pattern ran over the whole page at every `<!--` (Vue marks each list
// and fragment with one): a twenty-fifth of a search page's rendering.
import { otherLocale } from '@praxis/search/domain';
import { LANGUAGE_LINK_PLACEHOLDER } from '~~/shared/language-link';

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

export default defineNuxtPlugin({
  name: 'language-link',
  dependsOn: ['i18n:plugin'],
  setup(nuxtApp) {
    const switchLocalePath = useSwitchLocalePath();
    nuxtApp.hook('app:rendered', (context) => {
      const html = context.renderResult?.html;
      if (html == null || !html.includes(LANGUAGE_LINK_PLACEHOLDER)) return;
      // No page in the other language (an untranslated case study): the link stays on this page.
      const path = switchLocalePath(otherLocale(nuxtApp.$i18n.locale.value)) || '#';
      context.renderResult!.html = html.replace(
        LANGUAGE_LINK_PLACEHOLDER,
        path.replace(/[&"<>]/g, (character) => ATTRIBUTE_ESCAPES[character]!),
      );
    });
  },
});
