import { OPEN_DATA_FILES, OPEN_DATA_PUBLISHER, OPEN_DATA_VERSION } from '../../../../shared/open-data';
import { openDataLicense } from '../../../open-data/downloads';

/** `GET /api/v1/open-data`: the downloads, their schema version, licence and publisher. */
export default defineEventHandler(() => {
  const siteUrl = useRuntimeConfig().public.siteUrl;
  const license = openDataLicense();
  return {
    schemaVersion: OPEN_DATA_VERSION,
    publisher: OPEN_DATA_PUBLISHER,
    license: { id: license.id, name: license.name, url: license.url },
    files: OPEN_DATA_FILES.map((file) => ({ ...file, url: `${siteUrl}${file.path}` })),
  };
});
