// The list's title cell, narrower than Strapi's (30rem): with the state, the dates, Strapi's
// status and the row menu (…) the case-study list fits a 1366 px screen without scrolling. The
// title stays the row's link (open in a new tab, reachable by keyboard); the whole title is its
// tooltip.
import { Typography } from '@strapi/design-system';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';

/** About 40 characters of a title: enough to tell case studies apart. */
const TITLE_WIDTH = '20rem';

export function TitleCell({ row }: { row: Record<string, unknown> }) {
  const title = typeof row.title === 'string' && row.title ? row.title : '-';
  const documentId = typeof row.documentId === 'string' ? row.documentId : '';
  const locale = typeof row.locale === 'string' ? row.locale : undefined;
  if (!documentId) return <Typography textColor="neutral800">{title}</Typography>;
  return (
    <Typography
      tag={Link}
      to={{ pathname: documentId, search: locale ? `?plugins[i18n][locale]=${encodeURIComponent(locale)}` : '' }}
      // The row's own click would open the entry a second time.
      onClick={(event: MouseEvent) => event.stopPropagation()}
      textColor="neutral800"
      maxWidth={TITLE_WIDTH}
      ellipsis
      title={title}
    >
      {title}
    </Typography>
  );
}
