import type { CmsFetch } from '../case-studies/loader';
import { toStrapiQuery } from './strapi-query';

/** GET from the CMS's REST API with the site's read-only token (server-side only): the JSON body, or null on 404. */
export const cmsFetch: CmsFetch = async (path, query, headers = {}) => {
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  try {
    return await $fetch(`${strapiUrl}/api${path}?${query}`, {
      headers: { ...(strapiToken ? { authorization: `Bearer ${strapiToken}` } : {}), ...headers },
      timeout: 10_000,
      retry: 1,
    });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
};

interface StrapiList<T> {
  data: T[];
  meta: { pagination: { page: number; pageCount: number } };
}

/** Every entry of a collection, page by page (Strapi caps a page at 100). */
export async function strapiGetAll<T>(collection: string, fields: string[], query: Record<string, string> = {}): Promise<T[]> {
  const entries: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = (await cmsFetch(
      `/${collection}`,
      toStrapiQuery({ ...query, fields, pagination: { page, pageSize: 100 }, sort: 'id:asc' }),
    )) as StrapiList<T> | null;
    if (!body) throw new Error(`the CMS has no collection ${collection}`);
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}
