import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMS_VARIABLES, cmsEnvironment, meiliTargets, refuseLocalSiteUrlInProduction } from '../src/config/environment';

describe("the CMS's environment", () => {
  it('has a default for every setting that needs one, and takes an empty value as unset', () => {
    const defaults = cmsEnvironment({});
    expect(defaults).toMatchObject({
      SITE_URL: 'http://localhost:3000',
      SEARCH_SYNC_WORKER: true,
      SYNC_BATCH_SIZE: 2_000,
      SYNC_RECONCILE_INTERVAL_MS: 900_000,
      MAIL_WORKER: true,
      MAIL_POLL_INTERVAL_MS: 5_000,
      REQUEST_RETENTION_DAYS: 90,
      REVIEW_INTERVAL_MONTHS: 12,
      SEED_DEMO_CONTENT: true,
      ADMIN_FIRSTNAME: 'Redaktion',
    });
    expect(defaults.MEILI_URL).toBeUndefined();
    expect(cmsEnvironment({ MEILI_URL: '', SYNC_BATCH_SIZE: ' ', SEED_DEMO_CONTENT: '' })).toMatchObject({
      MEILI_URL: undefined,
      SYNC_BATCH_SIZE: 2_000,
      SEED_DEMO_CONTENT: true,
    });
    expect(cmsEnvironment({ SITE_URL: 'https://praxis.example.org/', SEED_DEMO_CONTENT: 'false', SYNC_BATCH_SIZE: '500' })).toMatchObject({
      SITE_URL: 'https://praxis.example.org',
      SEED_DEMO_CONTENT: false,
      SYNC_BATCH_SIZE: 500,
    });
  });

  it('lists every Meilisearch the sync writes to: MEILI_URL first, then the replicas, each once', () => {
    expect(meiliTargets(cmsEnvironment({}))).toEqual([]);
    expect(meiliTargets(cmsEnvironment({ MEILI_REPLICA_URLS: 'http://meili-2:7700' }))).toEqual([]);
    expect(meiliTargets(cmsEnvironment({ MEILI_URL: 'http://meili:7700/' }))).toEqual(['http://meili:7700']);
    expect(
      meiliTargets(
        cmsEnvironment({ MEILI_URL: 'http://meili:7700', MEILI_REPLICA_URLS: ' http://meili-2:7700/ ,http://meili:7700,, https://meili-3.example.org' }),
      ),
    ).toEqual(['http://meili:7700', 'http://meili-2:7700', 'https://meili-3.example.org']);
    expect(() => cmsEnvironment({ MEILI_REPLICA_URLS: 'http://meili-2:7700,meili-3' })).toThrow(/MEILI_REPLICA_URLS must be comma-separated URLs/);
  });

  it('refuses wrong values, naming every variable, instead of passing NaN or falling back silently', () => {
    expect(() =>
      cmsEnvironment({ SYNC_BATCH_SIZE: 'viele', MAIL_WORKER: 'nein', SITE_URL: 'praxis.example.org', REVIEW_INTERVAL_MONTHS: '0', MAIL_RETRY_BASE_MS: '1.5' }),
    ).toThrow(
      /SITE_URL must be a URL.*SYNC_BATCH_SIZE must be a number \(is "viele"\).*MAIL_WORKER must be true or false.*MAIL_RETRY_BASE_MS must be a whole number.*REVIEW_INTERVAL_MONTHS must be at least 1/,
    );
  });

  it('refuses in production a missing or local SITE_URL (its mails would link to localhost), unless explicitly allowed', () => {
    expect(() => refuseLocalSiteUrlInProduction({ NODE_ENV: 'production' })).toThrow(/SITE_URL is not set: .* mails/);
    expect(() => refuseLocalSiteUrlInProduction({ NODE_ENV: 'production', SITE_URL: 'http://127.0.0.1:3000' })).toThrow(/SITE_URL points to this machine/);
    expect(() => refuseLocalSiteUrlInProduction({ NODE_ENV: 'production', SITE_URL: 'https://praxis.example.org' })).not.toThrow();
    expect(() => refuseLocalSiteUrlInProduction({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000', ALLOW_LOCAL_SITE_URL: '1' })).not.toThrow();
    expect(() => refuseLocalSiteUrlInProduction({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('is documented in .env.example, variable by variable', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
    expect(CMS_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
