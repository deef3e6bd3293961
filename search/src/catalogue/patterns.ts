// The shapes of values that the CMS, the import, the search and the site's routes all check:
// written once here, imported everywhere (a test in each workspace would otherwise have to hold
// the copies equal). No imports: the site's browser code may import this file too.

/** A slug: lowercase a–z and digits in groups joined by single hyphens ("kita-familienzentrum"). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest slug anything accepts: the CMS makes case-study slugs this long at most
 * (cms/src/editorial/slugs.ts), taxonomy slugs are shorter, and a moved page's old slug was made
 * by the same rule.
 */
export const SLUG_MAX_LENGTH = 120;

/** Whether `value` is a slug of at most SLUG_MAX_LENGTH characters. */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * C0 control characters but tab, newline and carriage return: invisible in the admin and in a
 * form, illegal in XML (one in a title would break the site's feeds and sitemap) and in mail.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** An 8-digit NRW municipality key (Amtlicher Gemeindeschlüssel, "05112000"). */
export const MUNICIPALITY_AGS_PATTERN = /^05\d{6}$/;
/** A 5-digit NRW Kreis key ("05978"); a kreisfreie Stadt's is the first five digits of its AGS. */
export const DISTRICT_AGS_PATTERN = /^05\d{3}$/;

/** A telephone number as people write it ("+49 231 12 34-5", "(0231) 123/45"). */
export const PHONE_PATTERN = /^[+0-9 ()/-]{3,50}$/;
