import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from './public-role';
import { cmsEnvironment } from '../config/environment';

export const SITE_TOKEN_NAME = 'Website';
/** The token's name until it also recorded search statistics; renamed at start. */
const FORMER_SITE_TOKEN_NAME = 'Website (read-only)';
/** Reads what the public reads, records the site's search statistics (counts only) and passes on contact requests. */
export const SITE_TOKEN_ACTIONS = [
  ...PUBLIC_ACTIONS,
  'api::search-statistic.search-statistic.record',
  'api::contact-request.contact-request.create',
  'api::contact-request.contact-request.unsubscribe',
  'api::submission.submission.create',
  'api::submission.submission.confirm',
  'api::transfer-report.transfer-report.report',
  'api::transfer-report.transfer-report.confirm',
  'api::transfer-report.transfer-report.published',
];
const SITE_TOKEN_DESCRIPTION =
  'Used by the Nuxt site to read published case studies and taxonomies, to record search statistics (counts only) to pass on contact requests, project submissions and transfer reports. Created at bootstrap.';

interface TokenService {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
  update(id: number, attributes: Record<string, unknown>): Promise<{ permissions?: string[] }>;
}

/**
 * Ensures the API token the site uses exists and may do exactly what the public
 * may (read published case studies and the taxonomies), plus record search statistics.
 * It is a custom token, not Strapi's "read-only" type, which would also list uploaded files and users.
 * With `STRAPI_SITE_TOKEN` set (the launcher writes a generated one into `.env`),
 * the token's key is that value, so the site and the CMS agree without copying anything by hand.
 */
export async function ensureSiteToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = cmsEnvironment().STRAPI_SITE_TOKEN;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const query = strapi.db.query('admin::api-token');
  let token = await query.findOne({
    where: { name: { $in: [SITE_TOKEN_NAME, FORMER_SITE_TOKEN_NAME] } },
    select: ['id', 'name', 'accessKey', 'type'],
    populate: ['permissions'],
  });
  if (!token) {
    token = await tokens.create({
      name: SITE_TOKEN_NAME,
      description: SITE_TOKEN_DESCRIPTION,
      type: 'custom',
      permissions: SITE_TOKEN_ACTIONS,
      lifespan: null,
    });
    strapi.log.info(`[access] created the API token "${SITE_TOKEN_NAME}"`);
  } else {
    const granted = ((token.permissions ?? []) as { action: string }[]).map((permission) => permission.action).sort();
    if (token.type !== 'custom' || token.name !== SITE_TOKEN_NAME || granted.join() !== [...SITE_TOKEN_ACTIONS].sort().join()) {
      await tokens.update(token.id, { name: SITE_TOKEN_NAME, description: SITE_TOKEN_DESCRIPTION, type: 'custom', permissions: SITE_TOKEN_ACTIONS });
    }
  }
  if (!accessKey) return;
  const hashed = tokens.hash(accessKey);
  const stored = await query.findOne({ where: { id: token.id }, select: ['accessKey'] });
  if (stored?.accessKey !== hashed) {
    const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null };
    await query.update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey) } });
  }
}
