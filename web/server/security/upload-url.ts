// Which CMS URL an /uploads/<path> request of the site may fetch. Strapi's local upload
// provider stores files flat under /uploads/ with generated names (`photo_3f2a9c.jpg`,
// `thumbnail_photo_3f2a9c.jpg`), so anything but plain file-name characters is refused
// before a URL is built: no `%` (no encoded `/`, `\` or `.` at any depth), no `\`, no `..`.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** The URL of the uploaded file `rawPath` (as it came in the request, undecoded) on the CMS, or undefined. */
export function uploadUrl(cmsUrl: string, rawPath: string): URL | undefined {
  if (!FILE_NAME.test(rawPath) || rawPath.includes('..')) return undefined;
  const base = new URL(cmsUrl);
  const url = new URL(`/uploads/${rawPath}`, base);
  // Belt and braces: the URL parser must not have moved the request anywhere else.
  if (url.origin !== base.origin || url.pathname !== `/uploads/${rawPath}` || url.search || url.hash) return undefined;
  return url;
}
