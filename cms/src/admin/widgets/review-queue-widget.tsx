// "Zur Prüfung": drafts the Redaktion sent for review, the longest waiting first, with who sent them.
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CaseStudyItem, useLanguageName } from './case-study-item';
import { relativeTime, useDashboardData } from './use-dashboard-data';

interface ReviewQueue {
  total: number;
  items: { documentId: string; locale: string; title: string; sentAt: string; sentBy: string | null; submitted: boolean }[];
}

export default function ReviewQueueWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.review.${id}` }, values);
  const language = locale.startsWith('en') ? 'en' : 'de';
  const { data, failed } = useDashboardData<ReviewQueue>('review-queue', 30_000);
  const languageName = useLanguageName();
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {text('count', { total: data.total })}
      </Typography>
      <Box tag="ol">
        {data.items.map((item) => (
          <CaseStudyItem key={`${item.documentId}-${item.locale}`} documentId={item.documentId} locale={item.locale} title={item.title}>
            <Typography variant="pi" textColor="neutral600" display="block">
              {languageName(item.locale)} ·{' '}
              {item.submitted
                ? text('submitted', { time: relativeTime(item.sentAt, language, '') })
                : text('sent', { name: item.sentBy ?? text('someone'), time: relativeTime(item.sentAt, language, '') })}
            </Typography>
          </CaseStudyItem>
        ))}
      </Box>
    </Flex>
  );
}
