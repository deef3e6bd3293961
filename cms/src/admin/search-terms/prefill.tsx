// "Synonym anlegen" from the dashboard's "Suchen ohne Treffer": the content manager's create form
// of a search-term set opens with the word that found nothing on the first line and an empty
// line under it, in the word's language, so the editor only types the synonyms and saves.
// Strapi 5 has no URL prefill for its create form: this component sits in the edit view's
// injection zone (inside the form) and sets the two values once, from
// `…/api::search-term.search-term/create?prefill=<word>&language=de|en`.
import { useForm } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const SEARCH_TERM = 'api::search-term.search-term';
const CREATE_PAGE = /\/collection-types\/api::search-term\.search-term\/create\/?$/;
const LANGUAGES = ['de', 'en'];

/** Who may follow the link: the admin's own permission check (Chefredaktion and Administration). */
export const CREATE_SEARCH_TERM = [{ action: 'plugin::content-manager.explorer.create', subject: SEARCH_TERM }];

/** The create form of a search-term set with `word` and its language filled in (a path inside the admin). */
export const addSynonymPath = (word: string, language: string) =>
  `/content-manager/collection-types/${SEARCH_TERM}/create?${new URLSearchParams({ prefill: word, language })}`;

/** Puts the cursor on the empty line under the word (the field has the value once React has rendered it). */
function focusNextLine(value: string, tries = 20): void {
  const field = document.querySelector<HTMLTextAreaElement>('textarea[name="words"]');
  if (field?.value === value) {
    field.focus();
    field.setSelectionRange(value.length, value.length);
  } else if (tries > 0) {
    window.setTimeout(() => focusNextLine(value, tries - 1), 50);
  }
}

export function SearchTermPrefill() {
  const { pathname, search } = useLocation();
  const onChange = useForm('SearchTermPrefill', (state) => state.onChange);
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !CREATE_PAGE.test(pathname)) return;
    const params = new URLSearchParams(search);
    const word = params.get('prefill')?.trim();
    if (!word) return;
    applied.current = true;
    const language = params.get('language');
    if (language && LANGUAGES.includes(language)) onChange('language', language);
    const words = `${word}\n`;
    onChange('words', words);
    focusNextLine(words);
  }, [pathname, search, onChange]);
  return null;
}
