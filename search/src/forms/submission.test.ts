import { describe, expect, it } from 'vitest';
import { MAX_SUBMISSION_LINKS, submissionSchema, submissionTextIssues } from './submission.ts';

const project = {
  title: 'Lesepaten im Quartier',
  teaser: 'Ehrenamtliche lesen mit Kindern.',
  description: 'Jede Woche in der Kita.',
  buildingBlock: 'baustein-1',
  municipalities: ['05513000'],
  status: 'laufend',
  fundingStart: 2024,
};
const submitter = { name: 'Erika Muster', email: 'erika@example.org' };
const submission = { locale: 'de', project, submitter, consent: true };
const issuesOf = (value: { project?: unknown; submitter?: unknown }) => submissionTextIssues(value).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
const withProject = (more: Record<string, unknown>) => ({ project: { ...project, ...more }, submitter });

describe('the rules for text from the public in a submission', () => {
  it('find nothing in ordinary text, line breaks in the long fields and a lone "<" included', () => {
    expect(issuesOf(withProject({ description: 'Für Kinder < 6 Jahren.\nZweiter Absatz.', approach: 'a<3 und 3>2' }))).toEqual([]);
  });

  it('refuse HTML anywhere: tags, closing tags, comments and processing instructions', () => {
    for (const text of ['<b>fett</b>', 'Ende</p>', 'x <!-- y -->', '<?xml', '<IMG src=x>']) {
      expect(issuesOf(withProject({ goals: text }))).toEqual(['project.goals: Bitte ohne HTML.']);
    }
  });

  it("refuse control characters in any field, in lists and in the submitter's part too", () => {
    expect(issuesOf(withProject({ partners: ['gut', 'schl\u0007echt'] }))).toEqual(['project.partners.1: Enthält unsichtbare Steuerzeichen.']);
    expect(issuesOf({ project, submitter: { ...submitter, name: 'Erika\u0000' } })).toEqual(['submitter.name: Enthält unsichtbare Steuerzeichen.']);
  });

  it('refuse a line break in a one-line field, as a mail header injection would have it', () => {
    expect(issuesOf(withProject({ title: 'Lesepaten\nBcc: alle@example.org' }))).toEqual(['project.title: Bitte in einer Zeile, ohne Zeilenumbruch.']);
    expect(issuesOf({ project, submitter: { ...submitter, email: 'erika@example.org\r\nBcc: x@example.org' } })).toEqual([
      'submitter.email: Bitte in einer Zeile, ohne Zeilenumbruch.',
    ]);
    expect(issuesOf(withProject({ contact: { organisation: 'Verein\ne. V.' }, links: [{ label: 'Seite\nzwei', url: 'https://example.org' }] }))).toEqual([
      'project.contact.organisation: Bitte in einer Zeile, ohne Zeilenumbruch.',
      'project.links.0.label: Bitte in einer Zeile, ohne Zeilenumbruch.',
    ]);
  });

  it(`allow ${MAX_SUBMISSION_LINKS} links in all texts together and refuse one more, counted over every field`, () => {
    const links = (count: number) => Array.from({ length: count }, (_, index) => `https://example.org/${index}`).join(' ');
    expect(issuesOf(withProject({ description: links(MAX_SUBMISSION_LINKS) }))).toEqual([]);
    expect(issuesOf(withProject({ description: links(MAX_SUBMISSION_LINKS - 1), goals: 'siehe www.example.org' }))).toEqual([]);
    expect(
      issuesOf({
        project: { ...project, description: links(MAX_SUBMISSION_LINKS - 1), goals: 'siehe www.example.org' },
        submitter: { ...submitter, organisation: 'http://spam.example' },
      }),
    ).toEqual([
      `project.description: Bitte höchstens ${MAX_SUBMISSION_LINKS} Links in allen Texten zusammen (es sind ${MAX_SUBMISSION_LINKS + 1}); Links gehören in das Feld „Links“.`,
    ]);
  });

  it("do not count the addresses of the link fields and the contact's website", () => {
    const many = Array.from({ length: MAX_SUBMISSION_LINKS + 5 }, (_, index) => ({ label: `Link ${index}`, url: `https://example.org/${index}` }));
    expect(issuesOf(withProject({ links: many, contact: { website: 'https://verein.example' } }))).toEqual([]);
  });

  it('ignore what is not text', () => {
    expect(issuesOf(withProject({ fundingStart: 2024, staffFte: 1.5, municipalities: ['05513000'] }))).toEqual([]);
    expect(issuesOf({})).toEqual([]);
  });

  it('name every problem, each on its field', () => {
    expect(issuesOf(withProject({ title: '<b>\n', results: 'x\u0001' }))).toEqual([
      'project.title: Bitte ohne HTML.',
      'project.title: Bitte in einer Zeile, ohne Zeilenumbruch.',
      'project.results: Enthält unsichtbare Steuerzeichen.',
    ]);
  });
});

describe('a whole submission', () => {
  it('is taken with the project, the submitter and the consent', () => {
    expect(submissionSchema.safeParse(submission).success).toBe(true);
  });

  it('needs the consent', () => {
    const parsed = submissionSchema.safeParse({ ...submission, consent: false });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['consent', 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.'],
    ]);
  });

  it('applies the rules for public text', () => {
    const parsed = submissionSchema.safeParse({ ...submission, project: { ...project, teaser: '<script>x</script>' } });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['project.teaser']);
  });

  it('refuses a funding end before its start, on the end', () => {
    const parsed = submissionSchema.safeParse({ ...submission, project: { ...project, fundingEnd: 2023 } });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['project.fundingEnd', 'nicht vor dem Beginn der Förderung']]);
  });

  it('takes none of the fields only editors set', () => {
    for (const field of ['slug', 'criteria', 'publish', 'lastReviewed']) {
      expect(submissionSchema.safeParse({ ...submission, project: { ...project, [field]: field === 'publish' ? true : 'x' } }).success).toBe(false);
    }
  });

  it('wants a plausible submitter: a name of two characters or more and an e-mail address', () => {
    const parsed = submissionSchema.safeParse({ ...submission, submitter: { name: 'E', email: 'keine-adresse' } });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['submitter.name', 'submitter.email']);
  });
});
