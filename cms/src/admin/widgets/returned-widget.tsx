// "Zurück an mich": the current user's case studies a reviewer sent back and that are still
// drafts (GET /redaktion/returned-to-me, cms/src/review/), the latest return first, with who
// returned each, when, the first line of the comment and a link to the edit view in its language.
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CaseStudyItem, useLanguageName } from './case-study-item';
import { relativeTime, useDashboardData } from './use-dashboard-data';

interface ReturnedToMe {
  total: number;
  items: { documentId: string; locale: string; title: string; returnedAt: string; returnedBy: string; comment: string | null }[];
}

/** A comment's first line, shortened to what fits the tile. */
function firstLine(comment: string | null): string {
  const line = (comment ?? '').split(/\r?\n/).find((part) => part.trim() !== '') ?? '';
  return line.length > 140 ? `${line.slice(0, 139).trimEnd()}…` : line.trim();
}

export default function ReturnedWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.returned.${id}` }, values);
  const language = locale.startsWith('en') ? 'en' : 'de';
  const { data, failed } = useDashboardData<ReturnedToMe>('returned-to-me', 30_000);
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
              {`${languageName(item.locale)} · ${text('by', { name: item.returnedBy, time: relativeTime(item.returnedAt, language, '') })}`}
            </Typography>
            {item.comment ? (
              <Typography variant="pi" textColor="neutral800" display="block" style={{ overflowWrap: 'anywhere' }}>
                {language === 'en' ? `“${firstLine(item.comment)}”` : `„${firstLine(item.comment)}“`}
              </Typography>
            ) : null}
          </CaseStudyItem>
        ))}
      </Box>
      {data.total > data.items.length ? (
        <Typography variant="pi" textColor="neutral600">
          {text('more', { count: data.total - data.items.length })}
        </Typography>
      ) : null}
    </Flex>
  );
}
