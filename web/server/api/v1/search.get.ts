// The versioned address of GET /api/search (docs/open-data.md); /api/search stays as it is.
export { default } from '../search.get';
