// "Benachrichtigungen": whether notices for the Chefredaktion (entries sent to review, new
// submissions) come at once or once a day (src/notifications on the server).
import { Flex, Radio, Typography } from '@strapi/design-system';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useDashboardData } from '../widgets/use-dashboard-data';

type Delivery = 'sofort' | 'taeglich';

export default function NotificationsWidget() {
  const { formatMessage } = useIntl();
  const text = (id: string) => formatMessage({ id: `praxis.extras.notifications.${id}` });
  const { put } = useFetchClient();
  const { data, failed, setData } = useDashboardData<{ data: { delivery: Delivery } }>('notification-settings', 600_000);
  const [saved, setSaved] = useState(false);
  if (failed && !data) return <Widget.Error>{formatMessage({ id: 'praxis.extras.loadError' })}</Widget.Error>;
  if (!data) return <Widget.Loading />;
  const choose = async (delivery: Delivery) => {
    setSaved(false);
    setData((await put<{ data: { delivery: Delivery } }>('/redaktion/notification-settings', { delivery })).data);
    setSaved(true);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Radio.Group aria-label={text('legend')} value={data.data.delivery} onValueChange={(value: string) => void choose(value as Delivery)}>
        <Typography variant="pi" fontWeight="bold" tag="p">
          {text('legend')}
        </Typography>
        <Radio.Item value="sofort">{text('sofort')}</Radio.Item>
        <Radio.Item value="taeglich">{text('taeglich')}</Radio.Item>
      </Radio.Group>
      <Typography variant="pi" textColor="neutral600">
        {text('author')}
      </Typography>
      <Typography variant="pi" textColor="success600" role="status">
        {saved ? text('saved') : ''}
      </Typography>
    </Flex>
  );
}
