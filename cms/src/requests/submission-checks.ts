// The CMS's decisions about a submission as plain functions (submissions.ts applies them): which
// of the import's findings the submitter sees, and what a click on a confirmation link may do.
import type { ImportIssue } from '../import/validate';

/** Failed confirmations after which a submission can no longer be confirmed (it has to be submitted anew). */
export const MAX_FAILED_CONFIRMATIONS = 5;

/**
 * The import's findings on a submitted project as problems of the form's fields. The slug is the
 * CMS's own (the check runs under a stand-in), so a finding on it is none of the submitter's.
 */
export function referenceProblems(issues: readonly Pick<ImportIssue, 'field' | 'reason'>[]): { path: string[]; message: string }[] {
  return issues.filter((issue) => issue.field !== 'slug').map((issue) => ({ path: ['project', ...issue.field.split('.')], message: issue.reason }));
}

/**
 * What a click on a confirmation link does with its stored submission: nothing for an unknown
 * (or deleted) one, nothing again for a confirmed one, nothing after MAX_FAILED_CONFIRMATIONS
 * failed tries, else the confirmation.
 */
export function confirmationStep(
  row: { confirmed_at: unknown; failed_confirmations: number | string | null } | undefined,
): 'unknown' | 'already-confirmed' | 'locked' | 'confirm' {
  if (!row) return 'unknown';
  if (row.confirmed_at !== null) return 'already-confirmed';
  return Number(row.failed_confirmations ?? 0) >= MAX_FAILED_CONFIRMATIONS ? 'locked' : 'confirm';
}
