import type { Core } from '@strapi/strapi';
import { CASE_STUDY_UID, EVENT_UID, TAXONOMIES } from '@praxis/search';

/** Content types the public may read (published entries only, see the case-study route middleware, which the events' routes use too). */
export const PUBLIC_READABLE_TYPES = [CASE_STUDY_UID, EVENT_UID, ...TAXONOMIES.map((taxonomy) => taxonomy.uid)];

export const PUBLIC_ACTIONS = PUBLIC_READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/**
 * Makes the public role's permissions exactly `find` and `findOne` on the
 * case studies, events and taxonomies: grants what is missing, revokes everything else
 * (including Strapi's default public sign-up and login routes, which this site does not use).
 */
export async function grantPublicReadAccess(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const current: { id: number; action: string }[] = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const wanted = new Set(PUBLIC_ACTIONS);
  const surplus = current.filter((permission) => !wanted.has(permission.action));
  const have = new Set(current.map((permission) => permission.action));
  for (const permission of surplus) await strapi.db.query(PERMISSION_UID).delete({ where: { id: permission.id } });
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get()) ?? {}) as Record<string, unknown>;
  if (settings.allow_register !== false) await advanced.set({ value: { ...settings, allow_register: false } });
}
