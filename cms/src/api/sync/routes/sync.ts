// GET /api/sync/status — for operators with a full-access API token (the public
// role and the site's read-only token have no permission for the `status` action).
// GET /api/sync/backlog — public: only counts and times, for the site's health check.
export default {
  routes: [
    {
      method: 'GET',
      path: '/sync/status',
      handler: 'sync.status',
    },
    {
      method: 'GET',
      path: '/sync/backlog',
      handler: 'sync.backlog',
      config: { auth: false },
    },
  ],
};
