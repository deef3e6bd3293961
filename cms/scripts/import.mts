// `npm run import -- <file.xlsx|file.csv|file.json> [--dry-run] [--locale de] [--skip-invalid] [--user e-mail]`
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../src/import/run-import.ts';
import { createProgressBar } from './progress-bar.mts';
import { loadStrapi, stopStrapi } from './strapi-app.mts';
import { loadEnv } from '@praxis/tooling/env-file';

const USAGE = `Usage: npm run import -- <file.xlsx|file.csv|file.json> [--dry-run] [--locale de|en] [--skip-invalid] [--user e-mail]

  --dry-run       validate and show what would change; write nothing
  --locale CODE   locale of the records (default: the CMS's default locale, de)
  --skip-invalid  write the valid records even if others are invalid
  --user E-MAIL   the admin user the editorial record names for the changes
                  (default: "Import (Kommandozeile)")`;

/** What the editorial record names for a command-line import (cms/src/history/actor.ts). */
const COMMAND_LINE = { id: null, name: 'Import (Kommandozeile)', email: null };

function printReport(report: ImportReport, dryRun: boolean): void {
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
  // Each problem as editors read it: "Zeile 3, Kurzbeschreibung: 369 Zeichen, höchstens 300".
  for (const issue of report.issues) console.error(`error: ${issue.message}`);
  const invalidRecords = report.invalid;
  const verb = report.written ? '' : 'would be ';
  console.log(
    `${report.total} records (${report.locale}): ${report.created} ${verb}created, ${report.updated} ${verb}updated, ` +
      `${report.unchanged} unchanged, ${invalidRecords} invalid.`,
  );
  for (const [what, entries] of [
    ['created', report.createdEntries],
    ['updated', report.updatedEntries],
  ] as const) {
    const titles = entries.slice(0, 20).map((entry) => `„${entry.title}“`);
    if (entries.length > 20) titles.push(`… (${entries.length - 20} more)`);
    if (entries.length > 0) console.log(`${what[0]!.toUpperCase()}${what.slice(1)}: ${titles.join(', ')}`);
  }
  if (report.organisationsCreated.length > 0) {
    console.log(`Organisations ${verb}created: ${report.organisationsCreated.join(', ')}`);
  }
  if (!report.written && !dryRun) {
    console.error('Nothing was written because the file has invalid records. Fix them, or use --skip-invalid to import the valid ones.');
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      locale: { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  // npm runs scripts from the package folder; the user meant a path relative to where they typed the command.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(file)) {
    console.error(`File not found: ${file}`);
    return 2;
  }
  loadEnv();
  const strapi = await loadStrapi({ logLevel: 'warn' });
  try {
    const progress = createProgressBar('Importing');
    const importer = strapi.service('api::case-study.importer') as {
      importFile(path: string, options: object): Promise<ImportReport>;
    };
    let actor: { id: number | null; name: string; email: string | null } = COMMAND_LINE;
    if (values.user) {
      const user = (await strapi.db
        .query('admin::user')
        .findOne({ where: { email: values.user.toLowerCase() }, select: ['id', 'firstname', 'lastname', 'email'] })) as {
        id: number;
        firstname: string | null;
        lastname: string | null;
        email: string;
      } | null;
      if (!user) {
        console.error(`error: there is no admin user with the e-mail address ${values.user}`);
        return 2;
      }
      actor = { id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email, email: user.email };
    }
    const report = await importer.importFile(file, {
      locale: values.locale,
      actor,
      dryRun: values['dry-run'],
      skipInvalid: values['skip-invalid'],
      onProgress: (done: number, total: number) => progress.update(done, total),
    });
    printReport(report, values['dry-run']);
    if (report.written) console.log(`Recorded in the editorial history as "${actor.name}".`);
    return report.issues.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    await stopStrapi(strapi);
  }
}

process.exitCode = await main();
