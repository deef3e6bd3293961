import { FACET_KEYS, projectStatusName, townClassName, type Locale, type SearchState } from '@praxis/search';
import type { Vocabulary } from '../../shared/vocabulary';
import { MESSAGES } from '../site/messages';
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

/** A search in words, as the page's filter chips say it: „Kita“; Handlungsfeld: Bewegung und Sport; … (the title of its feed). */
export function describeSearch(state: SearchState, vocabulary: Vocabulary, locale: Locale): string {
  const search = MESSAGES[locale].search;
  const names = (terms: { slug: string; name: string }[]) => new Map(terms.map((term) => [term.slug, term.name]));
  const labels: Record<string, (value: string) => string | undefined> = {
    buildingBlock: (value) => names(vocabulary.buildingBlocks).get(value),
    targetGroup: (value) => names(vocabulary.targetGroups).get(value),
    topic: (value) => names(vocabulary.topics).get(value),
    setting: (value) => names(vocabulary.settings).get(value),
    criterion: (value) => names(vocabulary.criteria).get(value),
    district: (value) => vocabulary.districts.find((district) => district.ags === value)?.name,
    municipality: (value) => vocabulary.towns.find((town) => town.ags === value)?.name,
    status: (value) => projectStatusName(value, locale),
    townType: (value) => townClassName(value, locale),
    townSize: (value) => townClassName(value, locale),
    transferred: (value) => search.transferred[value as keyof typeof search.transferred],
  };
  const parts: string[] = [];
  if (state.q) parts.push(fill(search.queryChip, { q: state.q }));
  for (const key of FACET_KEYS) {
    const values = state.filters[key];
    if (values.length > 0) parts.push(`${search.facets[key]}: ${values.map((value) => labels[key]?.(value) ?? value).join(', ')}`);
  }
  if (state.near) {
    const town = labels.municipality!(state.near.ags) ?? state.near.ags;
    parts.push(fill(search.nearby.chip, { km: String(state.near.radiusKm), town }));
  }
  if (state.fundingFrom !== undefined || state.fundingTo !== undefined) {
    parts.push(fill(search.fundingChip, { from: String(state.fundingFrom ?? '…'), to: String(state.fundingTo ?? '…') }));
  }
  return parts.join('; ');
}
