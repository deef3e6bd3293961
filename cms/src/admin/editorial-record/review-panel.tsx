// "Prüfung" at the top of a case study's edit view: where the entry stands in the review (in
// words, as a badge), the reviewers' open comments and the resolved ones folded away, a field to
// add a comment, "Zur Prüfung geben" (with an optional note; the state menu offers Redaktion no
// "Freigegeben"), and for the Chefredaktion "Als erledigt markieren" and "Zurückgeben" (with a
// required comment). The server (cms/src/review/) says what the user may do; while the form has
// unsaved changes the controls wait, so nobody comments on or returns what is not saved.
import { Box, Button, Field, Flex, Modal, TextButton, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { EDITORIAL_STATE_NAMES } from '../../editorial/states';
import { REVIEW_COMMENT_MAX_LENGTH } from '../../review/review-table';
import {
  refusal,
  usePraxisReviewCommentMutation,
  usePraxisReviewQuery,
  usePraxisReviewResolveMutation,
  usePraxisReviewStepMutation,
  type ReviewComment,
  type ReviewState,
  type Target,
} from './api';
import { formatTime, useEditedCaseStudy, useTexts, useUnsavedChanges } from './edit-view';

/** The four states as editors name them: the schema's three, and a draft the reviewer sent back. */
const STATE_NAMES: Record<ReviewState, { de: string; en: string }> = {
  ...EDITORIAL_STATE_NAMES,
  zurueckgegeben: { de: 'Zurückgegeben', en: 'Returned' },
};
/** Each state's colours: its word is on the badge, the colour only repeats it. */
const STATE_COLOURS: Record<ReviewState, { background: string; border: string; text: string }> = {
  entwurf: { background: 'neutral100', border: 'neutral300', text: 'neutral800' },
  'zur-pruefung': { background: 'secondary100', border: 'secondary200', text: 'secondary700' },
  zurueckgegeben: { background: 'warning100', border: 'warning200', text: 'warning700' },
  freigegeben: { background: 'success100', border: 'success200', text: 'success700' },
};

type Text = ReturnType<typeof useTexts>['text'];
type Stoppable = { preventDefault(): void; stopPropagation(): void };

function StateBadge({ state, text, language }: { state: ReviewState; text: Text; language: 'de' | 'en' }) {
  const colours = STATE_COLOURS[state] ?? STATE_COLOURS.entwurf;
  return (
    <Box background={colours.background} borderColor={colours.border} hasRadius paddingTop={2} paddingBottom={2} paddingLeft={3} paddingRight={3} width="100%">
      <Typography variant="omega" fontWeight="bold" textColor={colours.text}>
        {text('state', { state: STATE_NAMES[state]?.[language] ?? state })}
      </Typography>
    </Box>
  );
}

interface CommentProps {
  comment: ReviewComment;
  text: Text;
  language: 'de' | 'en';
  onResolve?: () => void;
  busy?: boolean;
}

function Comment({ comment, text, language, onResolve, busy }: CommentProps) {
  const time = formatTime(comment.at, language).replace(/ /g, '\u00a0');
  return (
    <Box tag="li" paddingTop={2} paddingBottom={2}>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {text('byAt', { name: comment.author.name, time })}
      </Typography>
      <Box marginTop={1} padding={2} background="neutral100" hasRadius style={{ borderLeft: '3px solid #8e8ea9' }}>
        <Typography tag="p" textColor={comment.resolvedAt ? 'neutral600' : 'neutral800'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {comment.body}
        </Typography>
      </Box>
      {comment.resolvedAt ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {comment.resolvedBy
            ? text('resolvedBy', { name: comment.resolvedBy, time: formatTime(comment.resolvedAt, language) })
            : text('resolvedAt', { time: formatTime(comment.resolvedAt, language) })}
        </Typography>
      ) : null}
      {onResolve ? (
        <Box paddingTop={1}>
          <TextButton onClick={onResolve} disabled={busy} aria-label={text('resolveLabel', { name: comment.author.name })}>
            {text('resolve')}
          </TextButton>
        </Box>
      ) : null}
    </Box>
  );
}

/** A step of the review with a comment: "Zurückgeben" (the comment required) or "Zur Prüfung geben" (a note if the editor wants). */
type Step = 'return' | 'submit';

function StepDialog({ target, step, onDone }: { target: Target; step: Step; onDone: () => void }) {
  const { text } = useTexts('praxis.review');
  const { toggleNotification } = useNotification();
  const [take, { isLoading }] = usePraxisReviewStepMutation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const required = step === 'return';
  /** Stops here: through React's tree (the dialog is portalled from inside it) a submit would also reach the edit view's form, which saves. */
  const submit = async (event: Stoppable) => {
    event.preventDefault();
    event.stopPropagation();
    const body = comment.trim();
    // What is wrong is said at the field, and the focus goes there.
    const refuse = (message: string) => {
      setError(message);
      field.current?.focus();
    };
    if (required && !body) return refuse(text('returnRequired'));
    if (body.length > REVIEW_COMMENT_MAX_LENGTH) return refuse(text('tooLong', { count: body.length }));
    const result = await take({ ...target, step, comment: body });
    if ('error' in result) return refuse(text('failed', { error: refusal(result.error) }));
    toggleNotification({ type: 'success', message: text(required ? 'returned' : 'submitted') });
    onDone();
  };
  return (
    <Modal.Content
      onOpenAutoFocus={(event: Event) => {
        event.preventDefault();
        field.current?.focus();
      }}
    >
      <form onSubmit={submit} noValidate>
        <Modal.Header closeLabel={text('cancel')}>
          <Modal.Title>{text(`${step}Title`)}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography tag="p">{text(`${step}Body`)}</Typography>
            <Field.Root name={`${step}Comment`} required={required} error={error} hint={text('addHint')}>
              <Field.Label>{text(`${step}Comment`)}</Field.Label>
              <Textarea
                ref={field}
                value={comment}
                onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
                  setComment(event.target.value);
                  setError(undefined);
                }}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{text('cancel')}</Button>
          </Modal.Close>
          <Button type="submit" variant={required ? 'danger-light' : 'default'} loading={isLoading}>
            {text(`${step}Confirm`)}
          </Button>
        </Modal.Footer>
      </form>
    </Modal.Content>
  );
}

/** The button that opens a step's dialog. */
function StepButton({ target, step, disabled }: { target: Target; step: Step; disabled: boolean }) {
  const { text } = useTexts('praxis.review');
  const [open, setOpen] = useState(false);
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant={step === 'return' ? 'danger-light' : 'default'} fullWidth disabled={disabled}>
          {text(step)}
        </Button>
      </Modal.Trigger>
      {open ? <StepDialog target={target} step={step} onDone={() => setOpen(false)} /> : null}
    </Modal.Root>
  );
}

function NewComment({ target, disabled }: { target: Target; disabled: boolean }) {
  const { text } = useTexts('praxis.review');
  const { toggleNotification } = useNotification();
  const [send, { isLoading }] = usePraxisReviewCommentMutation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: Stoppable) => {
    // Inside the edit view's form: this must not save the case study.
    event.preventDefault();
    event.stopPropagation();
    const trimmed = body.trim();
    if (!trimmed) return;
    if (trimmed.length > REVIEW_COMMENT_MAX_LENGTH) return setError(text('tooLong', { count: trimmed.length }));
    const result = await send({ ...target, body: trimmed });
    if ('error' in result) return setError(text('failed', { error: refusal(result.error) }));
    setBody('');
    toggleNotification({ type: 'success', message: text('sent') });
  };
  // No <form>: forms do not nest, and the edit view is one; the button sends.
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="praxisReviewComment" error={error} hint={text('addHint')}>
        <Field.Label>{text('add')}</Field.Label>
        <Textarea
          value={body}
          disabled={disabled}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            setBody(event.target.value);
            setError(undefined);
          }}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Button type="button" variant="secondary" fullWidth disabled={disabled || body.trim() === ''} loading={isLoading} onClick={submit}>
        {text('send')}
      </Button>
    </Flex>
  );
}

function ReviewThread({ target }: { target: Target }) {
  const { text, language } = useTexts('praxis.review');
  const heading = useId();
  const resolvedList = useId();
  const { toggleNotification } = useNotification();
  // Fresh on every visit: someone else may have commented or returned it since.
  const { data, isLoading, isError } = usePraxisReviewQuery(target, { refetchOnMountOrArgChange: true });
  const [resolve, { isLoading: resolving }] = usePraxisReviewResolveMutation();
  const unsaved = useUnsavedChanges();
  const [showResolved, setShowResolved] = useState(false);
  const resolveComment = async (id: number) => {
    const result = await resolve({ ...target, id });
    if ('error' in result) toggleNotification({ type: 'danger', message: text('failed', { error: refusal(result.error) }) });
  };
  if (data === null) return null;
  const open = data?.comments.filter((comment) => !comment.resolvedAt) ?? [];
  const resolved = data?.comments.filter((comment) => comment.resolvedAt) ?? [];
  return (
    <Box tag="section" aria-labelledby={heading} width="100%" paddingTop={4} borderColor="neutral150" style={{ borderWidth: '1px 0 0', borderStyle: 'solid' }}>
      <Typography id={heading} tag="h2" variant="sigma" textColor="neutral600" textTransform="uppercase">
        {text('title')}
      </Typography>
      {isError ? (
        <Typography tag="p" textColor="danger600">
          {text('error')}
        </Typography>
      ) : isLoading || !data ? (
        <Typography tag="p" textColor="neutral600">
          {text('loading')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
          <StateBadge state={data.state} text={text} language={language} />
          <Box>
            <Typography tag="h3" variant="omega" fontWeight="bold" textColor="neutral800">
              {text('open')}
            </Typography>
            {open.length === 0 ? (
              <Typography tag="p" variant="pi" textColor="neutral600">
                {text('noOpen')}
              </Typography>
            ) : (
              <Box tag="ol">
                {open.map((comment) => (
                  <Comment
                    key={comment.id}
                    comment={comment}
                    text={text}
                    language={language}
                    busy={resolving || unsaved}
                    onResolve={data.mayResolve ? () => resolveComment(comment.id) : undefined}
                  />
                ))}
              </Box>
            )}
          </Box>
          {resolved.length > 0 ? (
            <Box>
              <TextButton aria-expanded={showResolved} aria-controls={resolvedList} onClick={() => setShowResolved(!showResolved)}>
                {`${showResolved ? '▾' : '▸'} ${text('resolved', { count: resolved.length })}`}
              </TextButton>
              <Box tag="ol" id={resolvedList} hidden={!showResolved}>
                {resolved.map((comment) => (
                  <Comment key={comment.id} comment={comment} text={text} language={language} />
                ))}
              </Box>
            </Box>
          ) : null}
          {unsaved ? (
            <Typography tag="p" variant="pi" textColor="warning700">
              {text('unsaved')}
            </Typography>
          ) : null}
          {data.maySubmit ? <StepButton target={target} step="submit" disabled={unsaved} /> : null}
          <NewComment target={target} disabled={unsaved} />
          {data.mayReturn ? <StepButton target={target} step="return" disabled={unsaved} /> : null}
        </Flex>
      )}
    </Box>
  );
}

/** The edit view's "Prüfung" (injection zone editView/right-links, before "Verlauf"): case studies only, not on the create page. */
export function ReviewPanel({ slug }: { slug?: string }) {
  const target = useEditedCaseStudy(slug);
  if (!target) return null;
  return <ReviewThread key={`${target.documentId}:${target.locale}`} target={target} />;
}
