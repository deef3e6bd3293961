// POST /api/search-statistics — the site's counts of what practitioners searched for
// (src/dashboard/search-log.ts). Only the site's API token holds the `record` permission.
export default {
  routes: [
    {
      method: 'POST',
      path: '/search-statistics',
      handler: 'search-statistic.record',
    },
  ],
};
