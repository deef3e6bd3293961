// One field's change in the comparison dialog, readable without colour: removed words struck
// through and added ones underlined (<del>/<ins>, each announced as "entfernt:"/"hinzugefügt:" to
// screen readers), relations and lists as the names removed and added, other values before and after.
import { Box, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { valueName } from '../translations';
import type { Change, TextPart } from './diff';
import { fieldLabel, formatDate, useTexts, type Language } from './edit-view';

/** Enumerations: their values are shown by name. */
const ENUMERATIONS = new Set(['projectStatus', 'editorialState', 'budgetRange']);

type Text = ReturnType<typeof useTexts>['text'];

function valueText(field: string, value: unknown, language: Language, text: Text): string {
  if (value === null || value === undefined || value === '') return text('emptyValue');
  if (typeof value === 'boolean') return text(value ? 'yes' : 'no');
  if (field === 'lastReviewed' && typeof value === 'string') return formatDate(value, language);
  if (typeof value === 'number')
    return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', { useGrouping: false, maximumFractionDigits: 2 }).format(value);
  if (ENUMERATIONS.has(field)) return valueName(value, language);
  return String(value);
}

function Removed({ children, text }: { children: string; text: Text }) {
  return (
    <Box tag="del" background="danger100" color="danger700" paddingLeft={1} paddingRight={1} hasRadius>
      <VisuallyHidden>{`${text('removed')} `}</VisuallyHidden>
      {children}
    </Box>
  );
}

function Added({ children, text }: { children: string; text: Text }) {
  return (
    <Box tag="ins" background="success100" color="success700" paddingLeft={1} paddingRight={1} hasRadius>
      {/* A space first: after removed words, "im Park" and "in der …" are not one word to a screen reader. */}
      <VisuallyHidden>{` ${text('added')} `}</VisuallyHidden>
      {children}
    </Box>
  );
}

function TextChange({ parts, text }: { parts: TextPart[]; text: Text }) {
  return (
    <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.8 }}>
      {parts.map((part, index) =>
        part.kind === 'removed' ? (
          <Removed key={index} text={text}>
            {part.text}
          </Removed>
        ) : part.kind === 'added' ? (
          <Added key={index} text={text}>
            {part.text}
          </Added>
        ) : part.kind === 'gap' ? (
          <Typography key={index} textColor="neutral500">
            {` ${text('omitted')} `}
          </Typography>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Typography>
  );
}

function ItemList({ items, kind, text }: { items: string[]; kind: 'removed' | 'added'; text: Text }) {
  if (items.length === 0) return null;
  // The list's own label says removed or added: the items need no hidden word of their own.
  return (
    <Box>
      <Typography variant="pi" fontWeight="bold" textColor="neutral700">
        {text(kind === 'removed' ? 'removedList' : 'addedList')}
      </Typography>
      <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
        {items.map((item, index) => (
          <li key={index}>
            <Typography style={{ overflowWrap: 'anywhere' }}>
              <Marked kind={kind} value={item} text={item || text('emptyValue')} />
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** A value before or after, struck through or underlined; an empty one is just "(leer)". */
function Marked({ kind, value, text }: { kind: 'removed' | 'added'; value: unknown; text: string }) {
  if (value === null || value === undefined || value === '') return <Typography textColor="neutral600">{text}</Typography>;
  return (
    <Box
      tag={kind === 'removed' ? 'del' : 'ins'}
      background={kind === 'removed' ? 'danger100' : 'success100'}
      color={kind === 'removed' ? 'danger700' : 'success700'}
      paddingLeft={1}
      paddingRight={1}
      hasRadius
    >
      {text}
    </Box>
  );
}

/** A change without its heading (a component's fields get theirs inside). */
function ChangeBody({ change, language, parent }: { change: Change; language: Language; parent?: string }) {
  const { text } = useTexts('praxis.history');
  switch (change.type) {
    case 'text':
      return <TextChange parts={change.parts} text={text} />;
    case 'value':
      return (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>
            {`${text('before')}: `}
            <Marked kind="removed" value={change.before} text={valueText(change.field, change.before, language, text)} />
          </Typography>
          <Typography>
            {`${text('after')}: `}
            <Marked kind="added" value={change.after} text={valueText(change.field, change.after, language, text)} />
          </Typography>
        </Flex>
      );
    case 'list':
      return (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <ItemList items={change.removed} kind="removed" text={text} />
          <ItemList items={change.added} kind="added" text={text} />
          {change.reordered ? <Typography>{text('reordered')}</Typography> : null}
        </Flex>
      );
    case 'group':
      return (
        <Flex direction="column" alignItems="stretch" gap={3} paddingLeft={3} style={{ borderLeft: '2px solid currentColor' }}>
          {change.changes.map((inner) => (
            <Box key={inner.field}>
              <Typography tag="h4" variant="pi" fontWeight="bold" textColor="neutral700">
                {fieldLabel(inner.field, language, parent ?? change.field)}
              </Typography>
              <ChangeBody change={inner} language={language} parent={parent ?? change.field} />
            </Box>
          ))}
        </Flex>
      );
  }
}

/** A changed field with its German (or English) label as a heading. */
export function ChangeView({ change }: { change: Change }) {
  const { language } = useTexts('praxis.history');
  return (
    <Box tag="section" paddingTop={3} paddingBottom={3}>
      <Typography tag="h3" variant="delta" textColor="neutral800">
        {fieldLabel(change.field, language)}
      </Typography>
      <Box paddingTop={2}>
        <ChangeBody change={change} language={language} />
      </Box>
    </Box>
  );
}
