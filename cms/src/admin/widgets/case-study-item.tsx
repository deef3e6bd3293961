// One case study in a dashboard tile: its title as a link to the edit view in its language, then
// what the tile says of it (who sent or returned it, when). Languages by name, not by code.
import { Box, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { editPath } from './use-dashboard-data';

export function CaseStudyItem({ documentId, locale, title, children }: { documentId: string; locale: string; title: string; children?: ReactNode }) {
  return (
    <Box tag="li" paddingBottom={2}>
      <Link to={editPath(documentId, locale)}>
        <Typography fontWeight="semiBold" textColor="primary600">
          {title}
        </Typography>
      </Link>
      {children}
    </Box>
  );
}

/** "Deutsch" for `de`, in the admin's language; an unknown code as it is. */
export function useLanguageName(): (code: string) => string {
  const { formatMessage } = useIntl();
  return (code) => (code === 'de' || code === 'en' ? formatMessage({ id: `praxis.dashboard.language.${code}` }) : code);
}
