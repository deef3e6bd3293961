// A mistyped OPEN_DATA_LICENSE stops the site at start with the licences it knows, rather than
// serving downloads under no licence.
import { openDataLicense } from '../open-data/downloads';

export default defineNitroPlugin(() => {
  openDataLicense();
});
