// What the open-data downloads are: their licence (OPEN_DATA_LICENSE in .env), publisher and the
// list of files, shared by the download routes, the /open-data page and the DCAT catalogue.

/** The version of the files' schema; the major version is the `/api/v1/` in their addresses. */
export const OPEN_DATA_VERSION = '1.1.0';
/** Every version of the schema, newest first, with the day it was published; what changed is in the messages (openData.changes). */
export const OPEN_DATA_CHANGELOG = [
  { version: '1.1.0', date: '2026-12-07' },
  { version: '1.0.0', date: '2026-12-02' },
] as const satisfies readonly { version: string; date: string }[];
export const OPEN_DATA_PUBLISHER = 'G.I.B. NRW – Gesellschaft für innovative Beschäftigungsförderung mbH';

export interface OpenDataLicense {
  id: string;
  name: string;
  url: string;
  /** The licence's URI in the DCAT-AP.de licence vocabulary. */
  dcatAp: string;
}

/** The licences an operator may choose; Creative Commons BY 4.0 unless OPEN_DATA_LICENSE says otherwise. */
export const OPEN_DATA_LICENSES: Record<string, OpenDataLicense> = {
  'CC-BY-4.0': {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    dcatAp: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
  },
  'CC0-1.0': {
    id: 'CC0-1.0',
    name: 'Creative Commons Zero 1.0 (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    dcatAp: 'http://dcat-ap.de/def/licenses/cc-zero',
  },
  'DL-DE-BY-2.0': {
    id: 'DL-DE-BY-2.0',
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
    dcatAp: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  },
  'DL-DE-ZERO-2.0': {
    id: 'DL-DE-ZERO-2.0',
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
    dcatAp: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
  },
};

export type OpenDataFormat = 'json' | 'csv' | 'xlsx';

export const MEDIA_TYPES: Record<OpenDataFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The datasets and the formats each is offered in. */
export const OPEN_DATA_DATASETS = {
  'case-studies': ['json', 'csv', 'xlsx'],
  municipalities: ['json', 'csv'],
  districts: ['json', 'csv'],
  taxonomies: ['json'],
} as const satisfies Record<string, readonly OpenDataFormat[]>;

export type OpenDataDataset = keyof typeof OPEN_DATA_DATASETS;

export const OPEN_DATA_BASE = '/api/v1/open-data';

/** An entry of the file list (`GET /api/v1/open-data`). */
export interface OpenDataFile {
  dataset: OpenDataDataset;
  format: OpenDataFormat;
  path: string;
  mediaType: string;
}

export const OPEN_DATA_FILES: OpenDataFile[] = Object.entries(OPEN_DATA_DATASETS).flatMap(([dataset, formats]) =>
  formats.map((format) => ({ dataset: dataset as OpenDataDataset, format, path: `${OPEN_DATA_BASE}/${dataset}.${format}`, mediaType: MEDIA_TYPES[format] })),
);
