import { describe, expect, it } from 'vitest';
import { localSiteUrlRefusal } from './site-url.ts';

describe('the production check of SITE_URL', () => {
  it('refuses a missing, empty or local address and says how to fix it', () => {
    for (const url of [
      undefined,
      '',
      '  ',
      'http://localhost:3000',
      'http://LOCALHOST',
      'http://app.localhost',
      'http://127.0.0.1:3000',
      'http://127.1.2.3',
      'http://[::1]:3000',
      'http://0.0.0.0',
    ]) {
      const refusal = localSiteUrlRefusal(url, {});
      expect(refusal, String(url)).toContain('SITE_URL');
      expect(refusal).toContain('https://praxisdatenbank.example.org');
      expect(refusal).toContain('ALLOW_LOCAL_SITE_URL=1');
    }
    expect(localSiteUrlRefusal(undefined, {})).toContain('is not set');
    expect(localSiteUrlRefusal('http://localhost:3000', {})).toContain('points to this machine (http://localhost:3000)');
  });

  it('accepts a public address, and a local one only with the explicit escape', () => {
    expect(localSiteUrlRefusal('https://praxisdatenbank.example.org', {})).toBeUndefined();
    expect(localSiteUrlRefusal('http://127.0.0.100.example.org', {})).toBeUndefined();
    expect(localSiteUrlRefusal('http://localhost:3000', { ALLOW_LOCAL_SITE_URL: '1' })).toBeUndefined();
    expect(localSiteUrlRefusal('http://localhost:3000', { ALLOW_LOCAL_SITE_URL: 'true' })).toBeDefined();
  });

  it('names the variable it was given and refuses what is not a URL', () => {
    expect(localSiteUrlRefusal(undefined, {}, 'NUXT_PUBLIC_SITE_URL')).toMatch(/^NUXT_PUBLIC_SITE_URL is not set/);
    expect(localSiteUrlRefusal('praxisdatenbank', {})).toContain('is not a URL');
  });
});
