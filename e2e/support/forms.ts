// What the tests of the public forms share: a JSON post from a chosen client address (the site
// limits per address) and a proof of work solved as the forms' script solves it.
import { request } from 'node:http';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { inject } from 'vitest';

/**
 * How long a form without JavaScript must be open before it is sent: the e2e stack sets
 * FORM_MIN_SECONDS=1 (production: 5), and the challenge's time has whole seconds.
 */
export const FORM_MIN_SECONDS = 1;
export const FORM_MIN_MS = FORM_MIN_SECONDS * 1000 + 200;

export interface JsonAnswer<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

/** POST `path` on the site with a JSON body (a string goes as it is) from `localAddress`. */
export function postJson<T>(path: string, body: unknown, localAddress: string): Promise<JsonAnswer<T>> {
  const site = new URL(inject('siteUrl'));
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: site.hostname,
        port: site.port,
        path,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text || '{}') as T }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The proof field as the forms' script fills it: a fresh challenge from the site, solved. */
export async function solvedProof(): Promise<string> {
  const challenge = (await (await fetch(`${inject('siteUrl')}/api/proof-of-work`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
