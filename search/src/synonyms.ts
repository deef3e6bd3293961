// Synonyms ("Suchbegriffe"): sets of words that find each other, curated by the editors in the
// CMS (api::search-term) and applied to the locale's index as Meilisearch synonyms in the index's
// own analysed terms. The lists below are the seed the CMS starts from.
import { queryTerms } from './analysis/terms.ts';
import type { Locale } from './catalogue/domain.ts';

export interface SynonymSet {
  /** Words or short phrases as editors write them ("Kita", "offene Ganztagsschule"). */
  words: string[];
  /** One-way: the first word also finds the others, but they do not find it. Two-way: each finds all. */
  oneWay: boolean;
}

/** Words and phrases at most this long, at most this many in a set. */
export const MAX_SYNONYM_LENGTH = 60;
export const MAX_SYNONYMS_PER_SET = 20;

const twoWay = (...words: string[]): SynonymSet => ({ words, oneWay: false });

export const SEED_SYNONYMS: Record<Locale, SynonymSet[]> = {
  de: [
    twoWay('Kita', 'Kindertagesstätte', 'Kindergarten'),
    twoWay('OGS', 'offene Ganztagsschule', 'Ganztag', 'Ganztagsschule'),
    twoWay('Jugendliche', 'Teenager', 'Teens', 'Heranwachsende'),
    twoWay('Eltern', 'Erziehende', 'Erziehungsberechtigte'),
    twoWay('Alleinerziehende', 'Ein-Eltern-Familien'),
    twoWay('Streetwork', 'aufsuchende Arbeit', 'Straßensozialarbeit'),
    twoWay('Geflüchtete', 'Flüchtlinge', 'Schutzsuchende'),
    twoWay('Migranten', 'Zugewanderte', 'Migrationsgeschichte', 'Zuwanderungsgeschichte', 'Migrationshintergrund'),
    twoWay('seelische Gesundheit', 'psychische Gesundheit', 'mentale Gesundheit'),
    twoWay('Nachhilfe', 'Lernförderung', 'Hausaufgabenhilfe', 'Lernhilfe'),
    twoWay('Berufseinstieg', 'Berufsorientierung', 'Übergang Schule Beruf'),
    twoWay('Bildungspaket', 'Bildungs- und Teilhabepaket'),
    twoWay('Babylotsen', 'Familienlotsen'),
    twoWay('Zahnprophylaxe', 'Zahngesundheit', 'Zahnpflege'),
  ],
  en: [
    twoWay('nursery', 'day care', 'daycare', 'kindergarten', 'childcare'),
    twoWay('parents', 'carers', 'caregivers'),
    twoWay('street work', 'streetwork', 'outreach'),
    twoWay('teenagers', 'young people', 'adolescents'),
    twoWay('single parents', 'single mothers', 'single fathers', 'lone parents'),
    twoWay('mental health', 'mental wellbeing', 'emotional wellbeing'),
    twoWay('refugees', 'asylum seekers'),
  ],
};

/**
 * Meilisearch's synonym setting for a locale's sets, keyed and valued by analysed terms
 * ("Kindertagesstätten" is asked as "kindertagesstatt"). Sets that share a word are not merged:
 * each word finds what its own sets list.
 */
export function synonymSettings(sets: readonly SynonymSet[], locale: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const add = (from: string, to: string[]) => {
    const others = to.filter((term) => term !== from);
    if (others.length > 0) result[from] = [...new Set([...(result[from] ?? []), ...others])];
  };
  for (const set of sets) {
    const terms = [...new Set(set.words.map((words) => queryTerms(words, locale).replaceAll('"', '')).filter(Boolean))];
    if (set.oneWay) add(terms[0]!, terms.slice(1));
    else for (const term of terms) add(term, terms);
  }
  return result;
}
