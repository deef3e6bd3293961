// A throwaway database per test Strapi: a SQLite file in a temp folder, or a fresh PostgreSQL
// database when TEST_DATABASE_CLIENT=postgres; empty, or a copy of a seeded template
// (global-setup.mts seeds the templates once per run).
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A seeded database to copy: a SQLite file or a PostgreSQL database (`CREATE DATABASE … TEMPLATE`). */
export type DatabaseTemplate = { client: 'sqlite'; file: string } | { client: 'postgres'; name: string };

const require = createRequire(import.meta.url);
const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withAdminClient<T>(work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function postgresDatabase(name: string): TestDatabase {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new database, empty or as a copy of `template`. */
export async function createTestDatabase(template?: DatabaseTemplate): Promise<TestDatabase> {
  if (process.env.TEST_DATABASE_CLIENT === 'postgres') {
    const name = `praxis_test_${randomBytes(6).toString('hex')}`;
    await withAdminClient((client) =>
      client.query(template?.client === 'postgres' ? `CREATE DATABASE ${name} TEMPLATE ${template.name}` : `CREATE DATABASE ${name}`),
    );
    return postgresDatabase(name);
  }
  const dir = mkdtempSync(join(tmpdir(), 'praxis-cms-test-'));
  const file = join(dir, 'data.db');
  if (template?.client === 'sqlite') {
    copyFileSync(template.file, file);
    if (existsSync(`${template.file}-wal`)) copyFileSync(`${template.file}-wal`, `${file}-wal`);
  }
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A database to seed as a template (empty, or a copy of `from`), and how to remove it after the run. */
export async function createTemplateDatabase(label: string, from?: DatabaseTemplate): Promise<{ database: TestDatabase; template: DatabaseTemplate }> {
  if (process.env.TEST_DATABASE_CLIENT === 'postgres') {
    const name = `praxis_template_${label}_${randomBytes(4).toString('hex')}`;
    await withAdminClient((client) => client.query(from?.client === 'postgres' ? `CREATE DATABASE ${name} TEMPLATE ${from.name}` : `CREATE DATABASE ${name}`));
    return { database: postgresDatabase(name), template: { client: 'postgres', name } };
  }
  const database = await createTestDatabase(from);
  return { database, template: { client: 'sqlite', file: database.env.DATABASE_FILENAME! } };
}
