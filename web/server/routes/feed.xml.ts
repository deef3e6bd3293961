import { atomFeed } from '../open-data/atom-feed';

/** `/feed.xml`: newly published German case studies (Atom). */
export default defineEventHandler((event) => atomFeed(event, 'de'));
