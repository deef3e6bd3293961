// `strapi develop` regenerates types/generated/ whenever a schema changes; the output is committed.
export default () => ({
  autogenerate: true,
});
