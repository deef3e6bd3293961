import type { useFetchClient } from '@strapi/strapi/admin';

/** A download the browser saves under `fileName` (the admin's token goes in the header, not the URL). */
export async function download(get: ReturnType<typeof useFetchClient>['get'], path: string, fileName: string): Promise<void> {
  const { data } = await get<Blob>(path, { responseType: 'blob' });
  const url = URL.createObjectURL(data);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** The message of a failed admin-API call, as the server worded it. */
export const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? String(error);
