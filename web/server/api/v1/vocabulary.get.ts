// The versioned address of GET /api/vocabulary; /api/vocabulary stays as it is.
export { default } from '../vocabulary.get';
