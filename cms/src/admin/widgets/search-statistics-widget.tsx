// "Suchen ohne Treffer": what practitioners looked for and did not find (which case studies are
// missing), and the most frequent searches: counts of query text only.
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useDashboardData } from './use-dashboard-data';

interface Searches {
  days: number;
  withoutResults: { query: string; locale: string; searches: number; withoutResults: number }[];
  mostFrequent: { query: string; locale: string; searches: number; withoutResults: number }[];
}

function Ranking({ heading, rows, count }: { heading: string; rows: Searches['mostFrequent']; count: (row: Searches['mostFrequent'][number]) => string }) {
  return (
    <Box>
      <Typography variant="sigma" tag="h3">{heading}</Typography>
      <Box tag="ol" paddingTop={1}>
        {rows.map((row) => (
          <Flex tag="li" key={`${row.locale}-${row.query}`} justifyContent="space-between" gap={2}>
            <Typography>„{row.query}“ <Typography variant="pi" textColor="neutral600">{row.locale.toUpperCase()}</Typography></Typography>
            <Typography variant="pi">{count(row)}</Typography>
          </Flex>
        ))}
      </Box>
    </Box>
  );
}

export default function SearchStatisticsWidget() {
  const { formatMessage } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.searches.${id}` }, values);
  const { data, failed } = useDashboardData<Searches>('search-statistics', 60_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.mostFrequent.length === 0) return <Widget.NoData>{text('none', { days: data.days })}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {data.withoutResults.length === 0
        ? <Typography variant="pi">{text('none', { days: data.days })}</Typography>
        : <Ranking heading={text('withoutResults', { days: data.days })} rows={data.withoutResults} count={(row) => text('times', { count: row.withoutResults })} />}
      <Ranking heading={text('mostFrequent')} rows={data.mostFrequent} count={(row) => text('times', { count: row.searches })} />
    </Flex>
  );
}
