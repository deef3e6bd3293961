// The versioned address of GET /api/statistics; /api/statistics stays as it is.
export { default } from '../statistics.get';
