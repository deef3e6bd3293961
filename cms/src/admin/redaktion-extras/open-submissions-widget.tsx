// "Offene Einreichungen": confirmed submissions whose case study is not published yet, the oldest first.
import { Box, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CaseStudyItem } from '../widgets/case-study-item';
import { relativeTime, useDashboardData } from '../widgets/use-dashboard-data';

interface OpenSubmissions {
  total: number;
  items: { documentId: string; locale: string; title: string; submitter: { name: string; organisation: string | null; confirmedAt: string | null } }[];
}

export default function OpenSubmissionsWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string>) => formatMessage({ id: `praxis.extras.${id}` }, values);
  const { data, failed } = useDashboardData<OpenSubmissions>('submissions', 60_000);
  if (failed && !data) return <Widget.Error>{text('loadError')}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('submissions.empty')}</Widget.NoData>;
  return (
    <Box tag="ul">
      {data.items.map((item) => (
        <CaseStudyItem key={`${item.documentId}:${item.locale}`} documentId={item.documentId} locale={item.locale} title={item.title}>
          <Typography variant="pi" textColor="neutral600" display="block">
            {text('submissions.by', {
              name: item.submitter.name,
              organisation: item.submitter.organisation ? ` (${item.submitter.organisation})` : '',
              time: relativeTime(item.submitter.confirmedAt, locale, '–'),
            })}
          </Typography>
        </CaseStudyItem>
      ))}
    </Box>
  );
}
