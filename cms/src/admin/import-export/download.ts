import type { useFetchClient } from '@strapi/strapi/admin';

/** The file name a Content-Disposition header gives (`attachment; filename="praxisbeispiele-2026-12-07.xlsx"`). */
export function attachmentName(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) return decodeURIComponent(encoded[1]!.trim());
  return /filename="?([^";]+)"?/i.exec(header)?.[1]?.trim();
}

/** Today in the editor's time zone, as file names carry it: 2026-12-07. */
export const localDate = (now = new Date()) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * A download the browser saves under the name the server gives it (with the date:
 * praxisbeispiele-2026-12-07.xlsx), else `fallbackName`; `rename` adapts the server's name (a
 * selection). The admin's token goes in the header, not the URL, so the browser cannot follow a
 * link itself: the file is fetched and handed to it as a blob, which is saved under the link's
 * `download` name, not the header's.
 */
export async function download(
  get: ReturnType<typeof useFetchClient>['get'],
  path: string,
  fallbackName: string,
  rename: (name: string) => string = (name) => name,
): Promise<void> {
  const response = await get(path, { responseType: 'blob', validateStatus: () => true });
  if (response.status !== undefined && response.status >= 400) {
    // The server's message (JSON), not the fetch client's "Server Error".
    const text = await response.data.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // not JSON: the text as it is
    }
    throw new Error(message || `HTTP ${response.status}`);
  }
  const fileName = rename(attachmentName(response.headers?.get('content-disposition')) ?? fallbackName);
  const url = URL.createObjectURL(response.data);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The message of a failed admin-API call, as the server worded it. */
export const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? (error as Error).message ?? String(error);
