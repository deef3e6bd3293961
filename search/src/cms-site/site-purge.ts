import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// Shared by the CMS (which tells the site what changed once Meilisearch has it) and the
// site (which drops exactly those cached answers). The request is signed with PURGE_SECRET:
// anyone else could otherwise make the site drop its caches at will.

/** What changed: case studies (the index confirmed them), the filter vocabulary, events. */
export const purgeNoticeSchema = z.strictObject({
  caseStudies: z
    .array(
      z.strictObject({
        documentId: z.string().min(1).max(64),
        locale: z.string().min(2).max(8),
      }),
    )
    .max(10_000)
    .default([]),
  /** A taxonomy or municipality was written: labels of filters and chips may have changed. */
  vocabulary: z.boolean().default(false),
  /** Everything (after a full reindex). */
  all: z.boolean().default(false),
  /** An event was written: the events pages, the calendar feed and the case studies' "presented at" lists. */
  events: z.boolean().default(false),
});
export type PurgeNotice = z.output<typeof purgeNoticeSchema>;

export const PURGE_PATH = '/api/internal/purge';
export const PURGE_TIMESTAMP_HEADER = 'x-purge-timestamp';
export const PURGE_SIGNATURE_HEADER = 'x-purge-signature';
/** A signed notice is accepted this long after it was signed (clock skew and retries included). */
export const PURGE_MAX_AGE_MS = 5 * 60_000;

/** HMAC-SHA256 over the timestamp and the exact body, base64url. */
export function signPurge(body: string, timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${body}`).digest('base64url');
}

/**
 * True when a notice's headers could be genuine: a fresh timestamp and a signature of the right
 * shape (an HMAC-SHA-256 in base64url). Checked before the body is read, so that a stranger's
 * request costs no more than its headers.
 */
export function purgeHeadersPlausible(timestamp: number, signature: string, now = Date.now()): boolean {
  return Number.isSafeInteger(timestamp) && Math.abs(now - timestamp) <= PURGE_MAX_AGE_MS && /^[A-Za-z0-9_-]{43}$/.test(signature);
}

/** True when the body was signed with `secret` within {@link PURGE_MAX_AGE_MS}. */
export function verifyPurge(body: string, timestamp: number, signature: string, secret: string, now = Date.now()): boolean {
  if (!secret || !Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > PURGE_MAX_AGE_MS) return false;
  const expected = Buffer.from(signPurge(body, timestamp, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
