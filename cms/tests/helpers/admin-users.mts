// Admin accounts with one of the newsroom's roles, logged in once (the admin allows five logins
// per address in five minutes), for tests that call the admin API as an editor does.
import type { TestStrapi } from './strapi.mts';

const PASSWORD = 'Praxis-Test-2026';

/** Creates an active account with the role `roleCode` (or the super admin's) and returns its admin token. */
export async function adminTokenFor(cms: TestStrapi, email: string, roleCode: string, firstname = roleCode): Promise<string> {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await (cms.strapi.service('admin::user') as unknown as { create(data: object): Promise<unknown> }).create({
    email,
    password: PASSWORD,
    firstname,
    lastname: 'Test',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await response.json()) as { data?: { token: string }; error?: unknown };
  if (!body.data) throw new Error(`login as ${email} failed: ${JSON.stringify(body.error)}`);
  return body.data.token;
}

/** An admin API call as the admin panel makes it, with an editor's token (or none): the status and the JSON body. */
export async function adminCall(cms: TestStrapi, token: string | undefined, method: string, path: string, body?: unknown) {
  const response = await fetch(`${cms.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

/** The content manager's path of the case studies, or of one of them. */
export const caseStudyPath = (documentId = '') => `/content-manager/collection-types/api::case-study.case-study${documentId ? `/${documentId}` : ''}`;
