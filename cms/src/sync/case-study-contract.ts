// The case study as the index and the site read it (`caseStudyEntrySchema` in @praxis/search)
// held against the CMS schema as Strapi's generated types describe it (types/generated). Types
// only: `npm run lint` (tsc) fails when a field the readers use is renamed or removed in the
// schema, or when a scalar field's type no longer fits, and the error names the field.
import type { CaseStudyEntry, TaxonomyModels } from '@praxis/search';
import type { Schema, UID } from '@strapi/strapi';

type Item<T> = NonNullable<T> extends readonly (infer Element)[] ? Element : NonNullable<T>;
type Scalar = string | number | boolean | Date;

/** Field names the readers use that `Model` lacks (`documentId` is Strapi's own). */
type MissingFields<Read, Model extends UID.Schema> = Exclude<keyof Item<Read>, Schema.AttributeNames<Model> | 'documentId'>;

/** Scalar fields whose stored value the readers' type does not accept. */
type MismatchedScalars<Read, Model extends UID.Schema> = {
  [Field in keyof Item<Read> & Schema.AttributeNames<Model>]: Item<Item<Read>[Field]> extends Scalar
    ? NonNullable<Schema.AttributeValueByName<Model, Field>> extends NonNullable<Item<Read>[Field]>
      ? never
      : Field
    : never;
}[keyof Item<Read> & Schema.AttributeNames<Model>];

/** `true`, or the offending fields by name (which `Assert` then refuses, printing them). */
type Checked<Read, Model extends UID.Schema> = [MissingFields<Read, Model> | MismatchedScalars<Read, Model>] extends [never]
  ? true
  : { fieldsNotInSchema: MissingFields<Read, Model>; typeChanged: MismatchedScalars<Read, Model> };
type Assert<Result extends true> = Result;

/** `transfers` is no field of the case study: the CMS source adds the published transfer reports' Kommunen (sync/strapi-source.ts). */
type Entry = Omit<CaseStudyEntry, 'transfers'>;

/** Where each populated field of the case study is stored: its component or its relation's target (the vocabularies' from the catalogue). */
interface FieldModels extends TaxonomyModels {
  transferability: 'case-study.transferability';
  successFactors: 'case-study.list-item';
  pitfalls: 'case-study.list-item';
  partners: 'case-study.list-item';
  contact: 'case-study.contact';
  links: 'case-study.link';
  images: 'media.image';
  downloads: 'plugin::upload.file';
  localizations: 'api::case-study.case-study';
}

/** The populated fields whose content breaks their model (never when all fit). */
type BrokenFields = {
  [Field in keyof FieldModels]: Checked<Entry[Field], FieldModels[Field]> extends true ? never : Field;
}[keyof FieldModels];

export type CaseStudyContract = [
  Assert<Checked<Entry, 'api::case-study.case-study'>>,
  Assert<Checked<Item<Entry['images']>['file'], 'plugin::upload.file'>>,
  Assert<Checked<Item<CaseStudyEntry['transfers']>, 'api::municipality.municipality'>>,
  Assert<[BrokenFields] extends [never] ? true : { brokenFields: BrokenFields }>,
];
