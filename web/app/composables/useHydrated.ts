/** False during server rendering and hydration, true once the page runs in the browser with JavaScript. */
export function useHydrated(): Ref<boolean> {
  const hydrated = ref(false);
  onMounted(() => (hydrated.value = true));
  return hydrated;
}
