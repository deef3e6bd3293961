/** A named route's path per language, resolved once per process: the routes are fixed while it runs. */
const routePaths = new Map<string, string>();

/**
 * For the header's and footer's links, plain anchors: a NuxtLink resolved its route again on
 * every page (a fifteenth of a search page's rendering for the dozen links the two have).
 * `routePath` is a named route's path in the current language; `current` marks the link to the
 * page being shown, as a NuxtLink did.
 */
export function useSiteLinks() {
  const localePath = useLocalePath();
  const { locale } = useI18n();
  const route = useRoute();
  function routePath(name: string): string {
    const key = `${locale.value}:${name}`;
    let path = routePaths.get(key);
    if (path === undefined) routePaths.set(key, (path = localePath({ name })));
    return path;
  }
  const current = (path: string) => (route.path === path ? { 'aria-current': 'page' as const } : {});
  return { routePath, current };
}
