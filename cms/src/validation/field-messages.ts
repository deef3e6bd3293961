import { CASE_STUDY_FIELDS } from '../editorial/admin-labels';
import { fieldMax, isReservedSlug } from '@praxis/search';

// The schema's rules, checked first with messages an editor understands, on the field they
// concern ("does not match the regex" helps nobody). The schema stays the backstop.

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

interface CaseStudyInput {
  title?: string | null;
  slug?: string | null;
  teaser?: string | null;
  fundingStart?: number | string | null;
  fundingEnd?: number | string | null;
  links?: { label?: string | null; url?: string | null }[] | null;
  images?: { alt?: string | null }[] | null;
}

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;
const ALT_MIN = 3;

function tooLong(field: string, label: string, value: string | null | undefined, max: number): FieldProblem[] {
  const length = [...(value ?? '')].length;
  return length > max ? [{ path: [field], message: `${label} ist ${length} Zeichen lang; erlaubt sind höchstens ${max}.` }] : [];
}

/** Every problem of the data an editor saves in `locale`, each with the field it concerns. */
export function caseStudyFieldProblems(data: CaseStudyInput, locale: string): FieldProblem[] {
  const problems: FieldProblem[] = [
    ...tooLong('title', 'Der Titel', data.title, fieldMax('title')),
    ...tooLong('teaser', 'Die Kurzbeschreibung', data.teaser, fieldMax('teaser')),
  ];
  if (data.slug && isReservedSlug(locale, data.slug)) {
    problems.push({
      path: ['slug'],
      message: `„${data.slug}“ ist die Adresse einer anderen Seite der Website (der Kartenansicht). Bitte einen anderen Slug wählen.`,
    });
  }
  for (const field of ['fundingStart', 'fundingEnd'] as const) {
    const value = data[field];
    if (value === null || value === undefined || value === '') continue;
    const year = Number(value);
    if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
      problems.push({ path: [field], message: `Bitte ein Jahr zwischen ${YEAR_MIN} und ${YEAR_MAX} angeben (z. B. 2024).` });
    }
  }
  (data.links ?? []).forEach((link, index) => {
    const url = link.url?.trim() ?? '';
    if (url !== '' && !/^https:\/\/\S+$/.test(url)) {
      problems.push({
        path: ['links', index, 'url'],
        message: 'Links müssen mit https:// beginnen (verschlüsselte Adresse) und dürfen keine Leerzeichen enthalten.',
      });
    }
  });
  (data.images ?? []).forEach((image, index) => {
    if ((image.alt?.trim().length ?? 0) < ALT_MIN) {
      problems.push({ path: ['images', index, 'alt'], message: 'Jedes Bild braucht einen Alternativtext: beschreiben Sie in einem Satz, was zu sehen ist.' });
    }
  });
  return problems;
}

/** Fields a case study needs before it is published (the schema's `required`). */
export const REQUIRED_FOR_PUBLISHING = ['title', 'slug', 'teaser', 'description', 'buildingBlock', 'projectStatus', 'fundingStart'] as const;

/** What a draft lacks for publishing, named by the field's German label. */
export function missingForPublishing(draft: Record<string, unknown>): FieldProblem[] {
  return REQUIRED_FOR_PUBLISHING.filter((field) => draft[field] === null || draft[field] === undefined || draft[field] === '').map((field) => ({
    path: [field],
    message: `„${CASE_STUDY_FIELDS[field]?.label ?? field}“ fehlt noch: bitte ausfüllen, dann veröffentlichen.`,
  }));
}
