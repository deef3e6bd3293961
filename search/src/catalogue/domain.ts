// Facts of the programme's domain that the CMS, the search and the site share, defined once.
// No imports: the site's browser code imports this file too (`@praxis/search/domain`).

/** The languages of the content, the site and the indexes; German first and default. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language tag for dates and numbers in each locale (and in the site's i18n settings). */
export const LANGUAGE_TAGS: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** The other language of the two (the language switcher's target). */
export function otherLocale(locale: string): Locale {
  return LOCALES.find((candidate) => candidate !== locale) ?? DEFAULT_LOCALE;
}

/** What a locale's paths start with on the site: nothing for German, "/en" for English. */
export function localePathPrefix(locale: string): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

/** The site's path of a case study's detail page (the pages' own `definePageMeta` say the same). */
export function caseStudyPath(locale: string, slug: string): string {
  return `${localePathPrefix(locale)}${locale === DEFAULT_LOCALE ? '/praxisbeispiele' : '/case-studies'}/${slug}`;
}

/**
 * Slugs no case study may have in a locale: the pages beside the detail pages under the same path
 * (the map view, whose `definePageMeta` in web/app/pages/praxisbeispiele/karte.vue says the same).
 */
export const RESERVED_SLUGS: Record<Locale, readonly string[]> = { de: ['karte'], en: ['map'] };

export function isReservedSlug(locale: string, slug: string): boolean {
  return isLocale(locale) && RESERVED_SLUGS[locale].includes(slug);
}

/** The years a project's funding may start or end in (the import checks them; the search accepts them). */
export const FUNDING_YEAR_MIN = 2000;
export const FUNDING_YEAR_MAX = 2100;

/** A project's status (`projectStatus` in the CMS schema, where a test holds it equal to this list). */
export const PROJECT_STATUSES = ['laufend', 'abgeschlossen', 'verstetigt'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** What a status is called on the site and in the admin. */
export const PROJECT_STATUS_NAMES: Record<ProjectStatus, Record<Locale, string>> = {
  laufend: { de: 'Laufend', en: 'Ongoing' },
  abgeschlossen: { de: 'Abgeschlossen', en: 'Completed' },
  verstetigt: { de: 'Verstetigt', en: 'Continued after funding' },
};

/** The name of a project status in `locale`; an unknown code is shown as it is. */
export function projectStatusName(status: string, locale: string): string {
  return PROJECT_STATUS_NAMES[status as ProjectStatus]?.[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? status;
}

/** A project's yearly budget, in classes (`transferability.budgetRange` in the CMS schema and the import). */
export const BUDGET_RANGES = ['unter-10000', '10000-50000', '50000-100000', '100000-250000', 'ueber-250000'] as const;
export type BudgetRange = (typeof BUDGET_RANGES)[number];

export const BUDGET_RANGE_NAMES: Record<BudgetRange, Record<Locale, string>> = {
  'unter-10000': { de: 'unter 10.000 €', en: 'under €10,000' },
  '10000-50000': { de: '10.000–50.000 €', en: '€10,000–50,000' },
  '50000-100000': { de: '50.000–100.000 €', en: '€50,000–100,000' },
  '100000-250000': { de: '100.000–250.000 €', en: '€100,000–250,000' },
  'ueber-250000': { de: 'über 250.000 €', en: 'over €250,000' },
};

/**
 * Gemeindetyp, as the official municipality data records it (Destatis GV100AD, `type` in
 * cms/data/nrw/municipalities.csv and the CMS's Kommune). The data does not tell große from
 * mittlere kreisangehörige Städte (a designation by the state, not a population threshold).
 */
export const TOWN_TYPES = ['kreisfreie-stadt', 'kreisangehoerige-stadt', 'gemeinde'] as const;
export type TownType = (typeof TOWN_TYPES)[number];

const TOWN_TYPE_BY_RECORD: Record<string, TownType> = {
  'kreisfreie Stadt': 'kreisfreie-stadt',
  'kreisangehörige Stadt': 'kreisangehoerige-stadt',
  Gemeinde: 'gemeinde',
};

export const TOWN_TYPE_NAMES: Record<TownType, Record<Locale, string>> = {
  'kreisfreie-stadt': { de: 'Kreisfreie Stadt', en: 'City with county status (kreisfreie Stadt)' },
  'kreisangehoerige-stadt': { de: 'Kreisangehörige Stadt', en: 'Town within a Kreis' },
  gemeinde: { de: 'Gemeinde', en: 'Municipality (Gemeinde)' },
};

/** The type of a municipality as the data names it ("kreisfreie Stadt", …); null when unknown. */
export function townTypeOf(recordType: string | null | undefined): TownType | null {
  return (recordType && TOWN_TYPE_BY_RECORD[recordType]) || null;
}

/** Einwohnerzahl in classes, each up to (not including) its limit. */
export const TOWN_SIZES = ['unter-20000', '20000-50000', '50000-100000', '100000-500000', 'ueber-500000'] as const;
export type TownSize = (typeof TOWN_SIZES)[number];
const TOWN_SIZE_LIMITS: Record<TownSize, number> = {
  'unter-20000': 20_000,
  '20000-50000': 50_000,
  '50000-100000': 100_000,
  '100000-500000': 500_000,
  'ueber-500000': Infinity,
};

export const TOWN_SIZE_NAMES: Record<TownSize, Record<Locale, string>> = {
  'unter-20000': { de: 'unter 20.000 Einwohner', en: 'under 20,000 inhabitants' },
  '20000-50000': { de: '20.000–50.000 Einwohner', en: '20,000–50,000 inhabitants' },
  '50000-100000': { de: '50.000–100.000 Einwohner', en: '50,000–100,000 inhabitants' },
  '100000-500000': { de: '100.000–500.000 Einwohner', en: '100,000–500,000 inhabitants' },
  'ueber-500000': { de: 'über 500.000 Einwohner', en: 'over 500,000 inhabitants' },
};

/** The population class of a municipality; null when its population is unknown. */
export function townSizeOf(population: number | null | undefined): TownSize | null {
  if (population == null || !Number.isFinite(population) || population < 0) return null;
  return TOWN_SIZES.find((size) => population < TOWN_SIZE_LIMITS[size])!;
}

/** The name of a Gemeindetyp or an Einwohnerzahl class in `locale`; an unknown code is shown as it is. */
export function townClassName(code: string, locale: string): string {
  const names = TOWN_TYPE_NAMES[code as TownType] ?? TOWN_SIZE_NAMES[code as TownSize];
  return names?.[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? code;
}

/** Why a practitioner contacts a project ("Kontakt aufnehmen" on a detail page). */
export const CONTACT_PURPOSES = ['frage', 'hospitation', 'austausch', 'material'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

export const CONTACT_PURPOSE_NAMES: Record<ContactPurpose, Record<Locale, string>> = {
  frage: { de: 'Frage', en: 'Question' },
  hospitation: { de: 'Hospitation/Besuch', en: 'Visit' },
  austausch: { de: 'Austausch', en: 'Exchange' },
  material: { de: 'Material', en: 'Materials' },
};

/** The municipality type the official data (GV100AD) gives a city that is its own Kreis. */
export const KREISFREIE_STADT = 'kreisfreie Stadt';

export function isKreisfrei(municipalityType: string | null | undefined): boolean {
  return municipalityType === KREISFREIE_STADT;
}

/** "Kreis Unna", "Rhein-Sieg-Kreis", "Städteregion Aachen"; a kreisfreie Stadt keeps its plain name. */
export function districtLabel(name: string, kreisfrei: boolean): string {
  if (kreisfrei || /kreis|region/i.test(name)) return name;
  return `Kreis ${name}`;
}

/**
 * The Kreis a town belongs to as the CMS stores it: a kreisfreie Stadt is its own Kreis and
 * carries its own name there (the official data says "kreisfreie Stadt" in that column).
 */
export function districtOf(town: { name: string; district: string }): string {
  return isKreisfrei(town.district) ? town.name : town.district;
}

/** Whether a stored town is a kreisfreie Stadt, read from its Kreis (see {@link districtOf}). */
export function isOwnDistrict(town: { name: string; district: string }): boolean {
  return town.district === town.name;
}

/** How the site names a place: "Lünen (Kreis Unna)"; a kreisfreie Stadt is just "Dortmund". */
export function placeLabel(town: { name: string; district: string }): string {
  return isOwnDistrict(town) ? town.name : `${town.name} (${districtLabel(town.district, false)})`;
}

/** How editors pick a town: "Bottrop (kreisfreie Stadt)", "Lemgo (Kreis Lippe)". */
export function municipalityLabel(town: { name: string; type: string; district: string }): string {
  return isKreisfrei(town.type) ? `${town.name} (${KREISFREIE_STADT})` : `${town.name} (${districtLabel(town.district, false)})`;
}

/** A taxonomy entry: German name, optional English one (taxonomies are not localised in the CMS). */
export interface NamedTerm {
  name: string;
  nameEn?: string | null;
}

/** The name to show in `locale`: English where there is one, else the German name. */
export function localizedName(term: NamedTerm, locale: string): string {
  return (locale === 'en' && term.nameEn) || term.name;
}

/** The centre of a case study's towns (the mean of their coordinates), or null without any. */
export function centreOf(points: { lat?: number | string | null; lon?: number | string | null }[]): { lat: number; lng: number } | null {
  const located = points.filter((point) => point.lat !== null && point.lat !== undefined && point.lon !== null && point.lon !== undefined);
  if (located.length === 0) return null;
  const sum = located.reduce<{ lat: number; lng: number }>((acc, point) => ({ lat: acc.lat + Number(point.lat), lng: acc.lng + Number(point.lon) }), {
    lat: 0,
    lng: 0,
  });
  return { lat: sum.lat / located.length, lng: sum.lng / located.length };
}

/** The texts of a repeatable text component (success factors, pitfalls, partners), empty ones dropped. */
export function texts(items: { text?: string | null }[] | null | undefined): string[] {
  return (items ?? []).map((item) => item.text ?? '').filter(Boolean);
}

/** The name of a budget range in `locale`; an unknown code is shown as it is. */
export function budgetRangeName(range: string, locale: string): string {
  return BUDGET_RANGE_NAMES[range as BudgetRange]?.[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? range;
}

/** Images a submission may carry: few, small, and only the formats every browser shows. */
export const SUBMISSION_IMAGES = { max: 3, maxBytes: 2 * 1024 * 1024, altMin: 5, altMax: 300, creditMax: 200 } as const;

/** Who submits a case study (never published): name and organisation, [min, max] characters. */
export const SUBMITTER_LIMITS = { name: [2, 100], organisation: [0, 200] } as const;

/** The events ("Veranstaltungen") where projects are presented: their content type in the CMS. */
export const EVENT_UID = 'api::event.event';

/** How an event takes place (`format` in the CMS schema, where a test holds it equal to this list). */
export const EVENT_FORMATS = ['vor-ort', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_FORMAT_NAMES: Record<EventFormat, Record<Locale, string>> = {
  'vor-ort': { de: 'Vor Ort', en: 'In person' },
  online: { de: 'Online', en: 'Online' },
  hybrid: { de: 'Vor Ort und online', en: 'In person and online' },
};

/** The name of an event format in `locale`; an unknown code is shown as it is. */
export function eventFormatName(format: string, locale: string): string {
  return EVENT_FORMAT_NAMES[format as EventFormat]?.[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? format;
}

/** The time zone of every event (all take place in NRW): the calendar feed names it, the pages show times in it. */
export const EVENT_TIME_ZONE = 'Europe/Berlin';

/** The site's path of the events list and of one event's page (the pages' own `definePageMeta` say the same). */
export function eventsPath(locale: string): string {
  return `${localePathPrefix(locale)}${locale === DEFAULT_LOCALE ? '/veranstaltungen' : '/events'}`;
}
export function eventPath(locale: string, slug: string): string {
  return `${eventsPath(locale)}/${slug}`;
}

/** "Nachnutzung melden" (forms/transfer-report.ts): the report's texts and their lengths, shared with the form in the browser. */
export const TRANSFER_TEXT_FIELDS = ['adopted', 'changed', 'helped', 'hindered'] as const;
export type TransferTextField = (typeof TRANSFER_TEXT_FIELDS)[number];
export const TRANSFER_FIELD_LIMITS = {
  adopted: [20, 2_000],
  changed: [0, 2_000],
  helped: [0, 2_000],
  hindered: [0, 2_000],
  name: [2, 100],
  organisation: [0, 200],
} as const;
/** The first year a report may name: the programme's predecessors started then. */
export const TRANSFER_FIRST_YEAR = 2000;
