/** `/feed.xml`: newly published German case studies (Atom). */
export default defineEventHandler((event) => atomFeed(event, 'de'));
