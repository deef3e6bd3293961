// A new case study's address ("Adresse (Slug)") — or a new translation's — follows its title as
// the editor types it, until the editor writes an address of their own: Strapi's slug field asks for a suggestion only once,
// with the empty title, and showed "case-study – frei" until the first save. The suggestion comes
// from the server (src/editorial/slugs.ts): umlauts spelled out, reserved and taken slugs avoided.
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const CASE_STUDY = 'api::case-study.case-study';
const CASE_STUDY_PAGE = /\/collection-types\/api::case-study\.case-study\//;

export function SlugFromTitle() {
  const { pathname, search } = useLocation();
  const title = useForm('SlugFromTitle', (state) => (state.values as { title?: string }).title);
  const slug = useForm('SlugFromTitle', (state) => (state.values as { slug?: string }).slug);
  const onChange = useForm('SlugFromTitle', (state) => state.onChange);
  const { post } = useFetchClient();
  /** The last address filled in here: while the field still holds it, the editor has not written one. */
  const filled = useRef<string | undefined>(undefined);
  const caseStudy = CASE_STUDY_PAGE.test(pathname);

  useEffect(() => {
    // An address of the editor's own (or a saved one) stays: only an empty field or the one filled here follows the title.
    if (!caseStudy || !title?.trim()) return;
    if (slug && slug !== filled.current) return;
    const locale = new URLSearchParams(search).get('plugins[i18n][locale]') ?? 'de';
    const timer = window.setTimeout(async () => {
      try {
        const { data } = await post<{ data: string }>(`/content-manager/uid/generate?locale=${encodeURIComponent(locale)}`, {
          contentTypeUID: CASE_STUDY,
          field: 'slug',
          data: { id: '', title },
        });
        filled.current = data.data;
        onChange('slug', data.data);
      } catch {
        // The editor can still press "Neu aus dem Titel bilden" or type an address.
      }
    }, 400);
    return () => window.clearTimeout(timer);
    // `slug` is left out on purpose: the field changing because it was filled here must not ask again.
  }, [caseStudy, title, search, post, onChange]);
  return null;
}
