// "Papierkorb": deleted case studies for 30 days (src/trash on the server); Chefredaktion and
// Administration take one back as a draft.
import { Alert, Box, Button, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { TrashItem } from '../../trash/trash-table';
import { useLanguageName } from '../widgets/case-study-item';
import { editPath } from '../widgets/use-dashboard-data';

/** The server's German (or English) message of a refused request. */
const messageOf = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? (error as Error).message;

export default function TrashPage() {
  const { formatMessage, formatDate } = useIntl();
  const text = (id: string, values?: Record<string, string>) => formatMessage({ id: `praxis.extras.${id}` }, values);
  const { get, post } = useFetchClient();
  const languageName = useLanguageName();
  const [items, setItems] = useState<TrashItem[]>();
  const [mayRestore, setMayRestore] = useState(false);
  const [notice, setNotice] = useState<{ variant: 'success' | 'danger'; id: string; values: Record<string, string>; link?: string }>();
  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: TrashItem[]; mayRestore: boolean }>('/redaktion/trash');
      setItems(data.data);
      setMayRestore(data.mayRestore);
    } catch (error) {
      setNotice({ variant: 'danger', id: 'error', values: { message: messageOf(error) } });
    }
  }, [get]);
  useEffect(() => void load(), [load]);

  const restore = async (item: TrashItem) => {
    try {
      await post(`/redaktion/trash/${item.id}/restore`);
      // The list first, then the message: what the message says is what the list shows.
      await load();
      setNotice({ variant: 'success', id: 'trash.restored', values: { title: item.title }, link: editPath(item.documentId, item.locale) });
    } catch (error) {
      setNotice({ variant: 'danger', id: 'error', values: { message: messageOf(error) } });
    }
  };
  const date = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Page.Main>
      <Page.Title>{text('trash.title')}</Page.Title>
      <Layouts.Header title={text('trash.title')} subtitle={text('trash.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {notice && (
            <Alert variant={notice.variant} closeLabel="OK" onClose={() => setNotice(undefined)} role={notice.variant === 'danger' ? 'alert' : 'status'}>
              {text(notice.id, notice.values)} {notice.link && <Link to={notice.link}>{text('trash.open')}</Link>}
            </Alert>
          )}
          {!mayRestore && items && items.length > 0 && <Typography textColor="neutral600">{text('trash.onlyChefredaktion')}</Typography>}
          {items === undefined ? null : items.length === 0 ? (
            <Typography>{text('trash.empty')}</Typography>
          ) : (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
              <Box tag="table" width="100%">
                <caption>
                  <VisuallyHidden>{text('trash.caption')}</VisuallyHidden>
                </caption>
                <thead>
                  <tr>
                    {['title', 'language', 'deleted', 'purge', ...(mayRestore ? ['action'] : [])].map((column) => (
                      <Typography key={column} tag="th" variant="sigma" textAlign="left" padding={2}>
                        {text(`trash.column.${column}`)}
                      </Typography>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <Typography tag="td" padding={2} fontWeight="semiBold">
                        {item.title}
                        {item.wasPublished && (
                          <Typography variant="pi" textColor="neutral600" display="block">
                            {text('trash.wasPublished')}
                          </Typography>
                        )}
                      </Typography>
                      <Typography tag="td" padding={2}>
                        {languageName(item.locale)}
                      </Typography>
                      <Typography tag="td" padding={2}>
                        {text('trash.deletedBy', { date: date(item.deletedAt), name: item.deletedBy })}
                      </Typography>
                      <Typography tag="td" padding={2}>
                        {formatDate(item.purgeAt, { dateStyle: 'medium' })}
                      </Typography>
                      {mayRestore && (
                        <td>
                          <Button size="S" variant="secondary" onClick={() => restore(item)} aria-label={text('trash.restoreLabel', { title: item.title })}>
                            {text('trash.restore')}
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Box>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
