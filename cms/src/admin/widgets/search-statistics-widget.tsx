// "Suchen ohne Treffer": what practitioners looked for and did not find (which case studies or
// synonyms are missing), and the most frequent searches: counts of query text only. Each count
// says on how many days: a word that failed on 6 days is a gap, 40 misses on one day are one
// person or one script. Who may create search terms gets "Synonym anlegen" next to each miss.
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Widget, useRBAC } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { addSynonymPath, CREATE_SEARCH_TERM } from '../search-terms/prefill';
import { useDashboardData } from './use-dashboard-data';

// The server's row type (erased from the admin bundle): the widget shows exactly what it sends.
import type { TopSearch } from '../../dashboard/search-log';

interface Searches {
  days: number;
  withoutResults: TopSearch[];
  mostFrequent: TopSearch[];
}

function Ranking({
  heading,
  rows,
  count,
  action,
}: {
  heading: string;
  rows: TopSearch[];
  count: (row: TopSearch) => string;
  action?: (row: TopSearch) => ReactNode;
}) {
  return (
    <Box>
      <Typography variant="sigma" tag="h3">
        {heading}
      </Typography>
      <Box tag="ol" paddingTop={1}>
        {rows.map((row) => (
          <Flex tag="li" key={`${row.locale}-${row.query}`} justifyContent="space-between" alignItems="center" gap={2} paddingBottom={1}>
            <Box style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography>
                „{row.query}“{' '}
                <Typography variant="pi" textColor="neutral600">
                  {row.locale.toUpperCase()}
                </Typography>
              </Typography>
            </Box>
            <Flex gap={2} alignItems="center" shrink={0}>
              <Typography variant="pi" style={{ whiteSpace: 'nowrap' }}>
                {count(row)}
              </Typography>
              {action?.(row)}
            </Flex>
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
  const {
    allowedActions: { canCreate: mayAddSynonyms },
  } = useRBAC(CREATE_SEARCH_TERM);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.mostFrequent.length === 0) return <Widget.NoData>{text('none', { days: data.days })}</Widget.NoData>;
  const addSynonym = (row: TopSearch) => (
    <LinkButton tag={Link} to={addSynonymPath(row.query, row.locale)} size="S" variant="tertiary" aria-label={text('addSynonymLabel', { query: row.query })}>
      {text('addSynonym')}
    </LinkButton>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {data.withoutResults.length === 0 ? (
        <Typography variant="pi">{text('none', { days: data.days })}</Typography>
      ) : (
        <Ranking
          heading={text('withoutResults', { days: data.days })}
          rows={data.withoutResults}
          count={(row) => text('times', { count: row.withoutResults, days: row.daysWithoutResults })}
          action={mayAddSynonyms ? addSynonym : undefined}
        />
      )}
      <Ranking heading={text('mostFrequent')} rows={data.mostFrequent} count={(row) => text('times', { count: row.searches, days: row.daysSearched })} />
    </Flex>
  );
}
