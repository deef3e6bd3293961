// Talks to the stack's CMS: the public REST API, and the admin API as the first editor.
import { inject } from 'vitest';

/** The first editor's admin token (global-setup.ts logs in once for every test file). */
export async function adminJwt(): Promise<string> {
  return inject('adminToken');
}

/** The smallest PDF the media library takes (a download is a PDF: cms/src/media/). */
export const MINIMAL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Uploads a file to the media library as the first editor; resolves to its stored name (`<name>_<hash>.<ext>`). */
export async function adminUpload(fileName: string, content: Uint8Array, type: string): Promise<string> {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(content)], { type }), fileName);
  const response = await fetch(`${inject('cmsUrl')}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await adminJwt()}` }, body: form });
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  const [file] = (await response.json()) as { url: string }[];
  return file!.url.replace(/^\/uploads\//, '');
}

/** A request to the admin API as the first editor (what the admin panel does). */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('cmsUrl')}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminJwt()}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface PublishedEntry {
  documentId: string;
  slug: string;
  title: string;
  locale: string;
}

/** Every published case study (or event) of a language, from the public REST API. */
export async function published(locale: 'de' | 'en', collection: 'case-studies' | 'events' = 'case-studies'): Promise<PublishedEntry[]> {
  const response = await fetch(
    `${inject('cmsUrl')}/api/${collection}?locale=${locale}&fields[0]=slug&fields[1]=title&fields[2]=locale&pagination[pageSize]=100`,
  );
  return ((await response.json()) as { data: PublishedEntry[] }).data;
}

/**
 * The Kommunen (AGS) of each German case study's published transfer reports, keyed by slug, as the
 * CMS hands them to the site: the demo reports and any a test file published before.
 */
export async function publishedTransfers(): Promise<Map<string, Set<string>>> {
  const transfers = new Map<string, Set<string>>();
  for (const entry of await published('de')) {
    const response = await fetch(`${inject('cmsUrl')}/api/transfer-reports/published?caseStudy=${entry.documentId}`, {
      headers: { authorization: `Bearer ${inject('siteToken')}` },
    });
    const { data } = (await response.json()) as { data: { ags: string }[] };
    if (data.length > 0) transfers.set(entry.slug, new Set(data.map((transfer) => transfer.ags)));
  }
  return transfers;
}

export const CASE_STUDY = 'api::case-study.case-study';
