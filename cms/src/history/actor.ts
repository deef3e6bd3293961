// Who did what, for the editorial record: the admin user behind a request, or the person or job
// that a piece of the CMS's own work stands for (an import started from the admin, the command
// line, a confirmed submission, a restore). Strapi's createdBy/updatedBy know only the admin's
// own edit view; the importer and the submissions write without a request.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

export interface Actor {
  /** The admin user's id; null for the command line, a submitter or the system. */
  id: number | null;
  name: string;
  email: string | null;
}

/** What the record calls a piece of work that is not an edit in the admin. */
export type WorkKind = 'import' | 'submission' | 'restore';

interface EditorialWork {
  actor: Actor;
  kind?: WorkKind;
  /** What the record says about it (a restore: which version). */
  comment?: string;
}

export interface AdminUserRecord {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

// One store per process, even when this file is loaded twice (the compiled CMS and its tests'
// TypeScript sources): work named by one copy is seen by the other.
const STORE_KEY = Symbol.for('praxis.editorial-work');
const work = ((globalThis as Record<symbol, unknown>)[STORE_KEY] ??= new AsyncLocalStorage<EditorialWork>()) as AsyncLocalStorage<EditorialWork>;

/** The name editors know a user by: first and last name, else the e-mail address. */
export function personName(user: Partial<AdminUserRecord> | null | undefined): string | null {
  return [user?.firstname, user?.lastname].filter(Boolean).join(' ') || user?.email || null;
}

export function adminActor(user: AdminUserRecord): Actor {
  return { id: user.id, name: personName(user) ?? `#${user.id}`, email: user.email ?? null };
}

/** The command line's import, unless a user is named on it. */
export const COMMAND_LINE_ACTOR: Actor = { id: null, name: 'Import (Kommandozeile)', email: null };
/** The CMS's own work no person stands behind (seeding, start-up repairs). */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'System', email: null };

/** Runs `task` as the named actor's work: what it writes is recorded as theirs, as `kind`. */
export function asEditorialWork<T>(actor: Actor, kind: WorkKind | undefined, task: () => Promise<T>, comment?: string): Promise<T> {
  return work.run({ actor, kind, comment }, task);
}

/** The work under way, if the CMS's code named one. */
export function currentWork(): EditorialWork | undefined {
  return work.getStore();
}

/** The admin user behind the current request, as the database holds it. */
function requestUser(strapi: Core.Strapi): AdminUserRecord | undefined {
  const context = strapi.requestContext.get() as { state?: { user?: AdminUserRecord; auth?: { strategy?: { name?: string } } } } | undefined;
  return context?.state?.auth?.strategy?.name === 'admin' ? context.state.user : undefined;
}

/** Who is acting now: named work first, then the admin user of the request, else the system. */
export function actingActor(strapi: Core.Strapi): Actor {
  const named = currentWork()?.actor;
  if (named) return named;
  const user = requestUser(strapi);
  return user ? adminActor(user) : SYSTEM_ACTOR;
}
