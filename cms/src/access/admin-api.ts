// What the CMS's own admin API routes (under /redaktion/…) share: the request as Koa hands it
// over, errors in Strapi's shape with German messages, and the permission policies. Strapi
// forces an app's own API routes into the public content API, so they are added to the admin
// API instead; each needs an admin session and the named permission on case studies.
import type { Core } from '@strapi/strapi';
import { CASE_STUDY, ORGANISATION, type AdminUser } from '../editorial/roles';
import type { AdminUserRecord } from '../history/actor';

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export interface Context {
  state: { user: AdminUser & AdminUserRecord };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown>; files?: Record<string, UploadedFile | UploadedFile[]> };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** An error in Strapi's shape with our German message (Strapi replaces a ForbiddenError's message by "Forbidden"). */
export function refuse(ctx: Context, status: number, name: string, message: string): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

const EXPLORER = 'plugin::content-manager.explorer';
/**
 * The content manager's permission on case studies; `invite`: Strapi's permission to create admin
 * users; `approve-organisations`: editing organisations (Chefredaktion and Administration).
 */
type Permission = 'read' | 'update' | 'create' | 'invite' | 'approve-organisations';
const ACTIONS: Record<Permission, unknown> = {
  read: [`${EXPLORER}.read`, CASE_STUDY],
  update: [`${EXPLORER}.update`, CASE_STUDY],
  create: [`${EXPLORER}.create`, CASE_STUDY],
  invite: 'admin::users.create',
  'approve-organisations': [`${EXPLORER}.update`, ORGANISATION],
};
/** An admin session with the named permission. */
const allowedTo = (permission: Permission) => [
  'admin::isAuthenticatedAdmin',
  {
    name: 'admin::hasPermissions',
    config: { actions: [ACTIONS[permission]] },
  },
];

type Handler = (ctx: Context) => unknown;

/** Adds routes under /redaktion/… to the admin API: method, path, handler, and the permission each needs. */
export function addAdminRoutes(strapi: Core.Strapi, routes: [method: 'GET' | 'POST' | 'PUT', path: string, handler: Handler, permission: Permission][]): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/redaktion',
    routes: routes.map(([method, path, handler, permission]) => ({ method, path, handler, config: { policies: allowedTo(permission) } })),
  } as never);
}
