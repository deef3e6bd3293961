// GET /api/sync/status — for operators with a full-access API token (the public
// role and the site's read-only token have no permission for the `status` action).
export default {
  routes: [
    {
      method: 'GET',
      path: '/sync/status',
      handler: 'sync.status',
    },
  ],
};
