// Every environment variable the CMS's own code reads (cms/src), with its default, parsed and
// checked in one place: a wrong value stops the CMS at boot with the variable's name instead of
// turning into NaN or a silent default somewhere. Strapi's own settings (database, secrets, SMTP)
// are read by the files in cms/config with Strapi's env() helper. `.env.example` documents each
// variable here (cms/tests/environment.test.ts holds them together).
import { DEFAULT_BATCH_SIZE, localSiteUrlRefusal } from '@praxis/search';
import { z } from 'zod';

// An empty value (`NAME=` in an .env file) counts as unset.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = () => z.preprocess(unsetIfEmpty, z.string().trim().optional());
const optionalUrl = () =>
  z.preprocess(unsetIfEmpty, z.url({ error: 'must be a URL such as https://example.org' }).optional()).transform((value) => value?.replace(/\/$/, ''));
/** Comma-separated URLs, each checked like a single one. */
const urlList = () =>
  z
    .preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean)
          : [],
      z.array(z.url({ error: 'must be comma-separated URLs such as http://meili-2:7700' })),
    )
    .transform((urls) => urls.map((value) => value.replace(/\/$/, '')));
const url = (fallback: string) => optionalUrl().transform((value) => value ?? fallback);
const whole = (fallback: number, min: number) =>
  z
    .preprocess(unsetIfEmpty, z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).optional())
    .transform((value) => value ?? fallback);
const flag = (fallback: boolean) =>
  z
    .preprocess(unsetIfEmpty, z.enum(['true', 'false'], { error: 'must be true or false' }).optional())
    .transform((value) => (value === undefined ? fallback : value === 'true'));

const schema = z.object({
  /** The public site: links in mails, the preview, the purge notices' default address. */
  SITE_URL: url('http://localhost:3000'),
  /** Comma-separated site instances that get the purge notices (default: SITE_URL). */
  SITE_PURGE_URLS: text(),
  PURGE_SECRET: text(),
  PREVIEW_SECRET: text(),
  /** The site's read-only API token, created at boot from this value. */
  STRAPI_SITE_TOKEN: text(),
  MEILI_URL: optionalUrl(),
  /** More Meilisearch instances the sync writes to, each with its own progress (docs/operations.md, "Meilisearch availability"). */
  MEILI_REPLICA_URLS: urlList(),
  MEILI_MASTER_KEY: text(),
  MEILI_SYNC_KEY: text(),
  /** false: connect to Meilisearch but leave the outbox to another process (the CLIs). */
  SEARCH_SYNC_WORKER: flag(true),
  SYNC_BATCH_SIZE: whole(DEFAULT_BATCH_SIZE, 1),
  SYNC_MAX_BACKOFF_MS: whole(60_000, 1),
  SYNC_POLL_INTERVAL_MS: whole(1_000, 1),
  SYNC_RECONCILE_INTERVAL_MS: whole(15 * 60_000, 1_000),
  /** false: queue mails but send none from this process. */
  MAIL_WORKER: flag(true),
  MAIL_POLL_INTERVAL_MS: whole(5_000, 1),
  MAIL_RETRY_BASE_MS: whole(10_000, 1),
  REQUEST_RETENTION_DAYS: whole(90, 1),
  REVIEW_INTERVAL_MONTHS: whole(12, 1),
  /** Months after a Hospitation or Austausch request when the requester (with consent) is asked once whether the idea was taken over. */
  FOLLOW_UP_MONTHS: whole(6, 1),
  /** The hour (Europe/Berlin, 0–23) from which the Chefredaktion's daily digest goes out. */
  DIGEST_HOUR: whole(7, 0).pipe(z.number().max(23, 'must be an hour from 0 to 23')),
  SEED_DEMO_CONTENT: flag(true),
  /** The first Administration account, created when there is none. */
  ADMIN_EMAIL: text(),
  ADMIN_PASSWORD: text(),
  ADMIN_FIRSTNAME: text().transform((value) => value ?? 'Redaktion'),
  ADMIN_LASTNAME: text().transform((value) => value ?? 'Praxisdatenbank'),
});

export type CmsEnvironment = z.infer<typeof schema>;
/** The names of the variables this module reads. */
export const CMS_VARIABLES = Object.keys(schema.shape) as (keyof CmsEnvironment)[];

/**
 * The CMS's settings from the environment (read each time: tests and CLIs set variables at run
 * time). Throws naming every variable with a wrong value.
 */
export function cmsEnvironment(env: NodeJS.ProcessEnv = process.env): CmsEnvironment {
  const parsed = schema.safeParse(Object.fromEntries(CMS_VARIABLES.map((name) => [name, env[name]])));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message} (is "${env[String(issue.path[0])]}")`);
  throw new Error(`The CMS's environment is not valid: ${problems.join('; ')}. See .env.example.`);
}

/** Every Meilisearch the sync writes to: MEILI_URL first, then MEILI_REPLICA_URLS (none without MEILI_URL). */
export function meiliTargets(env: CmsEnvironment = cmsEnvironment()): string[] {
  return env.MEILI_URL ? [...new Set([env.MEILI_URL, ...env.MEILI_REPLICA_URLS])] : [];
}

/**
 * Throws in production when SITE_URL is unset or local: the CMS's mails would link to
 * http://localhost:3000 (the rule and its one escape, ALLOW_LOCAL_SITE_URL=1: @praxis/search).
 */
export function refuseLocalSiteUrlInProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const refusal = localSiteUrlRefusal(env.SITE_URL, env);
  if (refusal) throw new Error(`The CMS's environment is not valid: ${refusal}`);
}
