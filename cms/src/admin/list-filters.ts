// The list view's filter, as editors read it: the fields they filter by, named in their language,
// and chips that name a value ("Redaktionsstatus ist Zur Prüfung", not "… ist zur-pruefung").
import { InputRenderer } from '@strapi/strapi/admin';
import { valueName } from './translations';

type AdminLocale = 'de' | 'en';

interface FilterOption {
  label?: string;
  value: string;
}
export interface ListFilter {
  name: string;
  label: string | { id: string; defaultMessage: string };
  type?: string;
  options?: FilterOption[];
  input?: unknown;
}

/** Database keys and the slug rule's old addresses: nothing an editor looks for. */
const HIDDEN = ['id', 'documentId', 'previousSlugs'];

/** Strapi's own fields where a type's layout left them unnamed ("createdBy"). */
const SYSTEM_FIELD_NAMES: Record<string, Record<AdminLocale, string>> = {
  createdAt: { de: 'Angelegt', en: 'Created' },
  updatedAt: { de: 'Zuletzt geändert', en: 'Last changed' },
  createdBy: { de: 'Angelegt von', en: 'Created by' },
  updatedBy: { de: 'Zuletzt geändert von', en: 'Last changed by' },
};

/**
 * The filters Strapi offers, for editors. An enumeration gets Strapi's own input passed as a
 * custom one: the popover looks the same, and only for a custom input does the chip show the
 * option's label instead of the raw value.
 */
export function editorsFilters(filters: ListFilter[], locale: AdminLocale): ListFilter[] {
  return filters
    .filter((filter) => !HIDDEN.includes(filter.name))
    .map((filter) => {
      const systemName = SYSTEM_FIELD_NAMES[filter.name]?.[locale];
      const label = systemName && (filter.label === filter.name || !filter.label) ? systemName : filter.label;
      if (filter.type !== 'enumeration' || !filter.options) return { ...filter, label };
      // Strapi's status filter has its options named already; the types' own values are named here.
      const options = filter.options.map((option) => ({
        ...option,
        label: filter.name === '__status' ? (option.label ?? option.value) : valueName(option.value, locale),
      }));
      return { ...filter, label, options, input: filter.input ?? InputRenderer };
    });
}
