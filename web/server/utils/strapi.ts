import type { CmsFetch } from './case-study-loader';
import type { FetchOptions } from 'ofetch';

/** GET from the CMS's REST API with the site's read-only token (server-side only). */
export function strapiGet<T>(path: string, query: FetchOptions['query'] = {}): Promise<T> {
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  // An external URL: Nitro's typed internal-route inference does not apply.
  return $fetch(path, {
    baseURL: `${strapiUrl}/api`,
    query,
    headers: strapiToken ? { authorization: `Bearer ${strapiToken}` } : {},
    timeout: 10_000,
    retry: 1,
  }) as Promise<T>;
}

interface StrapiList<T> {
  data: T[];
  meta: { pagination: { page: number; pageCount: number } };
}

/** Every entry of a collection, page by page (Strapi caps a page at 100). */
export async function strapiGetAll<T>(collection: string, fields: string[], query: Record<string, string> = {}): Promise<T[]> {
  const entries: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = await strapiGet<StrapiList<T>>(`/${collection}`, {
      ...query, fields, 'pagination[page]': page, 'pagination[pageSize]': 100, sort: 'id:asc',
    });
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}

/** The CMS fetch the case-study loaders use: JSON body, or null when the CMS answers 404. */
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
