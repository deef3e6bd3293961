// The project's single `.env` at the repository root: created from `.env.example`
// with generated secrets when missing, completed when variables are missing,
// never overwritten.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const ENV_FILE = `${ROOT_DIR}/.env`;
const EXAMPLE_FILE = `${ROOT_DIR}/.env.example`;

/** A random password that satisfies Strapi's admin policy (upper, lower, digit, 8+ chars). */
function generatePassword(): string {
  return `Qz-${randomBytes(12).toString('base64url')}-7a`;
}

const generateSecret = () => randomBytes(24).toString('base64url');

function generateValue(name: string, template: string): string {
  if (name === 'ADMIN_PASSWORD') return generatePassword();
  return template.replaceAll('<generated>', generateSecret);
}

/** Fresh values for every secret the CMS and the site need, for throwaway stacks (tests, benchmarks). */
export function freshSecrets() {
  return {
    APP_KEYS: [generateSecret(), generateSecret()].join(','),
    API_TOKEN_SALT: generateSecret(),
    ADMIN_JWT_SECRET: generateSecret(),
    TRANSFER_TOKEN_SALT: generateSecret(),
    JWT_SECRET: generateSecret(),
    ENCRYPTION_KEY: generateSecret(),
    STRAPI_SITE_TOKEN: generateSecret(),
    PREVIEW_SECRET: generateSecret(),
    PURGE_SECRET: generateSecret(),
    ALTCHA_SECRET: generateSecret(),
    ADMIN_EMAIL: 'redaktion@example.org',
    ADMIN_PASSWORD: generatePassword(),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
}

/** Lines of `.env.example` with generated values filled in, keyed by variable name. */
function exampleEntries(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of readFileSync(EXAMPLE_FILE, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) entries.set(match[1]!, match[2]!.includes('<generated>') ? generateValue(match[1]!, match[2]!) : match[2]!);
  }
  return entries;
}

/**
 * Creates `.env` from `.env.example` (comments kept, secrets generated) when it
 * does not exist; otherwise appends only the variables it lacks. Returns what it did.
 */
export function ensureEnvFile(): 'created' | 'completed' | 'unchanged' {
  const entries = exampleEntries();
  if (!existsSync(ENV_FILE)) {
    const text = readFileSync(EXAMPLE_FILE, 'utf8').replace(/^([A-Z0-9_]+)=.*$/gm, (_line, name: string) => `${name}=${entries.get(name)}`);
    writeFileSync(ENV_FILE, text, { mode: 0o600 });
    return 'created';
  }
  const present = new Set([...readFileSync(ENV_FILE, 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]));
  const missing = [...entries].filter(([name]) => !present.has(name));
  if (missing.length === 0) return 'unchanged';
  appendFileSync(ENV_FILE, `\n# Added by npm start from .env.example\n${missing.map(([name, value]) => `${name}=${value}`).join('\n')}\n`);
  return 'completed';
}

/** Loads `.env` into `process.env` without overriding variables already set in the environment. */
export function loadEnv(): void {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
}
