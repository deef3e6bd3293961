// "Import & Export": editors bring case studies in from Excel, CSV or JSON and take them out
// again, in the same format (src/dashboard/import-export.ts on the server). An import is always
// checked first; nothing is written until the editor confirms.
import { Alert, Box, Button, Checkbox, Field, Flex, ProgressBar, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { download, errorMessage } from './download';

interface Issue {
  record: number;
  line?: number;
  field: string;
  reason: string;
}
interface Report {
  total: number;
  issues: Issue[];
  warnings: string[];
  created: number;
  updated: number;
  unchanged: number;
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
          {['record', 'line', 'field', 'reason'].map((column) => (
            <Typography key={column} tag="th" variant="sigma" textAlign="left" padding={2}>
              {text(column)}
            </Typography>
          ))}
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => (
          <tr key={index}>
            <Typography tag="td">{issue.record}</Typography>
            <Typography tag="td">{issue.line ?? '–'}</Typography>
            <Typography tag="td">
              <code>{issue.field}</code>
            </Typography>
            <Typography tag="td">{issue.reason}</Typography>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

function Summary({ report, checked }: { report: Report; checked: boolean }) {
  const { formatMessage } = useIntl();
  const invalid = new Set(report.issues.map((issue) => issue.record)).size;
  return (
    <Typography tag="p" role="status">
      {formatMessage(
        { id: checked ? 'praxis.importExport.summary.check' : 'praxis.importExport.summary.done' },
        {
          total: report.total,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          invalid,
        },
      )}
    </Typography>
  );
}

export default function ImportExportPage() {
  const { formatMessage } = useIntl();
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
  const validRecords = check ? check.total - new Set(check.issues.map((issue) => issue.record)).size : 0;

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
              {job && (
                <Box>
                  <Typography id="praxis-import-progress" tag="p">
                    {running
                      ? text('import.running', { file: job.fileName, done: job.done, total: job.total })
                      : text('import.finished', { file: job.fileName })}
                  </Typography>
                  {running && <ProgressBar aria-labelledby="praxis-import-progress" value={job.total ? Math.round((100 * job.done) / job.total) : 0} />}
                  {job.report && <Summary report={job.report} checked={false} />}
                  {job.error && (
                    <Typography textColor="danger600" role="alert">
                      {job.error}
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
                <Button onClick={() => download(get, '/redaktion/export.xlsx', 'praxisbeispiele.xlsx').catch((error) => setProblem(errorMessage(error)))}>
                  {text('export.xlsx')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => download(get, '/redaktion/export.csv?locale=de', 'praxisbeispiele-de.csv').catch((error) => setProblem(errorMessage(error)))}
                >
                  {text('export.csvDe')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => download(get, '/redaktion/export.csv?locale=en', 'praxisbeispiele-en.csv').catch((error) => setProblem(errorMessage(error)))}
                >
                  {text('export.csvEn')}
                </Button>
                <Button
                  variant="tertiary"
                  onClick={() =>
                    download(get, '/redaktion/import-template.xlsx', 'praxisbeispiele-vorlage.xlsx').catch((error) => setProblem(errorMessage(error)))
                  }
                >
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
