import { createHmac, timingSafeEqual } from 'node:crypto';

// Shared by the CMS (which signs the preview link it hands the editor) and the
// site (which checks it): the preview secret itself never leaves the servers.

export interface PreviewTarget {
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Epoch seconds after which the link stops working. */
  expires: number;
}

const payload = (target: PreviewTarget) => `${target.documentId}\n${target.locale}\n${target.status}\n${target.expires}`;

/** HMAC-SHA256 of the target, base64url. */
export function signPreview(target: PreviewTarget, secret: string): string {
  return createHmac('sha256', secret).update(payload(target)).digest('base64url');
}

/** True when `signature` was made by {@link signPreview} with `secret` and has not expired. */
export function verifyPreview(target: PreviewTarget, signature: string, secret: string, now = Date.now()): boolean {
  if (!secret || target.expires * 1000 < now) return false;
  const expected = Buffer.from(signPreview(target, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Site path of the preview page with a signed query, valid for `validForSeconds`. */
export function previewPath(target: Omit<PreviewTarget, 'expires'>, secret: string, validForSeconds = 8 * 3600, now = Date.now()): string {
  const signed = { ...target, expires: Math.floor(now / 1000) + validForSeconds };
  const prefix = target.locale === 'en' ? '/en/preview' : '/vorschau';
  const query = new URLSearchParams({ status: signed.status, expires: String(signed.expires), signature: signPreview(signed, secret) });
  return `${prefix}/${encodeURIComponent(target.documentId)}?${query}`;
}
