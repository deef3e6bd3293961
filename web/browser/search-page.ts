// The search page in the browser, without the Nuxt app: the page is a GET form the server
// renders completely; this script makes it answer as you type and tick. Each change puts the
// search into the address (a shareable URL, with history for back and forward), loads that
// address's server-rendered page and moves its results, facets and counts into this one. The
// search field, the live region that announces the count and whatever has the focus stay put.
import { townCombobox } from './lib/town-combobox.ts';

const TYPING_PAUSE_MS = 300;

const page = document.querySelector<HTMLElement>('.search-page');
const form = page?.querySelector<HTMLFormElement>('form.search-form');
if (page && form) enhance(page, form);

function enhance(page: HTMLElement, form: HTMLFormElement): void {
  const queryField = form.querySelector<HTMLInputElement>('#search-q')!;
  const resultCount = page.querySelector<HTMLElement>('.result-count')!;
  const drawer = page.querySelector<HTMLElement>('#filters')!;
  const drawerToggle = page.querySelector<HTMLButtonElement>('.drawer-toggle')!;
  let loading: AbortController | undefined;
  /** The address whose results are shown or on their way. */
  let shown = `${location.pathname}${location.search}`;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** The address of the form's current state: empty fields and the default sort left out. */
  function formUrl(extra: [string, string][] = []): string {
    const params = new URLSearchParams();
    for (const [name, value] of [...new FormData(form), ...extra]) {
      if (typeof value !== 'string' || value.trim() === '' || (name === 'sort' && value === 'relevance')) continue;
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
    const hits = page.querySelector('.hits');
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
    for (const selector of ['#results-body', '.filters-body']) {
      const next = loaded.querySelector(selector);
      if (next) page.querySelector(selector)?.replaceWith(document.importNode(next, true));
    }
    for (const selector of ['.drawer-toggle', '.drawer-done']) {
      page.querySelector(selector)!.textContent = loaded.querySelector(selector)?.textContent ?? '';
    }
    const sort = loaded.querySelector<HTMLSelectElement>('#search-sort');
    if (sort) form.querySelector<HTMLSelectElement>('#search-sort')!.value = sort.value;
    const languageLink = loaded.querySelector<HTMLAnchorElement>('#language-link');
    if (languageLink) document.querySelector<HTMLAnchorElement>('#language-link')?.setAttribute('href', languageLink.getAttribute('href')!);
    resultCount.textContent = loaded.querySelector('.result-count')?.textContent?.trim() ?? '';
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
    if (target.id === 'town-search') return;
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
    drawer.classList.add('open');
    drawerToggle.setAttribute('aria-expanded', 'true');
    drawer.querySelector<HTMLElement>('#filters-heading')!.focus();
  }
  function closeDrawer(): void {
    if (!drawer.classList.contains('open')) return;
    drawer.classList.remove('open');
    drawerToggle.setAttribute('aria-expanded', 'false');
    drawerToggle.focus();
  }
  drawerToggle.addEventListener('click', openDrawer);
  drawer.querySelector('.drawer-close')!.addEventListener('click', closeDrawer);
  drawer.querySelector('.drawer-done')!.addEventListener('click', closeDrawer);
  drawer.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeDrawer();
  });

  // The combobox is part of the facets, which each search replaces: wired again after each swap.
  function wireTownCombobox(): void {
    const root = page.querySelector<HTMLElement>('.town-combobox');
    if (!root) return;
    townCombobox(root, {
      locale: document.documentElement.lang.slice(0, 2),
      selected: () => new URLSearchParams(location.search).getAll('municipality'),
      pick: (ags) => apply('push', [['municipality', ags]]),
    });
  }
  wireTownCombobox();
  page.classList.add('enhanced');
}
