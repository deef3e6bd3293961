// "Auswahl exportieren" in the case-study list: the list's current filter as an Excel file in the
// import format (both languages of the case studies the filter shows).
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { download, errorMessage, localDate } from './download';

const CASE_STUDY_LIST = /\/collection-types\/api::case-study\.case-study\/?$/;

export function ExportListButton() {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { pathname, search } = useLocation();
  const [busy, setBusy] = useState(false);
  if (!CASE_STUDY_LIST.test(pathname)) return null;
  const list = new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const [name, value] of list) if (name.startsWith('filters')) query.append(name, value);
  const filtered = [...query.keys()].length > 0;
  query.set('listLocale', list.get('plugins[i18n][locale]') ?? 'de');
  const exportSelection = async () => {
    setBusy(true);
    try {
      // The server names the file with the date (praxisbeispiele-2026-12-07.xlsx); a selection says so.
      await download(get, `/redaktion/export.xlsx?${filtered ? query : ''}`, `praxisbeispiele-${localDate()}.xlsx`, (name) =>
        filtered ? name.replace(/^praxisbeispiele-/, 'praxisbeispiele-auswahl-') : name,
      );
    } catch (error) {
      window.alert(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="tertiary" startIcon={<Download />} onClick={exportSelection} loading={busy}>
      {formatMessage({ id: filtered ? 'praxis.importExport.list.exportFiltered' : 'praxis.importExport.list.exportAll' })}
    </Button>
  );
}
