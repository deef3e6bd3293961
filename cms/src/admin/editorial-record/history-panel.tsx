// "Verlauf" in a case study's edit view: every version in the edit view's language, newest first,
// with what was done, by whom and when, the fields it changed and a reviewer's comment; each can be
// compared (compare-dialog.tsx) and put back into the draft ("Diese Fassung wiederherstellen").
// The server decides who may restore what (Redaktion only while nothing is published); the panel
// says so instead of offering a button that would be refused.
import { Box, Button, Dialog, Flex, Modal, TextButton, Typography } from '@strapi/design-system';
import { ArrowClockwise, Eye, WarningCircle } from '@strapi/icons';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import { useEffect, useId, useRef, useState } from 'react';
import { HISTORY_ACTION_NAMES } from '../../history/history-table';
import { refusal, usePraxisHistoryQuery, usePraxisRestoreVersionMutation, type HistoryEntry, type Target } from './api';
import { mayRelease } from '../state-menu';
import { CompareDialog } from './compare-dialog';
import { fieldLabel, formatTime, useEditedCaseStudy, useTexts, useUnsavedChanges } from './edit-view';

const PAGE = 10;
/** How an entry introduces its fields: what a new entry filled in, what a publication put on the website, else what changed. */
const FIELDS_TEXT: Partial<Record<HistoryEntry['action'], string>> = { create: 'fields.create', publish: 'fields.publish' };
/** Entries without content of their own ("Als geprüft markiert" only sets a date; a delete ends the record): nothing to compare or restore. */
const WITHOUT_CONTENT = new Set(['reviewed', 'delete']);
/** How many changed fields an entry names before "und 7 weitere". */
const FIELDS_NAMED = 5;

/**
 * False for Redaktion on a case study with a published version: the server refuses that restore.
 * Read from the record (fetched fresh on every visit), not from the edit view's document: fetching
 * that again on mount put the edit view of a language not written yet back into loading, in a loop.
 */
function useMayRestore(entries: HistoryEntry[]): boolean {
  // Who restores on a published case study: Chefredaktion and Administration.
  const user = useAuth('PraxisHistory', (state) => state.user);
  const lastPublication = entries.find((entry) => entry.action === 'publish' || entry.action === 'unpublish' || entry.action === 'delete');
  return lastPublication?.action !== 'publish' || (user !== undefined && mayRelease(user));
}

function RestoreDialog({ target, entry, onDone }: { target: Target; entry: HistoryEntry; onDone: () => void }) {
  const { text, language } = useTexts('praxis.history');
  const { toggleNotification } = useNotification();
  const [restore, { isLoading }] = usePraxisRestoreVersionMutation();
  const time = formatTime(entry.at, language);
  const confirm = async () => {
    const result = await restore({ ...target, id: entry.id });
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: text('restoreFailed', { error: refusal(result.error) }) });
    } else {
      toggleNotification({ type: 'success', message: text('restored', { time }) });
    }
    onDone();
  };
  return (
    <Dialog.Content>
      <Dialog.Header>{text('restoreTitle')}</Dialog.Header>
      <Dialog.Body icon={<WarningCircle fill="warning600" />}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Dialog.Description>
            {text('restoreBody', { time, action: HISTORY_ACTION_NAMES[entry.action]?.[language] ?? entry.action, name: entry.user.name })}
          </Dialog.Description>
          <Typography tag="p">{text('restoreKept')}</Typography>
        </Flex>
      </Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button fullWidth variant="tertiary">
            {text('cancel')}
          </Button>
        </Dialog.Cancel>
        <Button fullWidth onClick={confirm} loading={isLoading}>
          {text('restoreConfirm')}
        </Button>
      </Dialog.Footer>
    </Dialog.Content>
  );
}

interface EntryProps {
  target: Target;
  entry: HistoryEntry;
  previous?: HistoryEntry;
  current?: HistoryEntry;
  mayRestore: boolean;
  unsaved: boolean;
}

function Entry({ target, entry, previous, current, mayRestore, unsaved }: EntryProps) {
  const { text, language } = useTexts('praxis.history');
  const [comparing, setComparing] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const time = formatTime(entry.at, language);
  const labels = (entry.fields ?? []).map((field) => fieldLabel(field, language));
  const fields =
    labels.length > FIELDS_NAMED
      ? text('moreFields', { fields: labels.slice(0, FIELDS_NAMED).join(', '), count: labels.length - FIELDS_NAMED })
      : labels.join(', ');
  return (
    <>
      <Typography tag="h3" variant="omega" fontWeight="bold" textColor="neutral800">
        {HISTORY_ACTION_NAMES[entry.action]?.[language] ?? entry.action}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {/* The time wraps as a whole in the narrow column. */}
        {text('byAt', { name: entry.user.name, time: time.replace(/ /g, '\u00a0') })}
      </Typography>
      {fields ? (
        <Typography variant="pi" textColor="neutral600" tag="p" style={{ overflowWrap: 'anywhere' }}>
          {text(FIELDS_TEXT[entry.action] ?? 'fields', { fields })}
        </Typography>
      ) : null}
      {entry.comment && entry.action === 'restore' ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {entry.comment}
        </Typography>
      ) : entry.comment ? (
        <Box tag="blockquote" marginTop={1} padding={2} background="neutral100" hasRadius style={{ borderLeft: '3px solid #8e8ea9' }}>
          <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <Typography variant="pi" fontWeight="bold">{`${text('comment')}: `}</Typography>
            {entry.comment}
          </Typography>
        </Box>
      ) : null}
      {WITHOUT_CONTENT.has(entry.action) ? null : (
        <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
          <Modal.Root open={comparing} onOpenChange={setComparing}>
            <Modal.Trigger>
              <TextButton startIcon={<Eye />} aria-label={text('compareLabel', { time })}>
                {text('compare')}
              </TextButton>
            </Modal.Trigger>
            {comparing ? <CompareDialog target={target} entry={entry} previous={previous} current={current} /> : null}
          </Modal.Root>
          {current && mayRestore ? (
            <Dialog.Root open={restoring} onOpenChange={setRestoring}>
              <Dialog.Trigger>
                <TextButton startIcon={<ArrowClockwise />} disabled={unsaved} aria-label={text('restoreLabel', { time })} style={{ textAlign: 'left' }}>
                  {text('restore')}
                </TextButton>
              </Dialog.Trigger>
              {restoring ? <RestoreDialog target={target} entry={entry} onDone={() => setRestoring(false)} /> : null}
            </Dialog.Root>
          ) : null}
        </Flex>
      )}
    </>
  );
}

function HistoryList({ target }: { target: Target }) {
  const { text } = useTexts('praxis.history');
  const heading = useId();
  // Fresh on every visit: others act on the case study too.
  const { data, isLoading, isError } = usePraxisHistoryQuery(target, { refetchOnMountOrArgChange: true });
  const unsaved = useUnsavedChanges();
  const mayRestore = useMayRestore(data ?? []);
  const [shown, setShown] = useState(PAGE);
  const firstNew = useRef<HTMLLIElement>(null);
  const [focusFrom, setFocusFrom] = useState<number>();
  // "Ältere anzeigen" hands the focus to the first version it brought in.
  useEffect(() => {
    if (focusFrom !== undefined) firstNew.current?.focus();
  }, [focusFrom]);
  const entries = data ?? [];
  // The versions with content in this language: what "the version before" and "the current draft" are.
  const versions = entries.filter((entry) => entry.locale !== null && !WITHOUT_CONTENT.has(entry.action));
  return (
    <Box tag="section" aria-labelledby={heading} width="100%" paddingTop={4} borderColor="neutral150" style={{ borderWidth: '1px 0 0', borderStyle: 'solid' }}>
      <Typography id={heading} tag="h2" variant="sigma" textColor="neutral600" textTransform="uppercase">
        {text('title')}
      </Typography>
      {isError ? (
        <Typography tag="p" textColor="danger600">
          {text('error')}
        </Typography>
      ) : isLoading ? (
        <Typography tag="p" textColor="neutral600">
          {text('loading')}
        </Typography>
      ) : entries.length === 0 ? (
        <Typography tag="p" textColor="neutral600">
          {text('empty')}
        </Typography>
      ) : (
        <>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {text('intro')}
          </Typography>
          {!mayRestore ? (
            <Box paddingTop={2}>
              <Typography tag="p" variant="pi" textColor="neutral700">
                {text('restoreOnlyChief')}
              </Typography>
            </Box>
          ) : unsaved ? (
            <Box paddingTop={2}>
              <Typography tag="p" variant="pi" textColor="warning700">
                {text('saveFirst')}
              </Typography>
            </Box>
          ) : null}
          <Box tag="ol" paddingTop={2}>
            {entries.slice(0, shown).map((entry, index) => {
              const at = versions.indexOf(entry);
              return (
                <Box
                  tag="li"
                  key={entry.id}
                  ref={index === focusFrom ? firstNew : undefined}
                  tabIndex={index === focusFrom ? -1 : undefined}
                  paddingTop={3}
                  paddingBottom={3}
                  borderColor="neutral150"
                  style={{ borderWidth: index === 0 ? 0 : '1px 0 0', borderStyle: 'solid' }}
                >
                  <Entry
                    target={target}
                    entry={entry}
                    previous={at >= 0 ? versions[at + 1] : undefined}
                    current={at > 0 ? versions[0] : undefined}
                    mayRestore={mayRestore}
                    unsaved={unsaved}
                  />
                </Box>
              );
            })}
          </Box>
          {entries.length > shown ? (
            <Button
              variant="tertiary"
              size="S"
              fullWidth
              onClick={() => {
                setFocusFrom(shown);
                setShown(shown + PAGE);
              }}
            >
              {text('older')}
            </Button>
          ) : null}
        </>
      )}
    </Box>
  );
}

/** The edit view's "Verlauf" (injection zone editView/right-links): case studies only, not on the create page. */
export function HistoryPanel({ slug }: { slug?: string }) {
  const target = useEditedCaseStudy(slug);
  if (!target) return null;
  return <HistoryList key={`${target.documentId}:${target.locale}`} target={target} />;
}
