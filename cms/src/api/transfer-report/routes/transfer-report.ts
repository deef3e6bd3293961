// POST /api/transfer-reports — "Nachnutzung melden", sent on by the site's server after its own
// checks; POST /api/transfer-reports/confirm — the reporter's confirmation link, also through the
// site (src/requests/transfer-reports.ts); GET /api/transfer-reports/published?caseStudy=<documentId> —
// the published reports of a case study, for its page. Only the site's API token holds these permissions.
export default {
  routes: [
    { method: 'POST', path: '/transfer-reports', handler: 'transfer-report.report' },
    { method: 'POST', path: '/transfer-reports/confirm', handler: 'transfer-report.confirm' },
    { method: 'GET', path: '/transfer-reports/published', handler: 'transfer-report.published' },
  ],
};
