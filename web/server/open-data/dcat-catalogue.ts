// The open-data downloads described for portals in DCAT-AP.de (JSON-LD), so GovData and the NRW
// open-data portal can harvest them: a catalogue, one dataset per file group, one distribution
// per format, each with its licence from the DCAT-AP.de vocabulary.
import { MEDIA_TYPES, OPEN_DATA_DATASETS, OPEN_DATA_PUBLISHER, OPEN_DATA_VERSION, type OpenDataFormat } from '../../shared/open-data';
import { MESSAGES } from '../site/messages';
import { openDataLicense } from './downloads';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  owl: 'http://www.w3.org/2002/07/owl#',
};

/** EU file-type authority table entries of the formats. */
const FILE_TYPES: Record<OpenDataFormat, string> = {
  json: 'http://publications.europa.eu/resource/authority/file-type/JSON',
  csv: 'http://publications.europa.eu/resource/authority/file-type/CSV',
  xlsx: 'http://publications.europa.eu/resource/authority/file-type/XLSX',
};

const LANGUAGES = ['http://publications.europa.eu/resource/authority/language/DEU', 'http://publications.europa.eu/resource/authority/language/ENG'];
/** Population and society (EU data theme). */
const THEME = 'http://publications.europa.eu/resource/authority/data-theme/SOCI';
/** North Rhine-Westphalia's state key, as GovData's spatial vocabulary names it. */
const SPATIAL = 'http://dcat-ap.de/def/politicalGeocoding/stateKey/05';
/** The open-data contributor id of NRW's portal, under which GovData lists its datasets. */
const CONTRIBUTOR = 'http://dcat-ap.de/def/contributors/openNRW';

const text = (de: string, en: string) => [
  { '@value': de, '@language': 'de' },
  { '@value': en, '@language': 'en' },
];

/** `/dcat.jsonld`: the catalogue in JSON-LD. */
export function dcatCatalogue(siteUrl: string): Record<string, unknown> {
  const license = openDataLicense();
  const [de, en] = [MESSAGES.de.openData, MESSAGES.en.openData];
  const publisher = { '@id': `${siteUrl}/#publisher`, '@type': 'foaf:Organization', 'foaf:name': OPEN_DATA_PUBLISHER };
  const datasets = Object.entries(OPEN_DATA_DATASETS).map(([dataset, formats]) => {
    const names = { de: de.datasets[dataset as keyof typeof de.datasets], en: en.datasets[dataset as keyof typeof en.datasets] };
    return {
      '@id': `${siteUrl}/open-data#${dataset}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${siteUrl}/open-data#${dataset}`,
      'dct:title': text(names.de.title, names.en.title),
      'dct:description': text(names.de.description, names.en.description),
      'dct:publisher': { '@id': publisher['@id'] },
      'dcatde:contributorID': { '@id': CONTRIBUTOR },
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': OPEN_DATA_PUBLISHER, 'vcard:hasURL': { '@id': `${siteUrl}/open-data` } },
      'dcat:theme': { '@id': THEME },
      'dct:spatial': { '@id': SPATIAL },
      'dct:language': LANGUAGES.map((language) => ({ '@id': language })),
      'dcat:landingPage': { '@id': `${siteUrl}/open-data` },
      'owl:versionInfo': OPEN_DATA_VERSION,
      'dcat:keyword':
        dataset === 'case-studies' ? ['Kinderarmut', 'Quartier', 'Praxisbeispiele', 'Nordrhein-Westfalen'] : ['Nordrhein-Westfalen', 'Referenzdaten'],
      'dcat:distribution': formats.map((format: OpenDataFormat) => {
        const url = `${siteUrl}/api/v1/open-data/${dataset}.${format}`;
        return {
          '@id': url,
          '@type': 'dcat:Distribution',
          'dct:title': `${names.de.title} (${format.toUpperCase()})`,
          'dcat:accessURL': { '@id': url },
          'dcat:downloadURL': { '@id': url },
          'dct:format': { '@id': FILE_TYPES[format] },
          'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}` },
          'dct:license': { '@id': license.dcatAp },
          'dcatde:licenseAttributionByText': `${OPEN_DATA_PUBLISHER}, Praxisdatenbank „Zusammen im Quartier“`,
        };
      }),
    };
  });
  return {
    '@context': CONTEXT,
    '@id': `${siteUrl}/dcat.jsonld#catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': text('Praxisdatenbank „Zusammen im Quartier“', 'Case-study database “Zusammen im Quartier”'),
    'dct:description': text(de.description, en.description),
    'dct:publisher': publisher,
    'foaf:homepage': { '@id': siteUrl },
    'dct:language': LANGUAGES.map((language) => ({ '@id': language })),
    'dct:license': { '@id': license.dcatAp },
    'dcat:dataset': datasets,
  };
}
