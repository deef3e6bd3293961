// `/uploads/…` answers of the CMS's own static server, on the origin where the admin lives: the
// type from the media library's allowlist by extension (the static server would guess `text/html`
// from a name), no sniffing, a sandbox in which nothing runs, a download for anything else, and
// no CORS header (the site fetches files server-side; browsers need none). The site's /uploads
// proxy sends the same headers (@praxis/search, uploadResponseHeaders).
import { uploadResponseHeaders } from '@praxis/search';

interface Context {
  path: string;
  method: string;
  status: number;
  set(name: string, value: string): void;
  remove(name: string): void;
}

export default () => async (ctx: Context, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/uploads/')) return next();
  await next();
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  ctx.remove('access-control-allow-origin');
  ctx.remove('access-control-allow-credentials');
  for (const [name, value] of Object.entries(uploadResponseHeaders(ctx.path))) ctx.set(name, value);
};
