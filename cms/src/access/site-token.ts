import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from './public-role';

export const SITE_TOKEN_NAME = 'Website (read-only)';

interface TokenService {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
  update(id: number, attributes: Record<string, unknown>): Promise<{ permissions?: string[] }>;
}

/**
 * Ensures the API token the site uses exists and may do exactly what the public
 * may: read published case studies and the taxonomies. It is a custom token, not
 * Strapi's "read-only" type, which would also list uploaded files and users.
 * With `STRAPI_SITE_TOKEN` set (the launcher writes a generated one into `.env`),
 * the token's key is that value, so the site and the CMS agree without copying anything by hand.
 */
export async function ensureSiteToken(strapi: Core.Strapi): Promise<void> {
  const accessKey = process.env.STRAPI_SITE_TOKEN;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  const query = strapi.db.query('admin::api-token');
  let token = await query.findOne({ where: { name: SITE_TOKEN_NAME }, select: ['id', 'accessKey', 'type'], populate: ['permissions'] });
  if (!token) {
    token = await tokens.create({
      name: SITE_TOKEN_NAME,
      description: 'Used by the Nuxt site to read published case studies and taxonomies. Created at bootstrap.',
      type: 'custom',
      permissions: PUBLIC_ACTIONS,
      lifespan: null,
    });
    strapi.log.info(`[access] created the API token "${SITE_TOKEN_NAME}"`);
  } else {
    const granted = ((token.permissions ?? []) as { action: string }[]).map((permission) => permission.action).sort();
    if (token.type !== 'custom' || granted.join() !== [...PUBLIC_ACTIONS].sort().join()) {
      await tokens.update(token.id, { type: 'custom', permissions: PUBLIC_ACTIONS });
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
