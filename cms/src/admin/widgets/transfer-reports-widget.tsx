// "Nachnutzung zur Prüfung": reports of "Nachnutzung melden" their reporters confirmed, waiting
// for the review, the longest waiting first; each links to its edit view.
import { Box, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { relativeTime, useDashboardData } from './use-dashboard-data';

interface TransferReportQueue {
  total: number;
  items: { documentId: string; title: string; since: number; sentAt: string }[];
}

const reportPath = (documentId: string) => `/content-manager/collection-types/api::transfer-report.transfer-report/${documentId}`;

export default function TransferReportsWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.transfers.${id}` }, values);
  const language = locale.startsWith('en') ? 'en' : 'de';
  const { data, failed } = useDashboardData<TransferReportQueue>('transfer-reports', 30_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('empty')}</Widget.NoData>;
  return (
    <Box>
      <Typography variant="pi" textColor="neutral600">
        {text('count', { total: data.total })}
      </Typography>
      <Box tag="ol" paddingTop={2}>
        {data.items.map((item) => (
          <Box tag="li" key={item.documentId} paddingBottom={2}>
            <Link to={reportPath(item.documentId)}>
              <Typography fontWeight="semiBold" textColor="primary600">
                {item.title}
              </Typography>
            </Link>
            <Typography variant="pi" textColor="neutral600" display="block">
              {text('item', { since: item.since, time: relativeTime(item.sentAt, language, '') })}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
