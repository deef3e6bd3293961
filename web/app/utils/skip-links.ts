import { searchPageHooks } from '~~/shared/hooks';

/** A skip link: where it leads (`#id`) and the i18n key of its text. */
export interface SkipLink {
  href: string;
  label: string;
}

/** The id of the search page's results (components/search/SearchPage.vue), the first skip link's target. */
export const SEARCH_RESULTS_ID = 'results';

/**
 * The skip links a page asks for with `definePageMeta({ skipLinks: '<name>' })`; the layout shows
 * them first, in place of the one to the content. The search page puts about 90 filter checkboxes
 * before its results: past them in two key presses, or straight to the filters.
 */
export const SKIP_LINKS = {
  search: [
    { href: `#${SEARCH_RESULTS_ID}`, label: 'search.skipToResults' },
    { href: searchPageHooks.filtersHeading.selector, label: 'search.skipToFilters' },
  ],
} satisfies Record<string, SkipLink[]>;

export const CONTENT_SKIP_LINK: SkipLink = { href: '#main', label: 'site.skipLink' };

declare module '#app' {
  interface PageMeta {
    skipLinks?: keyof typeof SKIP_LINKS;
  }
}
