// "Prüfung fällig": published case studies not reviewed within the interval (12 months unless
// REVIEW_INTERVAL_MONTHS says otherwise), with "Als geprüft markieren" after reading for the
// Chefredaktion (Redaktion asks for it by sending the entry to review).
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { editPath, useDashboardData } from './use-dashboard-data';

interface ReviewDue {
  total: number;
  months: number;
  items: { documentId: string; locale: string; title: string; lastReviewed: string | null }[];
  /** Chefredaktion and Administration: marking reviewed changes the live page. */
  mayMark: boolean;
}

export default function ReviewDueWidget() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.due.${id}` }, values);
  const { post } = useFetchClient();
  const { data, failed, setData } = useDashboardData<ReviewDue>('review-due', 60_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('empty', { months: data.months })}</Widget.NoData>;
  const markReviewed = async (documentId: string) => setData((await post<ReviewDue>(`/redaktion/review-due/${documentId}/reviewed`)).data);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {text('count', { total: data.total, months: data.months })}
      </Typography>
      <Box tag="ul">
        {data.items.map((item) => (
          <Flex tag="li" key={item.documentId} justifyContent="space-between" alignItems="center" gap={2} paddingBottom={2}>
            <Box>
              <Link to={editPath(item.documentId, item.locale)}>
                <Typography fontWeight="semiBold" textColor="primary600">
                  {item.title}
                </Typography>
              </Link>
              <Typography variant="pi" textColor="neutral600" display="block">
                {item.lastReviewed ? text('last', { date: formatDate(item.lastReviewed, { dateStyle: 'medium' }) }) : text('never')}
              </Typography>
            </Box>
            {data.mayMark && (
              <Button size="S" variant="tertiary" onClick={() => markReviewed(item.documentId)} aria-label={text('markLabel', { title: item.title })}>
                {text('mark')}
              </Button>
            )}
          </Flex>
        ))}
      </Box>
    </Flex>
  );
}
