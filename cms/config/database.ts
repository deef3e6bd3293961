import path from 'path';
import type { Core } from '@strapi/strapi';
import { reusePreparedStatements } from '../src/database/statement-cache';

// PostgreSQL and SQLite only: the outbox's SQL (FOR UPDATE SKIP LOCKED, upserts) is written and
// tested for these two, and no MySQL driver is installed.
const CLIENTS = ['postgres', 'sqlite'] as const;
type Client = (typeof CLIENTS)[number];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (!(CLIENTS as readonly string[]).includes(client)) {
    throw new Error(`Unsupported DATABASE_CLIENT: ${client}. Use "postgres" or "sqlite".`);
  }

  const connections: Record<Client, Core.Config.Database['connection']> = {
    postgres: {
      client: 'postgres',
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', 'localhost'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'strapi'),
        password: env('DATABASE_PASSWORD', 'strapi'),
        ssl: env.bool('DATABASE_SSL', false) && {
          key: env('DATABASE_SSL_KEY', undefined),
          cert: env('DATABASE_SSL_CERT', undefined),
          ca: env('DATABASE_SSL_CA', undefined),
          capath: env('DATABASE_SSL_CAPATH', undefined),
          cipher: env('DATABASE_SSL_CIPHER', undefined),
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      client: 'sqlite',
      connection: {
        // Relative paths are taken from cms/ (config/ compiles to dist/config/); absolute paths as given.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // See src/database/statement-cache.ts: without it every query's statement stays in memory.
      pool: {
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          reusePreparedStatements(connection as Parameters<typeof reusePreparedStatements>[0]);
          done(undefined, connection);
        },
      },
    },
  };

  return {
    connection: {
      ...connections[client as Client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
    // The CMS's own tables come from the migrations in database/migrations/*.ts, which Strapi runs
    // (once each, in file-name order) before its schema sync. It runs `.js` files only: with this
    // setting it reads the compiled ones in dist/database/migrations/ instead of the source folder.
    settings: { useTypescriptMigrations: true },
  };
};

export default config;
