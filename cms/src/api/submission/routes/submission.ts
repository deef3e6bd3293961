// POST /api/submissions — "Praxisbeispiel einreichen", sent on by the site's server after its own
// checks; POST /api/submissions/confirm — the submitter's confirmation link, also through the
// site (src/requests/submissions.ts). Only the site's API token holds these permissions.
export default {
  routes: [
    { method: 'POST', path: '/submissions', handler: 'submission.create' },
    { method: 'POST', path: '/submissions/confirm', handler: 'submission.confirm' },
  ],
};
