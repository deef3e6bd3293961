// Seeds a template database for the CMS integration tests, in a process of its own (Strapi's
// shutdown removes every process listener, which would take the test runner's with it): boots the
// CMS once on the database in the environment (taxonomies, the 396 municipalities, roles, layout,
// the first editor, the demo content when SEED_DEMO_CONTENT=true) and stops it.
import { loadStrapi, stopStrapi } from '../../scripts/strapi-app.mts';

const strapi = await loadStrapi({ compile: false, logLevel: 'error' });
await stopStrapi(strapi);
process.exit(0);
