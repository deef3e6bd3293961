// "Vergleichen": what changed between a version and the one before it, or between it and the
// current draft (the editor chooses), field by field with the edit view's labels. Always read in
// time order: struck through is what the older of the two said, underlined what the newer says.
import { Box, Flex, Loader, Modal, Radio, Typography } from '@strapi/design-system';
import { useId, useState } from 'react';
import { HISTORY_ACTION_NAMES } from '../../history/history-table';
import { usePraxisHistoryVersionQuery, type HistoryEntry, type Target } from './api';
import { ChangeView } from './change-view';
import { compareVersions } from './diff';
import { FIELD_ORDER, formatTime, useTexts } from './edit-view';

type Choice = 'previous' | 'current';

interface CompareProps {
  target: Target;
  /** The version to compare. */
  entry: HistoryEntry;
  /** The version recorded before it (none for the first one). */
  previous?: HistoryEntry;
  /** The newest version: the current draft (none when `entry` is it). */
  current?: HistoryEntry;
}

export function CompareDialog({ target, entry, previous, current }: CompareProps) {
  const { text, language } = useTexts('praxis.history');
  const [choice, setChoice] = useState<Choice>(previous ? 'previous' : 'current');
  const other = choice === 'previous' ? previous : current;
  const chosen = usePraxisHistoryVersionQuery({ ...target, id: entry.id });
  const compared = usePraxisHistoryVersionQuery({ ...target, id: other?.id ?? 0 }, { skip: !other });
  const choiceLabel = useId();
  const time = formatTime(entry.at, language);
  const named = (version: HistoryEntry) => ({
    action: HISTORY_ACTION_NAMES[version.action]?.[language] ?? version.action,
    time: formatTime(version.at, language),
  });

  const loading = chosen.isLoading || compared.isFetching;
  const failed = chosen.isError || compared.isError;
  const [older, newer] = choice === 'previous' ? [compared.data, chosen.data] : [chosen.data, compared.data];
  const changes =
    chosen.data?.snapshot && (!other || older?.snapshot) ? compareVersions(other ? older!.snapshot : null, newer!.snapshot, FIELD_ORDER) : undefined;
  const legend = other
    ? text('legend', choice === 'previous' ? { older: named(other).time, newer: time } : { older: time, newer: named(other).time })
    : undefined;

  return (
    <Modal.Content aria-describedby={undefined}>
      <Modal.Header closeLabel={text('close')}>
        <Modal.Title>{text('compareTitle', { time })}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography textColor="neutral700">{`${named(entry).action} · ${entry.user.name} · ${time}`}</Typography>
          {previous || current ? (
            <Box>
              <Typography id={choiceLabel} variant="pi" fontWeight="bold" textColor="neutral800">
                {text('compareWith')}
              </Typography>
              <Box paddingTop={2}>
                <Radio.Group aria-labelledby={choiceLabel} value={choice} onValueChange={(value: string) => setChoice(value as Choice)}>
                  {previous ? <Radio.Item value="previous">{text('withPrevious', named(previous))}</Radio.Item> : null}
                  {current ? <Radio.Item value="current">{text('withCurrent', named(current))}</Radio.Item> : null}
                </Radio.Group>
              </Box>
            </Box>
          ) : null}
          {!previous ? <Typography>{text(current ? 'noPrevious' : 'onlyVersion')}</Typography> : null}
          {failed ? (
            <Typography textColor="danger600">{text('compareError')}</Typography>
          ) : loading ? (
            <Loader small>{text('loading')}</Loader>
          ) : chosen.data && !chosen.data.snapshot ? (
            <Typography>{text('noContent')}</Typography>
          ) : changes ? (
            <Box>
              {legend ? (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {legend}
                </Typography>
              ) : null}
              <Box paddingTop={2} role="status">
                <Typography fontWeight="bold">{text('changedCount', { count: changes.length })}</Typography>
              </Box>
              <Box>
                {changes.map((change) => (
                  <Box key={change.field} borderColor="neutral150" style={{ borderWidth: '1px 0 0', borderStyle: 'solid' }}>
                    <ChangeView change={change} />
                  </Box>
                ))}
              </Box>
            </Box>
          ) : null}
        </Flex>
      </Modal.Body>
    </Modal.Content>
  );
}
