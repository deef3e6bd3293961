type QueryValue = string | number | boolean | readonly QueryValue[] | { readonly [key: string]: QueryValue };

/** Strapi's bracket notation: `{ populate: { topics: { fields: ['slug'] } } }` → `populate[topics][fields][0]=slug`. */
export function toStrapiQuery(query: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: QueryValue) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(`${prefix}[${key}]`, inner);
    else pairs.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(query)) walk(key, value);
  return pairs.join('&');
}
