// The catalogue of the case study: its fields, vocabularies and value patterns, each fact once.
// Light on purpose (no dependencies): the admin's and the site's browser code import
// `@praxis/search/catalogue`.
export * from './fields.ts';
export * from './patterns.ts';
export * from './taxonomies.ts';
