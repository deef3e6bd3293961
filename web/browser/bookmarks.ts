// The Merkliste in the browser: "Merken" on a card or a detail page keeps the case study's id in
// this browser's localStorage — no account, no cookie, nothing sent anywhere. The list's own page
// is an address with the ids (/merkliste?ids=…), rendered by the server, so it can be shared and
// opened without this script. Buttons are found by delegation, so the search page's swapped-in
// results work too.
const STORAGE_KEY = 'praxis.merkliste';
const ID = /^[a-z0-9]{1,64}$/;

function storedIds(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && ID.test(id)) : [];
  } catch {
    return [];
  }
}

function store(ids: string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // Storage off or full: the buttons keep showing what is stored, which is then nothing new.
  }
}

/** `/merkliste` (or `/en/saved-list`) with the list's ids. */
function listAddress(base: string, ids: string[]): string {
  return ids.length > 0 ? `${base}?ids=${ids.join(',')}` : base;
}

/** Every button and the header's link as the stored list says. */
function render(): void {
  const ids = new Set(storedIds());
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-bookmark]')) {
    const pressed = String(ids.has(button.dataset.bookmark!));
    if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-bookmarks-link]')) {
    link.href = listAddress(link.pathname, [...ids]);
  }
}

function announce(kind: 'added' | 'removed', title: string, count: number): void {
  const status = document.getElementById('bookmark-status');
  const template = status?.dataset[kind];
  if (status && template) status.textContent = template.replace('{title}', title).replace('{count}', String(count));
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const button = target.closest<HTMLButtonElement>('button[data-bookmark]');
  if (button) {
    const id = button.dataset.bookmark!;
    const ids = storedIds();
    const next = ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];
    store(next);
    render();
    announce(next.length > ids.length ? 'added' : 'removed', button.dataset.title ?? '', next.length);
    return;
  }
  // "Entfernen" on the Merkliste page: a link to the list without that case study; when the page
  // shows this browser's own list, the stored list loses it too.
  const remove = target.closest<HTMLAnchorElement>('a[data-remove-bookmark]');
  const page = document.querySelector<HTMLElement>('[data-bookmark-list]');
  if (remove && page && sameList(page.dataset.bookmarkList!.split(',').filter(Boolean), storedIds())) {
    store(storedIds().filter((id) => id !== remove.dataset.removeBookmark));
  }
});

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

// The Merkliste page without ids (the header's link on a page without this script): this browser's list.
const listPage = document.querySelector<HTMLElement>('[data-bookmark-list]');
const stored = storedIds();
if (listPage && listPage.dataset.bookmarkList === '' && !new URLSearchParams(location.search).has('ids') && stored.length > 0) {
  location.replace(listAddress(location.pathname, stored));
}

render();
// Results swapped in by the search page's script, or a list changed in another tab.
new MutationObserver(() => render()).observe(document.body, { childList: true, subtree: true });
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) render();
});
