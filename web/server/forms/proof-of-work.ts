// ALTCHA proof of work for the public forms, self-hosted: the site signs a challenge, the
// browser spends about a second of hashing on it, the site checks the answer. No cookie, no
// third party. Each challenge is accepted once (its nonce is remembered until it expires, by all
// site instances together: shared-state/).
//
// A browser without JavaScript cannot do the work. Its form still carries the signed challenge
// that the server rendered into it, which proves the form was fetched from us and when; such a
// submission must come at least NUXT_FORM_MIN_SECONDS (5) after that and counts against a tighter
// per-client limit (server/forms/public-form.ts).
import { randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { sharedState } from '../shared-state/shared-state';

const ALGORITHM = 'SHA-256';
/** The solver tries counters from 0 up: about 10,000–40,000 hashes, a second or less in a phone's browser. */
const COUNTER_RANGE = [10_000, 40_000] as const;
/** Long enough to write a message; a form left open longer gets a fresh challenge on sending. */
const CHALLENGE_SECONDS = 2 * 60 * 60;

export type ProofOutcome = { kind: 'solved' } | { kind: 'unsolved' } | { kind: 'refused'; reason: 'missing' | 'invalid' | 'expired' | 'replayed' | 'too-fast' };

let secrets: { signature: string; key: string } | undefined;
/** Signing secrets from NUXT_ALTCHA_SECRET, or random per process (challenges then end with a restart). */
function signingSecrets() {
  if (secrets) return secrets;
  const configured = String(useRuntimeConfig().altchaSecret || '');
  const base = configured || randomBytes(32).toString('hex');
  secrets = { signature: `${base}:challenge`, key: `${base}:key` };
  return secrets;
}

export async function issueChallenge(now = Date.now()): Promise<Challenge> {
  const { signature, key } = signingSecrets();
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(...COUNTER_RANGE),
    deriveKey,
    data: { issuedAt: Math.floor(now / 1000) },
    expiresAt: Math.floor(now / 1000) + CHALLENGE_SECONDS,
    hmacSignatureSecret: signature,
    hmacKeySignatureSecret: key,
  });
}

/** The hidden form field: base64 of `{ challenge, solution }`; without JavaScript only the challenge the page was rendered with. */
function decodeProof(field: unknown): { challenge: Challenge; solution?: Solution } | undefined {
  if (typeof field !== 'string' || field.length === 0 || field.length > 4096) return undefined;
  try {
    const value = JSON.parse(Buffer.from(field, 'base64').toString('utf8')) as { challenge?: Challenge; solution?: Solution };
    if (!value?.challenge?.parameters || typeof value.challenge.parameters !== 'object') return undefined;
    return { challenge: value.challenge, solution: value.solution ?? undefined };
  } catch {
    return undefined;
  }
}

/**
 * Checks a form's proof field and, if it is accepted, marks its challenge as used. Without a
 * solution the form must be `minSeconds` old: a person needs that long, a script does not wait
 * (NUXT_FORM_MIN_SECONDS, 5; the end-to-end tests set 1 so that they need not wait 5 s).
 */
export async function checkProof(field: unknown, now = Date.now(), minSeconds = Number(useRuntimeConfig().formMinSeconds) || 5): Promise<ProofOutcome> {
  const proof = decodeProof(field);
  if (!proof) return { kind: 'refused', reason: 'missing' };
  const { signature, key } = signingSecrets();
  const { challenge, solution } = proof;
  // Without a solution, a placeholder answer still tells a genuine, unexpired challenge from a forged one.
  const result = await verifySolution({
    challenge,
    solution: solution ?? { counter: 0, derivedKey: '00' },
    deriveKey,
    hmacSignatureSecret: signature,
    hmacKeySignatureSecret: key,
  }).catch(() => ({ verified: false, expired: false, invalidSignature: true, invalidSolution: null }));
  if (result.expired) return { kind: 'refused', reason: 'expired' };
  if (result.invalidSignature !== false) return { kind: 'refused', reason: 'invalid' };
  if (solution && !result.verified) return { kind: 'refused', reason: 'invalid' };
  const issuedAt = Number(challenge.parameters.data?.issuedAt);
  if (!solution && !(now / 1000 - issuedAt >= minSeconds)) return { kind: 'refused', reason: 'too-fast' };

  const firstUse = await sharedState().claimOnce(`proof:${challenge.parameters.nonce}`, challenge.parameters.expiresAt ?? 0, now);
  if (!firstUse) return { kind: 'refused', reason: 'replayed' };
  return { kind: solution ? 'solved' : 'unsolved' };
}
