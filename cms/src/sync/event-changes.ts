import type { Core } from '@strapi/strapi';
import { EVENT_UID } from '@praxis/search';

const EVENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Tells the site once an event's write is committed: its events pages, calendar feed and the
 * case studies' "presented at" lists are loaded again. Events are not in the search index, so
 * they need no outbox: the notice is the whole sync, and a lost one ends with the site's cache
 * lifetime (an hour, as for every purge-aware cache).
 */
export function registerEventChanges(strapi: Core.Strapi, onCommitted: () => void): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== EVENT_UID || !EVENT_WRITES.has(context.action)) return next();
    return strapi.db.transaction(async ({ onCommit }) => {
      const result = await next();
      onCommit(onCommitted);
      return result;
    });
  });
}
