// The edit view writes only what it has fetched. Coming back to a case study within a minute,
// Strapi's edit view shows its cached copy at once; a save or a publication from that copy sends
// the old form and overwrites work done since (a reviewer's "Zurückgegeben" came back that way).
// So Save and Publish fetch the document when the edit view opens and stay disabled until the
// fetched document is in the form.
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { unstable_useDocument } from '@strapi/strapi/admin';
import { useRef } from 'react';
import { CASE_STUDY } from './edit-view';

/** The actions that send the form to the server. */
const WRITING_ACTIONS = new Set<DocumentActionComponent['type']>(['publish', 'update']);

/**
 * False until the edit view's case study has been fetched since this action appeared. Only for a
 * language the case study has (the edit view holds a document with an id): fetching one not written
 * yet put the edit view back into loading, in a loop.
 */
function useFetchedCaseStudy({ model, documentId, document }: Parameters<DocumentActionComponent>[0]): boolean {
  const exists = model === CASE_STUDY && documentId !== undefined && document?.id !== undefined;
  // The edit view's own query (same arguments, so the same cache entry its form reads).
  const query = { collectionType: 'collection-types', model, documentId, params: { locale: String(document?.locale ?? 'de') } };
  const { isLoading } = unstable_useDocument(query, { refetchOnMountOrArgChange: true, skip: !exists });
  // The fetch starts after the first render (the cached copy is on screen, not loading): until it has been seen, wait.
  const sawFetch = useRef(false);
  if (isLoading) sawFetch.current = true;
  return !exists || (sawFetch.current && !isLoading);
}

/** Strapi's document actions, with Save and Publish disabled until the document is fetched. */
export function waitingForFreshDocument(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.map((Action) => {
    if (!WRITING_ACTIONS.has(Action.type)) return Action;
    const Waiting: DocumentActionComponent = (props) => {
      const description = Action(props);
      const fetched = useFetchedCaseStudy(props);
      return description && !fetched ? { ...description, disabled: true } : description;
    };
    Waiting.type = Action.type;
    Waiting.position = Action.position;
    return Waiting;
  });
}
