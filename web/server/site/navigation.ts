import { queryCollection } from '@nuxt/content/server';
import type { H3Event } from 'h3';
import type { Locale } from '@praxis/search/domain';

export interface NavigationPage {
  path: string;
  navTitle: string;
  order: number;
  footer: boolean;
}

/** Per language: the editorial pages are part of the build, so they are read once per process (each time in development, where they are edited). */
const navigation = new Map<Locale, Promise<NavigationPage[]>>();

/** The editorial pages of a language for the main navigation and the footer, in their `order`. */
export function siteNavigation(event: H3Event, locale: Locale): Promise<NavigationPage[]> {
  let pages = import.meta.dev ? undefined : navigation.get(locale);
  if (!pages) {
    pages = queryCollection(event, `pages_${locale}`).select('path', 'navTitle', 'order', 'footer').order('order', 'ASC').all();
    navigation.set(locale, pages);
    // A failed read is not kept: the next page asks again.
    pages.catch(() => navigation.delete(locale));
  }
  return pages;
}
