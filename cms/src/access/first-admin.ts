import type { Core } from '@strapi/strapi';
import { cmsEnvironment } from '../config/environment';

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
}

/**
 * Creates the first editor (a super admin) when the CMS has no admin user yet,
 * from `ADMIN_EMAIL` and `ADMIN_PASSWORD` (the launcher generates the password
 * into the git-ignored `.env`). Without both variables nothing is created and
 * Strapi's own registration form at /admin asks for the first user.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, ADMIN_FIRSTNAME: firstname, ADMIN_LASTNAME: lastname } = cmsEnvironment();
  if (!email || !password) return;
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if ((await strapi.db.query('admin::user').count()) > 0) return;
  const superAdmin = await (strapi.service('admin::role') as unknown as AdminRoleService).getSuperAdmin();
  if (!superAdmin) throw new Error('The super admin role is missing');
  await users.create({
    email: email.toLowerCase(),
    password,
    firstname,
    lastname,
    registrationToken: null,
    isActive: true,
    roles: [superAdmin.id],
  });
  strapi.log.info(`[access] created the first editor ${email}`);
}
