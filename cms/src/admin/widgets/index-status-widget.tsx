// "Suchindex": is every published case study in the search, what is waiting or failing, and
// (for Chefredaktion) a zero-downtime reindex with its progress.
import { Badge, Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { relativeTime, useDashboardData } from './use-dashboard-data';

interface IndexStatus {
  connected: boolean;
  locales: { locale: string; published: number; indexed: number | null }[];
  pending: number;
  failed: number;
  failures: { documentId: string; locale: string | null; title: string | null; error: string | null }[];
  lastSuccessAt: string | null;
  lastReconciledAt: string | null;
  reindex: { startedAt: string; finishedAt: string | null; total: Record<string, number>; done: Record<string, number>; error: string | null } | null;
  mayReindex: boolean;
}

const LANGUAGE_NAMES: Record<string, Record<string, string>> = { de: { de: 'Deutsch', en: 'Englisch' }, en: { de: 'German', en: 'English' } };
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

export default function IndexStatusWidget() {
  const { formatMessage, locale } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.index.${id}` }, values);
  const language = locale.startsWith('en') ? 'en' : 'de';
  const { post } = useFetchClient();
  const [refusal, setRefusal] = useState<string>();
  const { data, failed, reload } = useDashboardData<IndexStatus>('index-status', 2_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;

  const running = data.reindex && !data.reindex.finishedAt;
  const startReindex = async () => {
    setRefusal(undefined);
    try {
      await post('/redaktion/reindex');
    } catch (error) {
      setRefusal((error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? String(error));
    }
    await reload();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {!data.connected && (
        <Typography variant="omega" textColor="danger600" role="alert">
          {text('disconnected')}
        </Typography>
      )}
      <Box tag="table" width="100%">
        <thead>
          <tr>
            <Typography tag="th" variant="sigma" textAlign="left">
              {text('language')}
            </Typography>
            <Typography tag="th" variant="sigma" textAlign="right">
              {text('published')}
            </Typography>
            <Typography tag="th" variant="sigma" textAlign="right">
              {text('indexed')}
            </Typography>
          </tr>
        </thead>
        <tbody>
          {data.locales.map((row) => (
            <tr key={row.locale}>
              <Typography tag="td">{LANGUAGE_NAMES[language]![row.locale] ?? row.locale}</Typography>
              <Typography tag="td" textAlign="right">
                {row.published}
              </Typography>
              <Typography tag="td" textAlign="right" textColor={row.indexed === row.published ? undefined : 'danger600'}>
                {row.indexed ?? text('unreachable')}
              </Typography>
            </tr>
          ))}
        </tbody>
      </Box>
      <Flex gap={2} wrap="wrap">
        <Badge active={data.pending === 0}>{text('pending', { count: data.pending })}</Badge>
        <Badge textColor={data.failed > 0 ? 'danger600' : undefined}>{text('failed', { count: data.failed })}</Badge>
      </Flex>
      {data.failures.length > 0 && (
        <Box tag="ul">
          {data.failures.slice(0, 5).map((failure) => (
            <Typography tag="li" variant="pi" textColor="danger600" key={`${failure.documentId}-${failure.locale}`}>
              {text('failure', { title: failure.title ?? failure.documentId, locale: failure.locale ?? '*', error: failure.error ?? '' })}
            </Typography>
          ))}
        </Box>
      )}
      <Typography variant="pi" textColor="neutral600">
        {text('lastSuccess', { time: relativeTime(data.lastSuccessAt, language, text('never')) })}
        {' · '}
        {text('lastReconciled', { time: relativeTime(data.lastReconciledAt, language, text('never')) })}
      </Typography>
      {data.reindex && running && (
        <Box>
          <Typography variant="pi" id="praxis-reindex-progress">
            {text('reindexing', { done: sum(data.reindex.done), total: sum(data.reindex.total) })}
          </Typography>
          <ProgressBar aria-labelledby="praxis-reindex-progress" value={Math.round((100 * sum(data.reindex.done)) / Math.max(1, sum(data.reindex.total)))} />
        </Box>
      )}
      {data.reindex && !running && (
        <Typography variant="pi" textColor={data.reindex.error ? 'danger600' : 'success600'} role="status">
          {data.reindex.error
            ? text('reindexFailed', { error: data.reindex.error })
            : text('reindexed', { total: sum(data.reindex.done), time: relativeTime(data.reindex.finishedAt, language, '') })}
        </Typography>
      )}
      {refusal && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {refusal}
        </Typography>
      )}
      {data.mayReindex && (
        <Box>
          <Button variant="secondary" onClick={startReindex} disabled={Boolean(running) || !data.connected} loading={Boolean(running)}>
            {text('reindex')}
          </Button>
        </Box>
      )}
    </Flex>
  );
}
