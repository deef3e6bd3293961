// Facts the CMS schema must repeat (Strapi schemas are JSON) are held equal to their one definition:
// the domain's lists and the catalogue of the case study.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGET_RANGES,
  CASE_STUDY_FIELDS,
  cmsPathOf,
  FUNDING_YEAR_MAX,
  FUNDING_YEAR_MIN,
  KREISFREIE_STADT,
  LINK_LIMITS,
  LIST_ITEM_MAX,
  LOCALES,
  PHONE_PATTERN,
  PROJECT_STATUSES,
  EVENT_FORMATS,
  EVENT_UID,
  TAXONOMIES,
  type CaseStudyField,
  type FieldKind,
} from '@praxis/search';
import { EDITORIAL_STATES } from '../src/editorial/states';
import { unorderedColumns } from '../src/import/columns';

const schema = (type: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'api', type, 'content-types', type, 'schema.json'), 'utf8'));

describe('the content-type schemas', () => {
  it('offer exactly the project statuses of the domain', () => {
    expect(schema('case-study').attributes.projectStatus.enum).toEqual([...PROJECT_STATUSES]);
  });

  it('offer exactly the event formats of the domain, under the events uid', () => {
    expect(schema('event').attributes.format.enum).toEqual([...EVENT_FORMATS]);
    expect(`api::${schema('event').info.singularName}.${schema('event').info.singularName}`).toBe(EVENT_UID);
  });

  it('offer exactly the budget ranges of the domain', () => {
    const transferability = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'components', 'case-study', 'transferability.json'), 'utf8'));
    expect(transferability.attributes.budgetRange.enum).toEqual([...BUDGET_RANGES]);
  });

  it('offer exactly the editorial states of the review step', () => {
    expect(schema('case-study').attributes.editorialState.enum).toEqual([...EDITORIAL_STATES]);
  });

  it("offer exactly the site's languages for a set of search terms", () => {
    expect(schema('search-term').attributes.language.enum).toEqual([...LOCALES]);
  });

  it('know the municipality type of a kreisfreie Stadt', () => {
    expect(schema('municipality').attributes.type.enum).toContain(KREISFREIE_STADT);
  });
});

// The catalogue (@praxis/search, catalogue/) is the one description of the case study; the CMS's
// schemas must say the same about every field and vocabulary.
const component = (uid: string) => {
  const [category, name] = uid.split('.') as [string, string];
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'components', category, `${name}.json`), 'utf8'));
};
const caseStudy = schema('case-study');
/** The schema attribute behind a catalogue field (`transferability.staffFte` is a component's). */
const attributeOf = (path: string) => {
  const [head, child] = path.split('.', 2) as [string, string | undefined];
  return child ? component(caseStudy.attributes[head].component).attributes[child] : caseStudy.attributes[head];
};
/** How Strapi stores each kind of field. */
const STORED_AS: Record<FieldKind, Record<string, unknown>> = {
  line: { type: 'string' },
  text: { type: 'text' },
  markdown: { type: 'richtext' },
  slug: { type: 'uid' },
  year: { type: 'customField', customField: 'global::year' },
  decimal: { type: 'decimal' },
  integer: { type: 'integer' },
  date: { type: 'date' },
  boolean: { type: 'boolean' },
  enumeration: { type: 'enumeration' },
  email: { type: 'email' },
  phone: { type: 'string' },
  url: { type: 'string' },
  lines: { type: 'component', component: 'case-study.list-item', repeatable: true },
  links: { type: 'component', component: 'case-study.link', repeatable: true },
  relation: { type: 'relation', relation: 'manyToOne' },
  relations: { type: 'relation', relation: 'manyToMany' },
  component: { type: 'component', repeatable: false },
  images: { type: 'component', component: 'media.image', repeatable: true },
  files: { type: 'media', multiple: true },
};
const stored = (CASE_STUDY_FIELDS as readonly CaseStudyField[]).filter((field) => cmsPathOf(field) !== null);
/** Attributes only the CMS's machinery uses: no editor fills them, no reader shows them. */
const MACHINERY = ['previousSlugs', 'importChecksum'];

describe("the case study's schema and the catalogue", () => {
  it.each(stored.map((field) => [cmsPathOf(field)!, field] as const))('store %s as the catalogue describes it', (path, field) => {
    const attribute = attributeOf(path);
    expect(attribute, path).toBeDefined();
    expect(attribute).toMatchObject(STORED_AS[field.kind]);
    if (field.kind === 'year') expect([attribute.min, attribute.max]).toEqual([FUNDING_YEAR_MIN, FUNDING_YEAR_MAX]);
    else if (['decimal', 'integer'].includes(field.kind)) expect([attribute.min, attribute.max]).toEqual([field.min, field.max]);
    else if (['line', 'text', 'phone', 'url'].includes(field.kind)) expect(attribute.maxLength, path).toBe(field.max);
    // A list of relations cannot be required in Strapi; the field rules require a Kommune to publish.
    if (!path.includes('.') && field.kind !== 'relations')
      expect(Boolean(attribute.required), `${path} required`).toBe(Boolean(field.required) || field.kind === 'slug');
  });

  it('describe every attribute of the case study in the catalogue', () => {
    const described = new Set(stored.map((field) => cmsPathOf(field)!.split('.')[0]));
    expect(Object.keys(caseStudy.attributes).filter((name) => !described.has(name) && !MACHINERY.includes(name))).toEqual([]);
  });

  it("point each vocabulary relation at the catalogue's content type, which holds the catalogue's key and picker field", () => {
    for (const taxonomy of TAXONOMIES) {
      expect(caseStudy.attributes[taxonomy.field].target, taxonomy.field).toBe(taxonomy.uid);
      const target = schema(taxonomy.uid.split('.')[1]!);
      expect(target.attributes[taxonomy.key], `${taxonomy.uid} ${taxonomy.key}`).toBeDefined();
      expect(target.attributes[taxonomy.pickerField], `${taxonomy.uid} ${taxonomy.pickerField}`).toBeDefined();
    }
  });

  it('check a telephone number, a link and a list item as the catalogue does', () => {
    expect(component('case-study.contact').attributes.phone.regex).toBe(PHONE_PATTERN.source);
    expect(component('case-study.link').attributes.label.maxLength).toBe(LINK_LIMITS.label);
    expect(component('case-study.link').attributes.url.maxLength).toBe(LINK_LIMITS.url);
    expect(component('case-study.list-item').attributes.text.maxLength).toBe(LIST_ITEM_MAX);
  });

  it("give every import column its place in the file's column order", () => {
    expect(unorderedColumns()).toEqual([]);
  });
});
