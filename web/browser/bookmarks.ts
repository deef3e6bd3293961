// The Merkliste in the browser: "Merken" on a card or a detail page keeps the case study's id in
// this browser's localStorage — no account, no cookie, nothing sent anywhere. The list's own page
// is an address with the ids (/merkliste?ids=…), rendered by the server, so it can be shared and
// opened without this script. Buttons are found by delegation, so the search page's swapped-in
// results work too.
import { BOOKMARK_STATUS_PLACEHOLDERS, bookmarkHooks as hooks } from '../shared/hooks.ts';

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
  for (const button of document.querySelectorAll<HTMLButtonElement>(`button${hooks.button.selector}`)) {
    const pressed = String(ids.has(button.dataset[hooks.button.key]!));
    if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>(`a${hooks.listLink.selector}`)) {
    link.href = listAddress(link.pathname, [...ids]);
  }
}

/** Says in the status what happened, in the text its `text` attribute (hooks.added or .removed) holds. */
function announce(text: typeof hooks.added | typeof hooks.removed, title: string, count: number): void {
  const status = document.getElementById(hooks.status.name);
  const template = status?.dataset[text.key];
  if (status && template) {
    status.textContent = template.replace(BOOKMARK_STATUS_PLACEHOLDERS.title, title).replace(BOOKMARK_STATUS_PLACEHOLDERS.count, String(count));
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  const button = target.closest<HTMLButtonElement>(`button${hooks.button.selector}`);
  if (button) {
    // Here the list is kept in this browser: not the form that goes to the Merkliste without JavaScript.
    event.preventDefault();
    const id = button.dataset[hooks.button.key]!;
    const ids = storedIds();
    const next = ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];
    store(next);
    render();
    announce(next.length > ids.length ? hooks.added : hooks.removed, button.dataset[hooks.title.key] ?? '', next.length);
    return;
  }
  // "Entfernen" on the Merkliste page: a link to the list without that case study; when the page
  // shows this browser's own list, the stored list loses it too.
  const remove = target.closest<HTMLAnchorElement>(`a${hooks.remove.selector}`);
  const page = document.querySelector<HTMLElement>(hooks.list.selector);
  if (remove && page && sameList(page.dataset[hooks.list.key]!.split(',').filter(Boolean), storedIds())) {
    store(storedIds().filter((id) => id !== remove.dataset[hooks.remove.key]));
  }
});

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

// The Merkliste page without ids (the header's link on a page without this script): this browser's list.
const listPage = document.querySelector<HTMLElement>(hooks.list.selector);
const stored = storedIds();
if (listPage && listPage.dataset[hooks.list.key] === '' && !new URLSearchParams(location.search).has('ids') && stored.length > 0) {
  location.replace(listAddress(location.pathname, stored));
}

render();
// Results swapped in by the search page's script, or a list changed in another tab.
new MutationObserver(() => render()).observe(document.body, { childList: true, subtree: true });
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) render();
});
