// The review step's decisions as plain functions: who may set which state, who may publish, and
// when a taxonomy entry may not be deleted. review-rules.ts applies them to every write of the
// document service; here they need no Strapi (review-policy.test.ts).
import { mayRelease, type AdminUser } from './roles';
import { EDITORIAL_STATE_NAMES, STATES_FOR_REDAKTION, type EditorialState } from './states';

/** What is reviewed, as the messages name it: a case study or a transfer report ("Nachnutzung"). */
export type Reviewed = 'das Praxisbeispiel' | 'den Bericht';

/**
 * Why `user` may not set a case study (or a report) to `state`, or undefined when it may. Without
 * a user the CMS acts for itself (seed, importer, sync, tests) and is not restricted.
 */
export function editorialStateRefusal(
  state: EditorialState | null | undefined,
  user: AdminUser | undefined,
  what: Reviewed = 'das Praxisbeispiel',
): string | undefined {
  if (!state || !user || mayRelease(user) || STATES_FOR_REDAKTION.includes(state)) return undefined;
  return `„${EDITORIAL_STATE_NAMES[state].de}“ darf nur die Chefredaktion setzen. Geben Sie ${what} „Zur Prüfung“.`;
}

/** Why `user` may not publish a case study (or a report), or undefined when it may. */
export function publishRefusal(user: AdminUser | undefined, what: Reviewed = 'das Praxisbeispiel'): string | undefined {
  if (!user || mayRelease(user)) return undefined;
  return `Veröffentlichen darf nur die Chefredaktion. Geben Sie ${what} „Zur Prüfung“.`;
}

/**
 * Why a taxonomy entry named `name` may not be deleted, or undefined when no case study uses it.
 * `usedBy` holds one row per case-study row that points at it (rows are per locale and per draft
 * and published version), so a case study counts once.
 */
export function inUseRefusal(name: string | null | undefined, usedBy: readonly { documentId: string }[]): string | undefined {
  const uses = new Set(usedBy.map((row) => row.documentId)).size;
  if (uses === 0) return undefined;
  const what = name ? `„${name}“` : 'Dieser Eintrag';
  const cases = uses === 1 ? 'einem Praxisbeispiel' : `${uses} Praxisbeispielen`;
  return `${what} wird in ${cases} verwendet und kann nicht gelöscht werden. Entfernen Sie ihn dort zuerst.`;
}

/** The case-study rows a publish of `documentId` releases: every locale, or the one published. */
export function releasedRows(documentId: string, locale: string | undefined): { documentId: string; locale?: string } {
  return { documentId, ...(locale && locale !== '*' ? { locale } : {}) };
}
