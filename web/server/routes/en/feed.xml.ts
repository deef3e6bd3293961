import { atomFeed } from '../../open-data/atom-feed';

/** `/en/feed.xml`: newly published English case studies (Atom). */
export default defineEventHandler((event) => atomFeed(event, 'en'));
