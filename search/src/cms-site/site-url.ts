// Shared by `npm run start:prod`, the site and the CMS: in production SITE_URL goes into every
// address the project hands out (shared Merkliste links, feeds, PDF footers, exports, mails). A
// forgotten or local SITE_URL would hand out http://localhost:3000, which leads nowhere for anyone
// but the server itself, so a production process refuses to start with one.

/** Set to `1` only to run the production build on this machine (the e2e stack, `npm start`). */
export const ALLOW_LOCAL_SITE_URL = 'ALLOW_LOCAL_SITE_URL';

/** localhost, *.localhost, 127.0.0.0/8, ::1 and 0.0.0.0: reached only from the machine itself. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '0.0.0.0';
}

/**
 * Why a production process must not start with this site address, or undefined when it may.
 * `variable` names the setting in the message (`SITE_URL`, or the site's `NUXT_PUBLIC_SITE_URL`).
 */
export function localSiteUrlRefusal(siteUrl: string | undefined, env: NodeJS.ProcessEnv, variable = 'SITE_URL'): string | undefined {
  if (env[ALLOW_LOCAL_SITE_URL] === '1') return undefined;
  let problem: string;
  if (!siteUrl?.trim()) problem = 'is not set';
  else {
    let hostname: string;
    try {
      hostname = new URL(siteUrl).hostname;
    } catch {
      return `${variable} "${siteUrl}" is not a URL: set it to the site's public address, e.g. https://praxisdatenbank.example.org.`;
    }
    if (!isLocalHost(hostname)) return undefined;
    problem = `points to this machine (${siteUrl})`;
  }
  return (
    `${variable} ${problem}: in production it goes into shared Merkliste links, feeds, PDF footers, exports and mails. ` +
    `Set it to the site's public address, e.g. https://praxisdatenbank.example.org. ` +
    `Only to try the production build on this machine, set ${ALLOW_LOCAL_SITE_URL}=1 (docs/configuration.md).`
  );
}
