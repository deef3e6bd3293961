import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

/** GET `/redaktion/<path>` (the dashboard's admin API), again every `refreshMs` while the widget is shown. */
export function useDashboardData<T>(path: string, refreshMs = 10_000) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T>();
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      setData((await get<T>(`/redaktion/${path}`)).data);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, path]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [load, refreshMs]);
  return { data, failed, reload: load, setData };
}

/** "vor 3 Minuten" / "3 minutes ago" in the admin's language, or `never` for no time. */
export function relativeTime(iso: string | null | undefined, locale: string, never: string): string {
  if (!iso) return never;
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** The admin's edit view of a case study in one language. */
export const editPath = (documentId: string, locale: string) =>
  `/content-manager/collection-types/api::case-study.case-study/${documentId}?plugins[i18n][locale]=${locale}`;
