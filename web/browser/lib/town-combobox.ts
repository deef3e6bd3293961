// The town type-ahead of the search page (ARIA 1.2 combobox with a listbox popup) over all 396
// municipalities. Their names load from /api/vocabulary when the field is first focused; the
// counts are those the facet list shows (a town without one has no hits).
import { facetOptionId, townComboboxHooks as hooks } from '../../shared/hooks.ts';

interface Town {
  ags: string;
  name: string;
}

const MAX_OPTIONS = 8;

/** Loaded once per page and language: each search renders the combobox anew. */
const townsByLocale = new Map<string, Promise<Town[] | undefined>>();

function loadTowns(locale: string): Promise<Town[] | undefined> {
  if (!townsByLocale.has(locale)) {
    townsByLocale.set(
      locale,
      fetch(`/api/vocabulary?locale=${encodeURIComponent(locale)}`).then(
        async (response) => (response.ok ? ((await response.json()) as { towns: Town[] }).towns : undefined),
        () => undefined,
      ),
    );
  }
  return townsByLocale.get(locale)!;
}

/** Wires the combobox inside `root`; `pick` receives the chosen town's AGS. */
export function townCombobox(root: HTMLElement, options: { locale: string; selected: () => string[]; pick: (ags: string) => void }): void {
  const input = root.querySelector<HTMLInputElement>(hooks.input.selector)!;
  const list = root.querySelector<HTMLUListElement>(hooks.options.selector)!;
  const noMatch = root.querySelector<HTMLElement>(hooks.noMatch.selector)!;
  let towns: Town[] | undefined;
  let matches: Town[] = [];
  let active = 0;
  let open = false;

  function countLabel(ags: string): string {
    const facetCount = document.querySelector(`label[for="${facetOptionId('municipality', ags)}"] ${hooks.facetCount.selector}`);
    return facetCount?.textContent?.replace(/^,\s*/, '') ?? root.dataset[hooks.noHits.key] ?? '';
  }

  function render(): void {
    const shown = open && matches.length > 0;
    list.hidden = !shown;
    noMatch.hidden = !(open && towns !== undefined && matches.length === 0);
    input.setAttribute('aria-expanded', String(shown));
    if (shown) input.setAttribute('aria-activedescendant', `town-option-${matches[active]!.ags}`);
    else input.removeAttribute('aria-activedescendant');
    list.replaceChildren(
      ...(shown ? matches : []).map((town, index) => {
        const option = document.createElement('li');
        option.id = `town-option-${town.ags}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === active));
        option.classList.toggle(hooks.activeOption.name, index === active);
        const count = document.createElement('span');
        count.className = hooks.optionCount.name;
        count.textContent = countLabel(town.ags);
        option.append(`${town.name} `, count);
        // mousedown, not click: the field keeps the focus (its blur would close the list first).
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(town);
        });
        return option;
      }),
    );
  }

  function update(): void {
    const needle = input.value.trim().toLocaleLowerCase(options.locale);
    const selected = options.selected();
    const all = towns ?? [];
    const starts = all.filter((town) => town.name.toLocaleLowerCase(options.locale).startsWith(needle));
    const contains = all.filter((town) => !starts.includes(town) && town.name.toLocaleLowerCase(options.locale).includes(needle));
    matches = needle ? [...starts, ...contains].filter((town) => !selected.includes(town.ags)).slice(0, MAX_OPTIONS) : [];
    active = Math.min(active, Math.max(0, matches.length - 1));
    render();
  }

  function choose(town: Town | undefined): void {
    if (!town) return;
    input.value = '';
    open = false;
    render();
    options.pick(town.ags);
  }

  function whenLoaded(): void {
    if (towns) return;
    void loadTowns(options.locale).then((loaded) => {
      towns = loaded;
      update();
    });
  }
  input.addEventListener('focus', whenLoaded);
  input.addEventListener('input', () => {
    active = 0;
    open = input.value.trim() !== '';
    whenLoaded();
    update();
  });
  input.addEventListener('blur', () => {
    open = false;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open = true;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + matches.length) % Math.max(1, matches.length);
      render();
    } else if (event.key === 'Enter') {
      // Enter in the field must not submit the search form.
      event.preventDefault();
      if (open && matches.length > 0) choose(matches[active]);
    } else if (event.key === 'Escape') {
      if (open) event.preventDefault();
      open = false;
      render();
    }
  });
}
