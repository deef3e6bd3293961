// The search page in the browser, without the Nuxt app: the page is a GET form the server
// renders completely; this script makes it answer as you type and tick. Each change puts the
// search into the address (a shareable URL, with history for back and forward), loads that
// address's server-rendered page and moves its results, facets and counts into this one. The
// search field, the live region that announces the count and whatever has the focus stay put.
import { searchPageHooks as hooks, townComboboxHooks } from '../shared/hooks.ts';
import { townCombobox } from './lib/town-combobox.ts';

const TYPING_PAUSE_MS = 300;

const page = document.querySelector<HTMLElement>(hooks.page.selector);
const form = page?.querySelector<HTMLFormElement>(`form${hooks.form.selector}`);
if (page && form) enhance(page, form);

function enhance(page: HTMLElement, form: HTMLFormElement): void {
  const queryField = form.querySelector<HTMLInputElement>(hooks.query.selector)!;
  const resultCount = page.querySelector<HTMLElement>(hooks.resultCount.selector)!;
  const drawer = page.querySelector<HTMLElement>(hooks.filters.selector)!;
  const drawerToggle = page.querySelector<HTMLButtonElement>(hooks.drawerToggle.selector)!;
  let loading: AbortController | undefined;
  /** The address whose results are shown or on their way. */
  let shown = `${location.pathname}${location.search}`;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** The address of the form's current state: empty fields and the default sort left out. */
  function formUrl(extra: [string, string][] = []): string {
    const params = new URLSearchParams();
    const data = new FormData(form);
    // The Umkreis select always sends a radius; without a town it means nothing.
    const withoutTown = !data.get('near');
    for (const [name, value] of [...data, ...extra]) {
      if (typeof value !== 'string' || value.trim() === '' || (name === 'sort' && value === 'relevance') || (name === 'radius' && withoutTown)) continue;
      params.append(name, name === 'q' ? value.trim() : value);
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  }

  async function show(url: string, history: 'push' | 'replace' | 'none'): Promise<void> {
    shown = url;
    loading?.abort();
    const controller = new AbortController();
    loading = controller;
    const hits = page.querySelector(hooks.hits.selector);
    hits?.setAttribute('aria-busy', 'true');
    resultCount.textContent = '';
    let html: string;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/html' } });
      html = await response.text();
    } catch (error) {
      if (controller.signal.aborted) return;
      // Offline or refused: let the browser load the address itself (and show why).
      console.error(error);
      location.assign(url);
      return;
    }
    if (controller.signal.aborted) return;
    // The address changes with what the page shows, not before.
    if (history === 'push') window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    swap(new DOMParser().parseFromString(html, 'text/html'));
  }

  /** Moves the loaded page's changing parts into this one; the focused control keeps the focus. */
  function swap(loaded: Document): void {
    const focusedId = document.activeElement?.id;
    // A facet group the reader opened ("alle N anzeigen") stays open.
    const opened = [...page.querySelectorAll<HTMLDetailsElement>(`details${hooks.facetMore.selector}[open]`)].map((details) => details.id);
    for (const selector of [hooks.resultsBody.selector, hooks.filtersBody.selector]) {
      const next = loaded.querySelector(selector);
      if (next) page.querySelector(selector)?.replaceWith(document.importNode(next, true));
    }
    for (const id of opened) {
      const details = page.querySelector<HTMLDetailsElement>(`details#${id}`);
      if (details) details.open = true;
    }
    for (const selector of [hooks.drawerToggle.selector, hooks.drawerDone.selector]) {
      page.querySelector(selector)!.textContent = loaded.querySelector(selector)?.textContent ?? '';
    }
    const sort = loaded.querySelector<HTMLSelectElement>(hooks.sort.selector);
    if (sort) form.querySelector<HTMLSelectElement>(hooks.sort.selector)!.value = sort.value;
    const languageLink = loaded.querySelector<HTMLAnchorElement>(hooks.languageLink.selector);
    if (languageLink) document.querySelector<HTMLAnchorElement>(hooks.languageLink.selector)?.setAttribute('href', languageLink.getAttribute('href')!);
    resultCount.textContent = loaded.querySelector(hooks.resultCount.selector)?.textContent?.trim() ?? '';
    wireTownCombobox();
    if (focusedId && document.activeElement === document.body) document.getElementById(focusedId)?.focus();
  }

  function apply(history: 'push' | 'replace', extra: [string, string][] = []): void {
    clearTimeout(typingTimer);
    const url = formUrl(extra);
    if (url !== shown) void show(url, history);
  }

  // Typing replaces the address after a pause; leaving the field or submitting adds a history entry.
  queryField.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => apply('replace'), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply('push');
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id === townComboboxHooks.input.name) return;
    apply('push');
  });

  // Links to this same page (chips, pagination, "drop this filter") load in place.
  page.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname) return;
    event.preventDefault();
    queryField.value = url.searchParams.get('q') ?? '';
    void show(`${url.pathname}${url.search}`, 'push');
  });

  window.addEventListener('popstate', () => {
    queryField.value = new URLSearchParams(location.search).get('q') ?? '';
    void show(`${location.pathname}${location.search}`, 'none');
  });

  // The phone's filter drawer: opening moves the focus to its heading; Escape, the close button
  // or "show results" close it and give the focus back to the toggle.
  function openDrawer(): void {
    drawer.classList.add(hooks.drawerOpen.name);
    drawerToggle.setAttribute('aria-expanded', 'true');
    drawer.querySelector<HTMLElement>(hooks.filtersHeading.selector)!.focus();
  }
  function closeDrawer(): void {
    if (!drawer.classList.contains(hooks.drawerOpen.name)) return;
    drawer.classList.remove(hooks.drawerOpen.name);
    drawerToggle.setAttribute('aria-expanded', 'false');
    drawerToggle.focus();
  }
  drawerToggle.addEventListener('click', openDrawer);
  // "Zu den Filtern" on a phone, where the filters are in the closed drawer: opens it.
  document.querySelector(`a[href="${hooks.filtersHeading.selector}"]`)?.addEventListener('click', (event) => {
    if (getComputedStyle(drawerToggle).display === 'none') return;
    event.preventDefault();
    openDrawer();
  });
  drawer.querySelector(hooks.drawerClose.selector)!.addEventListener('click', closeDrawer);
  drawer.querySelector(hooks.drawerDone.selector)!.addEventListener('click', closeDrawer);
  drawer.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeDrawer();
  });

  // The combobox is part of the facets, which each search replaces: wired again after each swap.
  function wireTownCombobox(): void {
    const root = page.querySelector<HTMLElement>(townComboboxHooks.root.selector);
    if (!root) return;
    townCombobox(root, {
      locale: document.documentElement.lang.slice(0, 2),
      selected: () => new URLSearchParams(location.search).getAll('municipality'),
      pick: (ags) => apply('push', [['municipality', ags]]),
    });
  }
  wireTownCombobox();
  page.classList.add(hooks.enhanced.name);
}
