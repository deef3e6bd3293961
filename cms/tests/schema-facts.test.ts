// Facts the CMS schema must repeat (Strapi schemas are JSON) are held equal to their one definition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_RANGES, KREISFREIE_STADT, LOCALES, PROJECT_STATUSES } from '@praxis/search';
import { EDITORIAL_STATES } from '../src/editorial/states';

const schema = (type: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'api', type, 'content-types', type, 'schema.json'), 'utf8'));

describe('the content-type schemas', () => {
  it('offer exactly the project statuses of the domain', () => {
    expect(schema('case-study').attributes.projectStatus.enum).toEqual([...PROJECT_STATUSES]);
  });

  it('offer exactly the budget ranges of the domain', () => {
    const transferability = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'components', 'case-study', 'transferability.json'), 'utf8'));
    expect(transferability.attributes.budgetRange.enum).toEqual([...BUDGET_RANGES]);
  });

  it('offer exactly the editorial states of the review step', () => {
    expect(schema('case-study').attributes.editorialState.enum).toEqual([...EDITORIAL_STATES]);
  });

  it('offer exactly the site\'s languages for a set of search terms', () => {
    expect(schema('search-term').attributes.language.enum).toEqual([...LOCALES]);
  });

  it('know the municipality type of a kreisfreie Stadt', () => {
    expect(schema('municipality').attributes.type.enum).toContain(KREISFREIE_STADT);
  });
});
