// On a draft that came through "Praxisbeispiel einreichen": who submitted it, with the consent
// word for word and the times, at the top of the edit view's side panel (injection zone
// `right-links`), to check with the provider before release. Nothing for other entries.
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocation, useParams } from 'react-router-dom';

interface Submitter {
  name: string;
  organisation: string | null;
  email: string;
  consentText: string;
  submittedAt: string;
  confirmedAt: string | null;
}

const CASE_STUDY = 'api::case-study.case-study';

export function SubmitterPanel() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string>) => formatMessage({ id: `praxis.extras.submitter.${id}` }, values);
  const { get } = useFetchClient();
  const { slug, id } = useParams<{ slug?: string; id?: string }>();
  const { pathname } = useLocation();
  const [submitter, setSubmitter] = useState<Submitter | null>(null);
  const documentId = slug === CASE_STUDY && id && id !== 'create' && pathname.includes(CASE_STUDY) ? id : undefined;
  useEffect(() => {
    setSubmitter(null);
    if (!documentId) return;
    get<{ data: Submitter | null }>(`/redaktion/case-studies/${documentId}/submission`)
      .then(({ data }) => setSubmitter(data.data))
      .catch(() => setSubmitter(null));
  }, [documentId, get]);
  if (!submitter) return null;
  const date = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : text('none'));
  return (
    <Box tag="section" aria-labelledby="praxis-submitter-heading" background="secondary100" hasRadius padding={3} borderColor="secondary200" width="100%">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography id="praxis-submitter-heading" tag="h2" variant="sigma" textColor="secondary700">
          {text('title')}
        </Typography>
        <Typography variant="pi">{text('hint')}</Typography>
        <Box tag="dl">
          {(
            [
              ['name', submitter.name],
              ['organisation', submitter.organisation ?? text('none')],
              ['email', submitter.email],
            ] as const
          ).map(([field, value]) => (
            // Label over value: the side panel is narrow, and an e-mail address must not run out of it.
            <Box key={field} paddingBottom={1} style={{ overflowWrap: 'anywhere' }}>
              <Typography tag="dt" variant="pi" fontWeight="bold">
                {text(field)}
              </Typography>
              <Typography tag="dd" variant="pi">
                {field === 'email' ? <a href={`mailto:${value}`}>{value}</a> : value}
              </Typography>
            </Box>
          ))}
        </Box>
        <Typography variant="pi" textColor="neutral600">
          {text('times', { submitted: date(submitter.submittedAt), confirmed: date(submitter.confirmedAt) })}
        </Typography>
        <details>
          <summary>
            <Typography variant="pi" fontWeight="bold">
              {text('consent')}
            </Typography>
          </summary>
          <Typography variant="pi" tag="p">
            {submitter.consentText}
          </Typography>
        </details>
      </Flex>
    </Box>
  );
}
