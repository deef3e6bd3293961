// The four-eyes review of a case study (Community edition: Strapi's Review Workflows are
// Enterprise-only): Redaktion writes and sends to review, Chefredaktion releases and publishes
// or sends it back with a comment. `editorialState` in the case-study schema holds these values
// (a test keeps the two equal).
export const EDITORIAL_STATES = ['entwurf', 'zur-pruefung', 'freigegeben'] as const;
export type EditorialState = (typeof EDITORIAL_STATES)[number];

/** What a state is called in the German and the English admin. */
export const EDITORIAL_STATE_NAMES: Record<EditorialState, { de: string; en: string }> = {
  entwurf: { de: 'Entwurf', en: 'Draft' },
  'zur-pruefung': { de: 'Zur Prüfung', en: 'In review' },
  freigegeben: { de: 'Freigegeben', en: 'Approved' },
};

/** The states a role may set: Redaktion only writes drafts and sends them to review. */
export const STATES_FOR_REDAKTION: readonly EditorialState[] = ['entwurf', 'zur-pruefung'];
