// "Import & Export": editors bring case studies in from Excel, CSV or JSON and take them out
// again, in the same format (src/dashboard/import-export.ts on the server). An import is always
// checked first; nothing is written until the editor confirms.
import { Alert, Box, Button, Checkbox, Field, Flex, ProgressBar, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { download, errorMessage, localDate } from './download';

/** A problem as the server words it (src/import/validate.ts): row, German label, value and rule. */
interface Issue {
  /** Absent for a problem of the whole file (a missing column). */
  record?: number;
  line?: number;
  field: string;
  label: string;
  item?: number;
  reason: string;
  message: string;
}
interface Entry {
  title: string;
  slug: string;
}
interface Report {
  total: number;
  issues: Issue[];
  warnings: string[];
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  createdEntries: Entry[];
  updatedEntries: Entry[];
  organisationsCreated: string[];
  written: boolean;
}
interface Job {
  fileName: string;
  locale: string;
  startedAt: string;
  done: number;
  total: number;
  finishedAt: string | null;
  report: Report | null;
  error: string | null;
}

function IssueTable({ issues }: { issues: Issue[] }) {
  const { formatMessage } = useIntl();
  const text = (id: string) => formatMessage({ id: `praxis.importExport.issues.${id}` });
  return (
    <Box tag="table" width="100%" aria-label={text('caption')}>
      <thead>
        <tr>
          {['line', 'field', 'reason'].map((column) => (
            <Typography key={column} tag="th" variant="sigma" textAlign="left" padding={2}>
              {text(column)}
            </Typography>
          ))}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => (
          <tr key={index}>
            <Typography tag="td" padding={2}>
              {issue.record === undefined
                ? text('wholeFile')
                : issue.line !== undefined
                  ? formatMessage({ id: 'praxis.importExport.issues.row' }, { line: issue.line })
                  : formatMessage({ id: 'praxis.importExport.issues.record' }, { record: issue.record })}
            </Typography>
            <Typography tag="td" padding={2}>
              {issue.item ? formatMessage({ id: 'praxis.importExport.issues.item' }, { label: issue.label, item: issue.item }) : issue.label}
            </Typography>
            <Typography tag="td" padding={2}>
              {issue.reason}
            </Typography>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

/** Titles shown of the entries created or changed; the rest are counted. */
const SHOWN_ENTRIES = 30;

/** "Neu: „A“, „B“" — which case studies, by title. */
function EntryList({ id, entries }: { id: 'created' | 'updated'; entries: Entry[] }) {
  const { formatMessage } = useIntl();
  if (entries.length === 0) return null;
  const shown = entries.slice(0, SHOWN_ENTRIES);
  return (
    <Box>
      <Typography variant="sigma" tag="h3">
        {formatMessage({ id: `praxis.importExport.entries.${id}` }, { count: entries.length })}
      </Typography>
      <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
        {shown.map((entry) => (
          <Typography key={entry.slug} tag="li">
            {entry.title}
          </Typography>
        ))}
        {entries.length > shown.length && (
          <Typography tag="li" textColor="neutral600">
            {formatMessage({ id: 'praxis.importExport.entries.more' }, { count: entries.length - shown.length })}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function Summary({ report, checked }: { report: Report; checked: boolean }) {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography tag="p" role="status">
        {formatMessage(
          { id: checked ? 'praxis.importExport.summary.check' : 'praxis.importExport.summary.done' },
          {
            total: report.total,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            invalid: report.invalid,
          },
        )}
      </Typography>
      <EntryList id="created" entries={report.createdEntries ?? []} />
      <EntryList id="updated" entries={report.updatedEntries ?? []} />
    </Flex>
  );
}

export default function ImportExportPage() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.importExport.${id}` }, values);
  const { get, post } = useFetchClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [locale, setLocale] = useState('de');
  const [publish, setPublish] = useState(false);
  const [mayPublish, setMayPublish] = useState(false);
  const [check, setCheck] = useState<Report>();
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  // A finished import's result stays until the editor turns to another file or check (its startedAt).
  const [dismissedJob, setDismissedJob] = useState<string>();
  const dismissJob = () => setDismissedJob(job?.finishedAt ? job.startedAt : undefined);

  // The running import's progress, until it ends.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const { data } = await get<{ job: Job | null; mayPublish: boolean }>('/redaktion/import');
      setJob(data.job);
      setMayPublish(data.mayPublish);
      if (data.job && !data.job.finishedAt) timer = setTimeout(() => void poll(), 500);
    };
    if (!job || !job.finishedAt) void poll().catch((error) => setProblem(errorMessage(error)));
    return () => clearTimeout(timer);
  }, [get, job?.startedAt, job?.finishedAt]);

  const form = (mode: 'check' | 'import', validOnly = false) => {
    const body = new FormData();
    body.append('file', file!);
    body.append('locale', locale);
    body.append('mode', mode);
    body.append('validOnly', String(validOnly));
    body.append('publish', String(publish));
    return body;
  };
  const runCheck = async () => {
    setProblem(undefined);
    setCheck(undefined);
    dismissJob();
    setBusy(true);
    try {
      setCheck((await post<{ report: Report }>('/redaktion/import', form('check'))).data.report);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const runImport = async (validOnly: boolean) => {
    setProblem(undefined);
    try {
      setJob((await post<{ job: Job }>('/redaktion/import', form('import', validOnly))).data.job);
      setCheck(undefined);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const running = job !== null && !job.finishedAt;
  const validRecords = check ? check.total - check.invalid : 0;
  const shownJob = job && job.startedAt !== dismissedJob ? job : null;
  const exportFile = (path: string, fallbackName: string) => () => download(get, path, fallbackName).catch((error) => setProblem(errorMessage(error)));

  return (
    <Page.Main>
      <Page.Title>{text('title')}</Page.Title>
      <Layouts.Header title={text('title')} subtitle={text('subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {text('import.heading')}
              </Typography>
              <Typography>{text('import.intro')}</Typography>
              <Flex gap={4} alignItems="flex-end" wrap="wrap">
                <Field.Root name="file" hint={text('import.fileHint')}>
                  <Field.Label>{text('import.file')}</Field.Label>
                  {/* The browser's own file button speaks the browser's language; this one speaks the admin's. */}
                  <input
                    ref={fileInput}
                    id="praxis-import-file"
                    type="file"
                    accept=".xlsx,.csv,.json"
                    tabIndex={-1}
                    aria-hidden
                    style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
                    onChange={(event) => {
                      setFile(event.target.files?.[0]);
                      setCheck(undefined);
                      dismissJob();
                    }}
                  />
                  <Flex gap={2} alignItems="center">
                    <Button variant="secondary" onClick={() => fileInput.current?.click()}>
                      {text('import.choose')}
                    </Button>
                    <Typography aria-live="polite">{file?.name ?? text('import.noFile')}</Typography>
                  </Flex>
                  <Field.Hint />
                </Field.Root>
                <Field.Root name="locale">
                  <Field.Label>{text('import.language')}</Field.Label>
                  <SingleSelect
                    value={locale}
                    onChange={(value: string | number) => {
                      setLocale(String(value));
                      setCheck(undefined);
                    }}
                  >
                    <SingleSelectOption value="de">{text('language.de')}</SingleSelectOption>
                    <SingleSelectOption value="en">{text('language.en')}</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
                {mayPublish && (
                  <Checkbox checked={publish} onCheckedChange={(checked: boolean | 'indeterminate') => setPublish(checked === true)}>
                    {text('import.publish')}
                  </Checkbox>
                )}
                <Button onClick={runCheck} disabled={!file || busy || running} loading={busy}>
                  {text('import.check')}
                </Button>
              </Flex>
              {!mayPublish && (
                <Typography variant="pi" textColor="neutral600">
                  {text('import.forReview')}
                </Typography>
              )}
              {problem && (
                <Alert variant="danger" title={text('problem')} closeLabel={text('close')} onClose={() => setProblem(undefined)}>
                  {problem}
                </Alert>
              )}
              {check && (
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Summary report={check} checked />
                  {check.issues.length > 0 && (
                    <>
                      <Typography variant="omega" textColor="danger600" role="alert">
                        {text('import.invalid', { count: check.issues.length })}
                      </Typography>
                      <IssueTable issues={check.issues} />
                    </>
                  )}
                  {check.warnings.map((warning) => (
                    <Typography key={warning} variant="pi">
                      {warning}
                    </Typography>
                  ))}
                  <Flex gap={2}>
                    {check.issues.length === 0 ? (
                      <Button onClick={() => runImport(false)} disabled={running}>
                        {text('import.run')}
                      </Button>
                    ) : (
                      validRecords > 0 && (
                        <Button variant="secondary" onClick={() => runImport(true)} disabled={running}>
                          {text('import.validOnly', { count: validRecords })}
                        </Button>
                      )
                    )}
                  </Flex>
                </Flex>
              )}
              {shownJob && (
                <Box>
                  <Typography id="praxis-import-progress" tag="p">
                    {running
                      ? text('import.running', { file: shownJob.fileName, done: shownJob.done, total: shownJob.total })
                      : text('import.finished', {
                          file: shownJob.fileName,
                          time: formatDate(shownJob.finishedAt!, { dateStyle: 'medium', timeStyle: 'short' }),
                        })}
                  </Typography>
                  {running && (
                    <ProgressBar aria-labelledby="praxis-import-progress" value={shownJob.total ? Math.round((100 * shownJob.done) / shownJob.total) : 0} />
                  )}
                  {shownJob.report && <Summary report={shownJob.report} checked={false} />}
                  {shownJob.error && (
                    <Typography textColor="danger600" role="alert">
                      {shownJob.error}
                    </Typography>
                  )}
                </Box>
              )}
            </Flex>
          </Box>

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography variant="delta" tag="h2">
                {text('export.heading')}
              </Typography>
              <Typography>{text('export.intro')}</Typography>
              <Flex gap={2} wrap="wrap">
                {/* The server names each file, with the date: praxisbeispiele-2026-12-07.xlsx. */}
                <Button onClick={exportFile('/redaktion/export.xlsx', `praxisbeispiele-${localDate()}.xlsx`)}>{text('export.xlsx')}</Button>
                <Button variant="secondary" onClick={exportFile('/redaktion/export.csv?locale=de', `praxisbeispiele-de-${localDate()}.csv`)}>
                  {text('export.csvDe')}
                </Button>
                <Button variant="secondary" onClick={exportFile('/redaktion/export.csv?locale=en', `praxisbeispiele-en-${localDate()}.csv`)}>
                  {text('export.csvEn')}
                </Button>
                <Button variant="tertiary" onClick={exportFile('/redaktion/import-template.xlsx', 'praxisbeispiele-vorlage.xlsx')}>
                  {text('export.template')}
                </Button>
              </Flex>
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
