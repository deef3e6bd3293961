// Child process for the "CMS killed with rows pending" test: boots Strapi from
// the environment, imports the records given as JSON in argv[2], prints
// "published" and waits to be killed.
import { loadStrapi } from '../../scripts/strapi-app.mts';

const strapi = await loadStrapi({ compile: false, logLevel: 'error' });
const importer = strapi.service('api::case-study.importer') as { importContent(name: string, content: string): Promise<{ written: boolean }> };
const report = await importer.importContent('records.json', process.argv[2]!);
process.stdout.write(report.written ? 'published\n' : 'failed\n');
setInterval(() => undefined, 1_000);
