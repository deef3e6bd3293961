// Nitro gives every request its own runtime config: a deep copy of the whole config with the
// NUXT_* environment applied again, key by key (case conversions for each of hundreds of keys).
// A search page is three requests with its internal API calls, and under load this was a fifth
// of the site's CPU (CPU profile, issue 17). The environment cannot change while the server runs,
// so every request uses the config applied once at start (deep-frozen by Nitro: nothing may write to it).
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig();
  nitroApp.hooks.hook('request', (event) => {
    event.context.nitro ??= { errors: [] };
    event.context.nitro.runtimeConfig ??= config;
  });
});
