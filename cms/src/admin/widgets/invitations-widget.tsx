// "Offene Einladungen" (Administration): who was invited and has not registered yet, each with
// "Einladung erneut senden" (the same registration link by mail again, src/notifications/invitations.ts).
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Widget, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useDashboardData } from './use-dashboard-data';

interface Invitations {
  total: number;
  items: { id: number; name: string; email: string; invitedAt: string }[];
}

export default function InvitationsWidget() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string | number>) => formatMessage({ id: `praxis.dashboard.invitations.${id}` }, values);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [sending, setSending] = useState<number>();
  const { data, failed } = useDashboardData<Invitations>('invitations', 60_000);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.dashboard.error' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  if (data.total === 0) return <Widget.NoData>{text('empty')}</Widget.NoData>;
  const resend = async (item: Invitations['items'][number]) => {
    setSending(item.id);
    try {
      await post(`/redaktion/invitations/${item.id}/resend`);
      toggleNotification({ type: 'success', message: text('sent', { email: item.email }) });
    } catch {
      toggleNotification({ type: 'danger', message: text('failed', { email: item.email }) });
    } finally {
      setSending(undefined);
    }
  };
  return (
    <Box tag="ul">
      {data.items.map((item) => (
        <Flex tag="li" key={item.id} justifyContent="space-between" alignItems="center" gap={2} paddingBottom={2}>
          <Box>
            <Typography fontWeight="semiBold" display="block">
              {item.name}
            </Typography>
            <Typography variant="pi" textColor="neutral600" display="block">
              {text('invited', { email: item.email, date: formatDate(item.invitedAt, { dateStyle: 'medium' }) })}
            </Typography>
          </Box>
          <Button size="S" variant="tertiary" loading={sending === item.id} onClick={() => resend(item)} aria-label={text('resendLabel', { name: item.name })}>
            {text('resend')}
          </Button>
        </Flex>
      ))}
    </Box>
  );
}
