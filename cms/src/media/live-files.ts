// Which media-library files a published entry shows: those are part of what the four-eyes review
// approved, so changing them is the Chefredaktion's (guard-uploads.ts). Found through every media
// field of every content type with draft & publish, also inside (nested) components.
import type { Core, UID } from '@strapi/strapi';

interface Attribute {
  type: string;
  component?: string;
}
type Where = Record<string, unknown>;

/** The filters that match an entry showing one of `ids` in a media field of `attributes` (through components too). */
function mediaFilters(strapi: Core.Strapi, attributes: Record<string, Attribute>, ids: number[], depth = 0): Where[] {
  const filters: Where[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'media') filters.push({ [name]: { id: { $in: ids } } });
    if (attribute.type === 'component' && attribute.component && depth < 5) {
      const component = strapi.components[attribute.component as UID.Component] as unknown as { attributes: Record<string, Attribute> };
      for (const inner of mediaFilters(strapi, component.attributes, ids, depth + 1)) filters.push({ [name]: inner });
    }
  }
  return filters;
}

/** True when a published entry shows the file `id`. */
export async function isShownLive(strapi: Core.Strapi, id: number): Promise<boolean> {
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    const schema = contentType as unknown as { options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> };
    if (!uid.startsWith('api::') || !schema.options?.draftAndPublish) continue;
    const filters = mediaFilters(strapi, schema.attributes, [id]);
    if (filters.length === 0) continue;
    const entry = await strapi.db.query(uid as UID.ContentType).findOne({ where: { publishedAt: { $notNull: true }, $or: filters }, select: ['id'] });
    if (entry) return true;
  }
  return false;
}
