// nuxt-security's options that are known only at run time: whether the site is served over
// https (upgrade-insecure-requests), the CMS origin whose preview panel may frame the
// preview routes.
const PREVIEW_ROUTES = ['/vorschau/**', '/en/preview/**'];

export default defineNitroPlugin((nitroApp) => {
  const { cmsPublicUrl, public: { siteUrl } } = useRuntimeConfig();
  nitroApp.hooks.hook('nuxt-security:routeRules', (rules) => {
    const globalHeaders = rules['/**']?.headers || {};
    const contentSecurityPolicy = {
      ...(globalHeaders.contentSecurityPolicy || {}),
      'upgrade-insecure-requests': siteUrl.startsWith('https://'),
    };
    rules['/**'] = { ...rules['/**'], headers: { ...globalHeaders, contentSecurityPolicy } };
    for (const route of PREVIEW_ROUTES) {
      rules[route] = {
        ...rules[route],
        headers: {
          ...(rules[route]?.headers || {}),
          contentSecurityPolicy: { ...contentSecurityPolicy, 'frame-ancestors': [new URL(cmsPublicUrl).origin] },
          xFrameOptions: false,
        },
      };
    }
  });
});
