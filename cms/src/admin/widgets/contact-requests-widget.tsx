// "Kontaktanfragen": how many requests each case study received through "Kontakt aufnehmen" on
// the site, the most asked-about first. Counts only; no names, addresses or messages.
import { CONTACT_PURPOSE_NAMES, CONTACT_PURPOSES } from '@praxis/search/domain';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { editPath, useDashboardData } from './use-dashboard-data';

interface Counts {
  days: number;
  recent: number;
  total: number;
  byPurpose: Record<(typeof CONTACT_PURPOSES)[number], number>;
  items: { documentId: string; locale: string; title: string; recent: number; total: number }[];
}

export default function ContactRequestsWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.requests.${id}` }, values);
  const { data, failed } = useDashboardData<Counts>('contact-requests', 60_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('none', { days: data.days })}</Widget.NoData>;
  const language = locale.startsWith('en') ? 'en' : 'de';
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="pi" textColor="neutral600">
        {text('summary', { recent: data.recent, total: data.total, days: data.days })}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {CONTACT_PURPOSES.map((purpose) => `${CONTACT_PURPOSE_NAMES[purpose][language]}: ${data.byPurpose[purpose]}`).join(' · ')}
      </Typography>
      <Box tag="ol">
        {data.items.map((item) => (
          <Flex tag="li" key={item.documentId} justifyContent="space-between" alignItems="center" gap={2} paddingBottom={2}>
            <Link to={editPath(item.documentId, item.locale)}>
              <Typography fontWeight="semiBold" textColor="primary600">
                {item.title}
              </Typography>
            </Link>
            <Typography variant="pi">{text('count', { recent: item.recent, total: item.total, days: data.days })}</Typography>
          </Flex>
        ))}
      </Box>
      <Typography variant="pi" textColor="neutral600">
        {text('privacy')}
      </Typography>
    </Flex>
  );
}
