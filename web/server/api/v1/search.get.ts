// The versioned address of GET /api/search (README "Open data and API"); /api/search stays as it is.
export { default } from '../search.get';
