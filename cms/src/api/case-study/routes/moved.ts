// GET /api/case-studies/moved/<old-slug>?locale=de — where a case study published under an
// earlier slug lives now: { data: { slug } } or { data: null }. Public: it reveals only the
// address of a published case study; the site answers the old address with a 301.
export default {
  routes: [
    {
      method: 'GET',
      path: '/case-studies/moved/:slug',
      handler: 'case-study.moved',
      config: { auth: false },
    },
  ],
};
