// "Vorgeschlagene Träger" (Chefredaktion and Administration): the Träger the Redaktion created
// from a case study's relation picker, each with who proposed it, the case studies naming it,
// "Bearbeiten" (its edit view, to correct the name) and "Freigeben" (src/editorial/organisations.ts).
// Until then it is not on the site, and a case study naming it cannot be published.
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Widget, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { CaseStudyItem } from './case-study-item';
import { useDashboardData } from './use-dashboard-data';

interface Proposals {
  total: number;
  items: {
    documentId: string;
    name: string;
    website: string | null;
    proposedAt: string;
    proposedBy: string | null;
    caseStudies: { documentId: string; locale: string; title: string }[];
  }[];
}

const organisationPath = (documentId: string) => `/content-manager/collection-types/api::organisation.organisation/${documentId}`;

export default function ProposedOrganisationsWidget() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.proposals.${id}` }, values);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [approving, setApproving] = useState<string>();
  const { data, failed, reload } = useDashboardData<Proposals>('proposed-organisations', 30_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('empty')}</Widget.NoData>;
  const approve = async (item: Proposals['items'][number]) => {
    setApproving(item.documentId);
    try {
      await post(`/redaktion/proposed-organisations/${item.documentId}/approve`);
      toggleNotification({ type: 'success', message: text('approved', { name: item.name }) });
      await reload();
    } catch {
      toggleNotification({ type: 'danger', message: text('failed', { name: item.name }) });
    } finally {
      setApproving(undefined);
    }
  };
  return (
    <Box tag="ul">
      {data.items.map((item) => (
        <Box tag="li" key={item.documentId} paddingBottom={3}>
          <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
            <Box>
              <Typography fontWeight="semiBold" display="block">
                {item.name}
              </Typography>
              <Typography variant="pi" textColor="neutral600" display="block">
                {text('proposed', { name: item.proposedBy ?? text('someone'), date: formatDate(item.proposedAt, { dateStyle: 'medium' }) })}
              </Typography>
            </Box>
            <Flex gap={2}>
              <Link to={organisationPath(item.documentId)} aria-label={text('editLabel', { name: item.name })}>
                <Typography variant="pi" textColor="primary600">
                  {text('edit')}
                </Typography>
              </Link>
              <Button
                size="S"
                variant="secondary"
                loading={approving === item.documentId}
                onClick={() => approve(item)}
                aria-label={text('approveLabel', { name: item.name })}
              >
                {text('approve')}
              </Button>
            </Flex>
          </Flex>
          {item.caseStudies.length > 0 && (
            <Box paddingTop={1}>
              <Typography variant="pi" textColor="neutral600" display="block">
                {text('namedIn')}
              </Typography>
              <Box tag="ul" paddingLeft={2}>
                {item.caseStudies.map((caseStudy) => (
                  <CaseStudyItem key={`${caseStudy.documentId}:${caseStudy.locale}`} {...caseStudy} />
                ))}
              </Box>
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
