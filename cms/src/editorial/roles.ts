import type { Core } from '@strapi/strapi';
import { CASE_STUDY_UID, EVENT_UID, LOCALES, TAXONOMIES, TRANSFER_REPORT_UID, type TaxonomyModels } from '@praxis/search';

// The newsroom's roles, kept in code and applied at every start (idempotent: a role's
// permissions are set to exactly these, so a change made by hand in the admin is undone on
// the next start — the roles are part of the product, like the schema).
export const CASE_STUDY = CASE_STUDY_UID;
/** Events (Veranstaltungen): written, published and deleted by the same roles as case studies. */
export const EVENT = EVENT_UID;
/** The Träger (organisations): Chefredaktion maintains them; Redaktion may propose one (editorial/organisations.ts). */
export const ORGANISATION = TAXONOMIES.find((taxonomy) => taxonomy.field === 'provider')!.uid as TaxonomyModels['provider'];
/** Reports of "Nachnutzung melden": reviewed and published like case studies (review-rules.ts). */
export const TRANSFER_REPORT = TRANSFER_REPORT_UID;
/** Taxonomies the Chefredaktion maintains. */
export const EDITABLE_TAXONOMIES = TAXONOMIES.filter((taxonomy) => taxonomy.maintainedBy === 'chefredaktion').map((taxonomy) => taxonomy.uid);
/** The search's synonym sets ("Suchbegriffe"): Chefredaktion and Administration; Redaktion does not see them. */
export const SEARCH_TERM = 'api::search-term.search-term';
/** Official reference data: only the super admin (Administration) may change it. */
export const REFERENCE_DATA = TAXONOMIES.filter((taxonomy) => taxonomy.maintainedBy === 'administration').map((taxonomy) => taxonomy.uid);

export const REDAKTION = {
  code: 'praxis-redaktion',
  name: 'Redaktion',
  description:
    'Schreibt und übersetzt Praxisbeispiele und Veranstaltungen, schlägt fehlende Träger vor, lädt Medien hoch und gibt Praxisbeispiele zur Prüfung; veröffentlicht und löscht nicht.',
};
export const CHEFREDAKTION = {
  code: 'praxis-chefredaktion',
  name: 'Chefredaktion',
  description:
    'Prüft, veröffentlicht, zieht zurück und löscht Praxisbeispiele und Veranstaltungen; pflegt Zielgruppen, Handlungsfelder, Settings, Qualitätskriterien, Organisationen und Suchbegriffe.',
};
export const SUPER_ADMIN_CODE = 'strapi-super-admin';

export interface AdminUser {
  roles?: { code: string }[];
}
/** Chefredaktion and Administration publish, release and start a reindex; Redaktion does not. */
export const mayRelease = (user: AdminUser) => (user.roles ?? []).some((role) => role.code === CHEFREDAKTION.code || role.code === SUPER_ADMIN_CODE);

/**
 * The admin user behind the current request, or undefined for the CMS's own work (seeding,
 * the importer, the sync, tests): those act for the system and are not restricted by role.
 */
export function actingAdmin(strapi: Core.Strapi): AdminUser | undefined {
  const context = strapi.requestContext.get() as { state?: { user?: AdminUser; auth?: { strategy?: { name?: string } } } } | undefined;
  return context?.state?.auth?.strategy?.name === 'admin' ? context.state.user : undefined;
}
const STRAPI_DEFAULT_ROLES = ['strapi-editor', 'strapi-author'];

const EXPLORER = 'plugin::content-manager.explorer';
const UPLOAD_PERMISSIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

interface StoredRole {
  id: number;
  name: string;
  description?: string | null;
}
interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}
interface RoleService {
  findOne(params: Record<string, unknown>): Promise<StoredRole | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<StoredRole>;
  update(params: Record<string, unknown>, attributes: Record<string, unknown>): Promise<unknown>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  getUsersCount(roleId: number): Promise<number>;
  deleteByIds(ids: number[]): Promise<unknown>;
}

/** Every content-type permission Strapi knows, with all fields and locales filled in. */
function allContentPermissions(strapi: Core.Strapi): Permission[] {
  const { actionProvider } = strapi.service('admin::permission') as unknown as { actionProvider: { values(): { section: string }[] } };
  const actions = actionProvider.values().filter((action) => action.section === 'contentTypes');
  return (
    strapi.service('admin::content-type') as unknown as { getPermissionsWithNestedFields(actions: unknown[]): Permission[] }
  ).getPermissionsWithNestedFields(actions);
}

/**
 * Case-study fields the CMS keeps itself, which no editor reads or writes in the admin (nor
 * filters the list by): the old addresses and the import's checksum.
 */
const CMS_FIELDS = ['previousSlugs', 'importChecksum'];
/** What Redaktion may not write: the review's note is the reviewers', "Eingereicht über das Formular" the form's. */
const NOT_WRITTEN_BY_REDAKTION = ['reviewComment', 'submitted'];
/**
 * Whether a Träger is a proposal is the CMS's to set (by who creates it) and the dashboard's
 * "Freigeben" to end: no one writes it in a form.
 */
const NOT_WRITTEN_ON_ORGANISATIONS = ['proposed'];
/** Redaktion's proposal names the Träger (and its website); the CMS makes its address from the name. */
const NOT_WRITTEN_IN_PROPOSALS = ['slug'];

/** The permissions of a role: on which subjects which explorer actions (every locale of localised types), plus media. */
function permissionsFor(
  strapi: Core.Strapi,
  all: Permission[],
  grants: Record<string, string[]>,
  withheld: (subject: string, action: string) => string[],
): Permission[] {
  const localised = (uid: string) =>
    (strapi.contentTypes[uid as never] as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined)?.pluginOptions?.i18n?.localized === true;
  const fieldsOf = (permission: Permission) => {
    const fields = permission.properties?.fields as string[] | undefined;
    if (!fields) return permission.properties;
    const hidden = [...(permission.subject === CASE_STUDY ? CMS_FIELDS : []), ...withheld(permission.subject!, permission.action.slice(EXPLORER.length + 1))];
    return { ...permission.properties, fields: fields.filter((field) => !hidden.includes(field)) };
  };
  const content = all
    .filter((permission) => permission.subject && grants[permission.subject]?.includes(permission.action.slice(EXPLORER.length + 1)))
    .map((permission) => ({ ...permission, properties: fieldsOf(permission) }))
    .map((permission) => (localised(permission.subject!) ? { ...permission, properties: { ...permission.properties, locales: [...LOCALES] } } : permission));
  return [...content, ...UPLOAD_PERMISSIONS.map((action) => ({ action }))];
}

export function editorialGrants(): Record<string, Record<string, string[]>> {
  const read = Object.fromEntries([...EDITABLE_TAXONOMIES, ...REFERENCE_DATA].map((uid) => [uid, ['read']]));
  return {
    // Redaktion proposes a missing Träger from the relation picker (create, never update or delete).
    [REDAKTION.code]: {
      ...read,
      [ORGANISATION]: ['create', 'read'],
      [CASE_STUDY]: ['create', 'read', 'update'],
      [TRANSFER_REPORT]: ['read', 'update'],
      [EVENT]: ['create', 'read', 'update'],
    },
    [CHEFREDAKTION.code]: {
      ...read,
      ...Object.fromEntries([...EDITABLE_TAXONOMIES, SEARCH_TERM].map((uid) => [uid, ['create', 'read', 'update', 'delete']])),
      [CASE_STUDY]: ['create', 'read', 'update', 'delete', 'publish'],
      [EVENT]: ['create', 'read', 'update', 'delete', 'publish'],
      [TRANSFER_REPORT]: ['read', 'update', 'delete', 'publish'],
    },
  };
}

/** Creates Redaktion and Chefredaktion with exactly their permissions, names the super admin role "Administration", and removes Strapi's unused default roles. */
export async function ensureEditorialRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const all = allContentPermissions(strapi);
  const grants = editorialGrants();
  for (const definition of [REDAKTION, CHEFREDAKTION]) {
    const role = (await roles.findOne({ code: definition.code })) ?? (await roles.create(definition));
    if (role.name !== definition.name || role.description !== definition.description) {
      await roles.update({ id: role.id }, { name: definition.name, description: definition.description });
    }
    const withheld = (subject: string, action: string) => {
      if (action !== 'create' && action !== 'update') return [];
      if (subject === ORGANISATION) return [...NOT_WRITTEN_ON_ORGANISATIONS, ...(definition === REDAKTION ? NOT_WRITTEN_IN_PROPOSALS : [])];
      return subject === CASE_STUDY && definition === REDAKTION ? NOT_WRITTEN_BY_REDAKTION : [];
    };
    await roles.assignPermissions(role.id, permissionsFor(strapi, all, grants[definition.code]!, withheld));
  }
  const superAdmin = await roles.findOne({ code: SUPER_ADMIN_CODE });
  if (superAdmin && superAdmin.name !== 'Administration') {
    await roles.update({ id: superAdmin.id }, { name: 'Administration', description: 'Alles, auch Kommunen, Bausteine, Rollen und Einstellungen.' });
  }
  // Strapi's Editor and Author may, for example, delete Kommunen; unused, they only confuse.
  for (const code of STRAPI_DEFAULT_ROLES) {
    const role = await roles.findOne({ code });
    if (role && (await roles.getUsersCount(role.id)) === 0) await roles.deleteByIds([role.id]);
  }
}
