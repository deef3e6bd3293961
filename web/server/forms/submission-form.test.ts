import { describe, expect, it } from 'vitest';
import { SUBMISSION_STEPS } from '../../shared/submission-form';
import type { Vocabulary } from '../../shared/vocabulary';
import { checkSubmission, firstStepWithErrors, readSubmission, stepErrors, townChoices, type FormValues } from './submission-form';

const vocabulary = {
  districts: [
    { ags: '05512000', name: 'Bottrop', region: 'Münster' },
    { ags: '05566000', name: 'Steinfurt', region: 'Münster' },
    { ags: '05970000', name: 'Siegen-Wittgenstein', region: 'Arnsberg' },
  ],
  towns: [
    { ags: '05512000', name: 'Bottrop', districtAgs: '05512000' },
    { ags: '05566004', name: 'Altenberge', districtAgs: '05566000' },
    { ags: '05566900', name: 'Neustadt', districtAgs: '05566000' },
    { ags: '05970900', name: 'Neustadt', districtAgs: '05970000' },
  ],
} as unknown as Vocabulary;
const towns = townChoices(vocabulary);

/** What the form posts for a complete submission (every step filled in). */
const complete: FormValues = {
  title: 'Lesepaten im Quartier',
  teaser: 'Ehrenamtliche lesen mit Kindern.',
  buildingBlock: 'baustein-1',
  status: 'laufend',
  fundingStart: '2024',
  fundingEnd: '',
  municipality: ['Bottrop', ''],
  targetGroups: ['kinder'],
  description: 'Jede Woche in der Kita.',
  staffFte: '1,5',
  partners: 'Stadtbibliothek\n\n Kita Nord ',
  linkLabel: ['Projektseite', ''],
  linkUrl: ['https://example.org/lesepaten', 'https://example.org/flyer.pdf'],
  submitterName: 'Erika Muster',
  submitterEmail: 'erika@example.org',
  consent: 'ja',
};
const check = (values: FormValues, locale: 'de' | 'en' = 'de') => checkSubmission(values, towns, locale);
const errorsOf = (values: FormValues, locale: 'de' | 'en' = 'de') => check(values, locale).errors;

describe('the municipalities to choose from', () => {
  it('are "Name (Kreis)" for a town in a Kreis and the name alone for a kreisfreie Stadt', () => {
    expect(towns.map((town) => town.label)).toEqual(['Bottrop', 'Altenberge (Steinfurt)', 'Neustadt (Steinfurt)', 'Neustadt (Siegen-Wittgenstein)']);
  });
});

describe('a submission from the form', () => {
  it('becomes a record of the import format with nothing to say when every step is filled in', () => {
    const { submission, errors } = check(complete);
    expect(errors).toEqual({});
    expect(submission).toMatchObject({
      locale: 'de',
      consent: true,
      submitter: { name: 'Erika Muster', email: 'erika@example.org' },
      project: {
        title: 'Lesepaten im Quartier',
        municipalities: ['05512000'],
        targetGroups: ['kinder'],
        topics: [],
        fundingStart: 2024,
        staffFte: 1.5,
        partners: ['Stadtbibliothek', 'Kita Nord'],
        links: [
          { label: 'Projektseite', url: 'https://example.org/lesepaten' },
          { label: 'https://example.org/flyer.pdf', url: 'https://example.org/flyer.pdf' },
        ],
      },
    });
    expect((submission as { project: object }).project).not.toHaveProperty('fundingEnd');
  });

  it('finds a municipality by its label or its name, in any case, and takes it once', () => {
    const { submission, errors } = check({ ...complete, municipality: ['altenberge (steinfurt)', 'ALTENBERGE', 'Neustadt (Siegen-Wittgenstein)'] });
    expect(errors).toEqual({});
    expect((submission as { project: { municipalities: string[] } }).project.municipalities).toEqual(['05566004', '05970900']);
  });

  it('says which municipality it does not know, which name is ambiguous, and that one is needed', () => {
    expect(errorsOf({ ...complete, municipality: 'Berlin' }).municipality).toBe(
      '„Berlin“ ist keine Kommune in Nordrhein-Westfalen. Bitte wählen Sie aus der Liste.',
    );
    expect(errorsOf({ ...complete, municipality: 'Neustadt' }).municipality).toBe(
      '„Neustadt“ gibt es mehrmals: Neustadt (Steinfurt), Neustadt (Siegen-Wittgenstein). Bitte wählen Sie eine davon.',
    );
    expect(errorsOf({ ...complete, municipality: [] }).municipality).toBe('Pflichtfeld: bitte ausfüllen.');
    expect(errorsOf({ ...complete, municipality: 'Berlin' }, 'en').municipality).toBe(
      '"Berlin" is not a municipality in North Rhine-Westphalia. Please choose from the list.',
    );
  });

  it("marks a missing required field as such, in the form's language", () => {
    const { title: _title, ...withoutTitle } = complete;
    expect(errorsOf(withoutTitle)).toMatchObject({ title: expect.any(String) });
    expect(errorsOf({ ...complete, buildingBlock: '' }).buildingBlock).toBe('Pflichtfeld: bitte ausfüllen.');
    expect(errorsOf({ ...complete, buildingBlock: '' }, 'en').buildingBlock).toBe('Required: please fill in.');
  });

  it('applies the rules for public text to the first steps while the later ones are still empty', () => {
    const firstStep = { title: '<b>Lesepaten</b>', teaser: 'Kurz\u0007', buildingBlock: 'baustein-1', status: 'laufend', fundingStart: '2024' };
    const errors = errorsOf(firstStep);
    expect(errors.title).toBe('Bitte ohne HTML.');
    expect(errors.teaser).toBe('Enthält unsichtbare Steuerzeichen.');
    expect(errors.submitterName).toBeDefined();
  });

  it('puts each message next to the form field it concerns', () => {
    const errors = errorsOf({
      ...complete,
      submitterEmail: 'keine-adresse',
      contactWebsite: 'verein.example',
      linkUrl: ['http://example.org'],
      linkLabel: ['Zeile\neins'],
      budgetRange: 'unbezahlbar',
      contactOrganisation: 'Verein\ne. V.',
    });
    expect(Object.keys(errors).sort()).toEqual(['budgetRange', 'contactOrganisation', 'contactWebsite', 'linkLabel', 'linkUrl', 'submitterEmail']);
    expect(errors.linkLabel).toBe('Bitte in einer Zeile, ohne Zeilenumbruch.');
  });

  it("shows the first message of a field only, the rule for public text before the schema's", () => {
    expect(errorsOf({ ...complete, title: `<b>${'x'.repeat(500)}` }).title).toBe('Bitte ohne HTML.');
  });

  it('refuses more than ten links over all texts, on the description', () => {
    const links = Array.from({ length: 11 }, (_, index) => `www.example.org/${index}`).join(' ');
    expect(errorsOf({ ...complete, linkLabel: ['Projektseite', 'Flyer'], goals: links.split(' ').slice(0, 10).join(' ') })).toEqual({});
    expect(errorsOf({ ...complete, linkLabel: ['Projektseite', 'Flyer'], goals: links }).description).toMatch(
      /^Bitte höchstens 10 Links in allen Texten zusammen \(es sind 11\)/,
    );
  });

  it('takes the consent only as the checkbox\'s "ja"', () => {
    expect(readSubmission({ ...complete, consent: 'ja' }, towns, 'de').submission.consent).toBe(true);
    expect(readSubmission({ ...complete, consent: 'on' }, towns, 'de').submission.consent).toBe(false);
    expect(errorsOf({ ...complete, consent: '' }).consent).toBe('Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.');
  });
});

describe('the steps of the form', () => {
  it('show only the messages of their own fields', () => {
    const errors = { title: 'a', municipality: 'b', submitterEmail: 'c' };
    expect(stepErrors(errors, SUBMISSION_STEPS[0]!)).toEqual({ title: 'a' });
    expect(stepErrors(errors, SUBMISSION_STEPS[1]!)).toEqual({ municipality: 'b' });
  });

  it('lead back to the first step that has a message, or to none', () => {
    expect(firstStepWithErrors({ submitterEmail: 'c', municipality: 'b' })).toBe(1);
    expect(firstStepWithErrors({ submitterEmail: 'c' })).toBe(SUBMISSION_STEPS.findIndex((step) => step.id === 'kontakt'));
    expect(firstStepWithErrors({})).toBeUndefined();
  });
});
