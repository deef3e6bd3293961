// The names that tie the server-rendered pages to web/browser/'s scripts: the ids, classes and
// data attributes a script looks up, and the classes a script sets for the CSS. The Vue
// components render them from here (`:id="hooks.query.name"`), the scripts build their selectors
// from here (`hooks.query.selector`, `dataset[hooks.bookmark.key]`) and the browser tests find
// them from here: a name changes in one place. shared/hooks.test.ts checks that every hook is
// used by a script and rendered through this module, and that neither side spells one out.
// Grouped by the script that needs them: a script's bundle carries only its own groups.

/** An element's id; `selector` is `#name`. */
export interface IdHook<Name extends string = string> {
  readonly kind: 'id';
  readonly name: Name;
  readonly selector: `#${Name}`;
}

/** A class the server renders for a script to find; `selector` is `.name`. */
export interface ClassHook<Name extends string = string> {
  readonly kind: 'class';
  readonly name: Name;
  readonly selector: `.${Name}`;
}

/** A class a script sets (state, or elements it creates) and the CSS or the tests read; never rendered by the server. */
export interface StateHook<Name extends string = string> {
  readonly kind: 'state';
  readonly name: Name;
  readonly selector: `.${Name}`;
}

/** A data attribute: `name` is the attribute (`data-bookmark-list`), `key` its property in `dataset` (`bookmarkList`). */
export interface DataHook<Name extends string = string> {
  readonly kind: 'data';
  readonly name: `data-${Name}`;
  readonly key: string;
  readonly selector: `[data-${Name}]`;
}

export type Hook = IdHook | ClassHook | StateHook | DataHook;

// Without side effects: a bundle drops the groups its script does not use.
/* #__NO_SIDE_EFFECTS__ */
function id<Name extends string>(name: Name): IdHook<Name> {
  return { kind: 'id', name, selector: `#${name}` };
}
/* #__NO_SIDE_EFFECTS__ */
function cls<Name extends string>(name: Name): ClassHook<Name> {
  return { kind: 'class', name, selector: `.${name}` };
}
/* #__NO_SIDE_EFFECTS__ */
function state<Name extends string>(name: Name): StateHook<Name> {
  return { kind: 'state', name, selector: `.${name}` };
}
/** `data('bookmark-list')`: the attribute data-bookmark-list, dataset.bookmarkList. */
/* #__NO_SIDE_EFFECTS__ */
function data<Name extends string>(name: Name): DataHook<Name> {
  return { kind: 'data', name: `data-${name}`, key: name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), selector: `[data-${name}]` };
}

/** A selector for the elements whose data attribute `hook` has exactly `value`. */
export function dataSelector(hook: DataHook, value: string): string {
  return `[${hook.name}="${value}"]`;
}

/** The search page (components/search/SearchPage.vue, the header) for web/browser/search-page.ts. */
export const searchPageHooks = {
  page: cls('search-page'),
  form: cls('search-form'),
  query: id('search-q'),
  /** The live region that announces the count: stays, its text is replaced. */
  resultCount: cls('result-count'),
  sort: id('search-sort'),
  /** The filters' column, the phone's drawer. */
  filters: id('filters'),
  filtersHeading: id('filters-heading'),
  /** The facets: replaced by the loaded page's. */
  filtersBody: cls('filters-body'),
  drawerToggle: cls('drawer-toggle'),
  drawerClose: cls('drawer-close'),
  drawerDone: cls('drawer-done'),
  /** Everything below the count: replaced by the loaded page's. */
  resultsBody: id('results-body'),
  /** The list of results: aria-busy while the next one loads. */
  hits: cls('hits'),
  /** The header's link to the other language (components/site/SiteHeader.vue): follows the search. */
  languageLink: id('language-link'),
  /** On the page once the script has wired it (the tests wait for it). */
  enhanced: state('enhanced'),
  /** On the filters while the phone's drawer is open. */
  drawerOpen: state('open'),
  /** A long facet group's "alle N anzeigen" (SearchFacetGroup.vue): stays open across updates. */
  facetMore: cls('facet-more'),
} as const;

/** The facets' checkboxes (components/search/SearchFacetGroup.vue): `facet-<param>-<value>`, safe as an id. */
export function facetOptionId(param: string, value: string): string {
  return `facet-${param}-${value}`.replace(/[^\w-]/g, '_');
}

/** The town type-ahead (components/search/SearchTownCombobox.vue) for web/browser/lib/town-combobox.ts. */
export const townComboboxHooks = {
  root: cls('town-combobox'),
  input: id('town-search'),
  options: id('town-options'),
  noMatch: cls('no-match'),
  /** On the root: what an option says for a town without hits. */
  noHits: data('no-hits'),
  /** A facet option's count, in its label (SearchFacetGroup.vue): the options show the same. */
  facetCount: cls('count'),
  /** The option the arrow keys are on. */
  activeOption: state('active'),
  /** An option's count. */
  optionCount: state('count'),
} as const;

/** "Merken" and the Merkliste (BookmarkButton.vue, SiteHeader.vue, pages/merkliste/index.vue) for web/browser/bookmarks.ts. */
export const bookmarkHooks = {
  /** On "Merken": the case study's id. */
  button: data('bookmark'),
  /** On "Merken": the case study's title, for the announcement. */
  title: data('title'),
  /** The header's link to the Merkliste: gets this browser's ids. */
  listLink: data('bookmarks-link'),
  /** The live region that says what "Merken" did. */
  status: id('bookmark-status'),
  /** On the status: the texts for added and removed, with the placeholders below. */
  added: data('added'),
  removed: data('removed'),
  /** On the Merkliste page: the ids its address names (empty: none). */
  list: data('bookmark-list'),
  /** On "Entfernen": the id it removes. */
  remove: data('remove-bookmark'),
} as const;

/** What the status texts (bookmarkHooks.added, .removed) have in place of the title and the list's length. */
export const BOOKMARK_STATUS_PLACEHOLDERS = { title: '{title}', count: '{count}' } as const;

/** "Drucken" on the comparison (pages/merkliste/vergleich.vue) for web/browser/print.ts. */
export const printHooks = {
  /** The button: rendered hidden, shown by the script, which prints the page on a click. */
  button: data('print'),
} as const;
