// The site is a set of server-rendered pages; most ship without the Nuxt app (routeRules in
// nuxt.config.ts). On the few that have it (the forms, the preview) a link to another page
// loads that page as a whole too, so every page is the same whether reached by link or address
// (and the never-hydrated header's language link stays right).
export default defineNuxtPlugin((nuxtApp) => {
  useRouter().beforeEach((to, from) => {
    if (nuxtApp.isHydrating || to.path === from.path) return;
    window.location.assign(to.fullPath);
    return false;
  });
});
