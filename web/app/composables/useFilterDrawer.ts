/**
 * The phone's filter drawer: opening moves the focus to its heading; Escape or a close
 * button closes it and gives the focus back to the toggle that opened it.
 */
export function useFilterDrawer() {
  const open = ref(false);
  const toggle = ref<HTMLButtonElement>();
  const heading = ref<HTMLHeadingElement>();
  async function openDrawer() {
    open.value = true;
    await nextTick();
    heading.value?.focus();
  }
  function closeDrawer() {
    open.value = false;
    toggle.value?.focus();
  }
  return { open, toggle, heading, openDrawer, closeDrawer };
}
