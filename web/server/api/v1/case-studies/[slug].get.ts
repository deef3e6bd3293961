// The versioned address of GET /api/case-studies/<slug>; the unversioned one stays as it is.
export { default } from '../../case-studies/[slug].get';
