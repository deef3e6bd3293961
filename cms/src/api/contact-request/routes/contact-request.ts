// POST /api/contact-requests — "Kontakt aufnehmen" on a detail page, sent on by the site's server
// after its own checks (src/requests/contact-requests.ts). Only the site's API token holds the
// `create` permission; the public role has none.
export default {
  routes: [
    {
      method: 'POST',
      path: '/contact-requests',
      handler: 'contact-request.create',
    },
    // The button of the unsubscribe link in the receipt and the follow-up (src/requests/follow-up.ts).
    { method: 'POST', path: '/contact-requests/unsubscribe', handler: 'contact-request.unsubscribe' },
  ],
};
