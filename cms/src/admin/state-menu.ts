// The edit view's "Redaktionsstatus" menu offers the signed-in editor only the states they may
// set (src/editorial/review-policy.ts refuses the others on save): Redaktion "Entwurf" and
// "Zur Prüfung", the Chefredaktion and Administration every state. Who is signed in is read from
// the admin's own "users/me" answer as it passes through the store, before any edit view opens.
import { EDITORIAL_STATES, STATES_FOR_REDAKTION } from '../editorial/states';

/**
 * The roles that release and publish: Chefredaktion and Administration (mayRelease in
 * cms/src/editorial/roles.ts, which the admin bundle cannot import: it pulls in server code).
 */
export const RELEASING_ROLES = ['praxis-chefredaktion', 'strapi-super-admin'];
export const mayRelease = (user: { roles?: { code: string }[] }) => (user.roles ?? []).some((role) => RELEASING_ROLES.includes(role.code));

interface StoreAction {
  type?: string;
  payload?: unknown;
  meta?: { arg?: { endpointName?: string } };
}
interface EditField {
  name: string;
  attribute?: { type?: string; enum?: string[] };
}
export interface EditLayout {
  layout: EditField[][][];
}

/** Whether the signed-in user may release; undefined until the admin has asked who it is. */
let releasing: boolean | undefined;

/** A store middleware (app.addMiddlewares): remembers who signed in from the admin's `getMe` query. */
export const rememberSignedInUser = () => () => (next: (action: StoreAction) => unknown) => (action: StoreAction) => {
  if (action.meta?.arg?.endpointName === 'getMe' && action.type?.endsWith('/fulfilled') && action.payload) {
    releasing = mayRelease(action.payload as { roles?: { code: string }[] });
  }
  return next(action);
};

const isStateField = (field: EditField) =>
  field.name === 'editorialState' && field.attribute?.type === 'enumeration' && EDITORIAL_STATES.every((state) => field.attribute?.enum?.includes(state));

/** One narrowed layout per layout Strapi made: the same object again, so the edit view does not render anew. */
const narrowed = new WeakMap<EditLayout, EditLayout>();

/** The edit layout with the state menu cut to what `mayRelease` allows (all of it while unknown: the server still refuses). */
export function statesForEditor<Layout extends EditLayout>(layout: Layout, mayReleaseStates = releasing): Layout {
  if (mayReleaseStates !== false) return layout;
  const known = narrowed.get(layout);
  if (known) return known as Layout;
  const narrow = (field: EditField) => (isStateField(field) ? { ...field, attribute: { ...field.attribute, enum: [...STATES_FOR_REDAKTION] } } : field);
  const result = { ...layout, layout: layout.layout.map((panel) => panel.map((row) => row.map(narrow))) };
  narrowed.set(layout, result);
  return result;
}
