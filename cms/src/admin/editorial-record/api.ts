// The editorial record's admin API (cms/src/history/history-routes.ts, cms/src/review/) as
// endpoints of Strapi's own data layer (RTK Query's `adminApi`, which the content manager extends
// too). The history and the review thread are cached under the content manager's tag of the edited
// document: a save, publish or discard in the edit view reloads them, and a restore or a return
// reloads the edit view's document, so its form shows the content as the server now holds it.
// That is how Strapi's own "restore version" reloads its form.
import { adminApi } from '@strapi/strapi/admin';
import type { HistoryEntry } from '../../history/history-table';
import type { ReviewState } from '../../review/review-routes';
import type { ReviewComment } from '../../review/review-table';

const CASE_STUDY = 'api::case-study.case-study';

export interface Target {
  documentId: string;
  locale: string;
}

export type { HistoryEntry, ReviewComment, ReviewState };

export interface HistoryVersion extends HistoryEntry {
  snapshot: Record<string, unknown> | null;
}

/** GET …/review: the state in words, what the user may do, and the thread (oldest first). */
export interface Review {
  state: ReviewState;
  mayResolve: boolean;
  mayReturn: boolean;
  maySubmit: boolean;
  comments: ReviewComment[];
}

/** The content manager's cache tag of a case study (its edit view's document). */
const documentTag = (documentId: string) => ({ type: 'Document' as const, id: `${CASE_STUDY}_${documentId}` });
const reviewTag = (documentId: string) => ({ type: 'PraxisReview' as const, id: documentId });
const base = (documentId: string) => `/redaktion/case-studies/${encodeURIComponent(documentId)}`;

const recordApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document', 'PraxisReview'] }).injectEndpoints({
  endpoints: (build) => ({
    praxisHistory: build.query<HistoryEntry[], Target>({
      query: ({ documentId, locale }) => ({ url: `${base(documentId)}/history`, method: 'GET', config: { params: { locale } } }),
      transformResponse: (response: { data: HistoryEntry[] }) => response.data,
      providesTags: (_result, _error, { documentId }) => [documentTag(documentId)],
    }),
    // A version never changes: it stays cached.
    praxisHistoryVersion: build.query<HistoryVersion, Target & { id: number }>({
      query: ({ documentId, locale, id }) => ({ url: `${base(documentId)}/history/${id}`, method: 'GET', config: { params: { locale } } }),
      transformResponse: (response: { data: HistoryVersion }) => response.data,
    }),
    praxisRestoreVersion: build.mutation<{ documentId: string; locale: string; restored: number }, Target & { id: number }>({
      query: ({ documentId, locale, id }) => ({ url: `${base(documentId)}/history/${id}/restore`, method: 'POST', config: { params: { locale } } }),
      transformResponse: (response: { data: { documentId: string; locale: string; restored: number } }) => response.data,
      invalidatesTags: (_result, error, { documentId }) => (error ? [] : [documentTag(documentId), reviewTag(documentId)]),
    }),
    // null: the edit view's language has no version of the case study yet.
    praxisReview: build.query<Review | null, Target>({
      query: ({ documentId, locale }) => ({ url: `${base(documentId)}/review`, method: 'GET', config: { params: { locale } } }),
      transformResponse: (response: { data: Review | null }) => response.data,
      providesTags: (_result, _error, { documentId }) => [documentTag(documentId), reviewTag(documentId)],
    }),
    praxisReviewComment: build.mutation<ReviewComment, Target & { body: string }>({
      query: ({ documentId, locale, body }) => ({ url: `${base(documentId)}/review/comments`, method: 'POST', data: { body }, config: { params: { locale } } }),
      transformResponse: (response: { data: ReviewComment }) => response.data,
      invalidatesTags: (_result, error, { documentId }) => (error ? [] : [reviewTag(documentId)]),
    }),
    praxisReviewResolve: build.mutation<ReviewComment, Target & { id: number }>({
      query: ({ documentId, locale, id }) => ({ url: `${base(documentId)}/review/comments/${id}/resolve`, method: 'POST', config: { params: { locale } } }),
      transformResponse: (response: { data: ReviewComment }) => response.data,
      invalidatesTags: (_result, error, { documentId }) => (error ? [] : [reviewTag(documentId)]),
    }),
    // A return or a submit changes the document (its state): the edit view reloads it, with the history.
    praxisReviewStep: build.mutation<Review, Target & { step: 'return' | 'submit'; comment: string }>({
      query: ({ documentId, locale, step, comment }) => ({
        url: `${base(documentId)}/review/${step}`,
        method: 'POST',
        data: { comment },
        config: { params: { locale } },
      }),
      transformResponse: (response: { data: Review }) => response.data,
      invalidatesTags: (_result, error, { documentId }) => (error ? [] : [documentTag(documentId), reviewTag(documentId)]),
    }),
  }),
});

export const {
  usePraxisHistoryQuery,
  usePraxisHistoryVersionQuery,
  useLazyPraxisHistoryVersionQuery,
  usePraxisRestoreVersionMutation,
  usePraxisReviewQuery,
  usePraxisReviewCommentMutation,
  usePraxisReviewResolveMutation,
  usePraxisReviewStepMutation,
} = recordApi;

/** The server's message for a refused call (our routes answer in German), else what went wrong. */
export function refusal(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
