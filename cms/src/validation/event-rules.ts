import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENT_UID as UID } from '@praxis/search';

interface EventData {
  startsAt?: string | Date | null;
  endsAt?: string | Date | null;
  format?: string | null;
  venue?: string | null;
  onlineUrl?: string | null;
  registrationUrl?: string | null;
}
interface Problem {
  path: string;
  message: string;
}

/** Links a reader follows from the event's page and calendar entry: https only, so nobody is sent to a plain-http or script address. */
const LINK_FIELDS = { registrationUrl: 'Der Link zur Anmeldung', onlineUrl: 'Der Link zur Online-Teilnahme' } as const;

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** What is wrong with an event's dates and links (the schema cannot say it), in the editors' words. */
export function eventProblems(data: EventData): Problem[] {
  const problems: Problem[] = [];
  for (const [field, name] of Object.entries(LINK_FIELDS)) {
    const value = data[field as keyof typeof LINK_FIELDS];
    if (typeof value === 'string' && value.trim() !== '' && !isHttpsUrl(value.trim())) {
      problems.push({ path: field, message: `${name} muss eine vollständige Adresse mit https:// sein.` });
    }
  }
  if (data.startsAt && data.endsAt && new Date(data.endsAt).getTime() < new Date(data.startsAt).getTime()) {
    problems.push({ path: 'endsAt', message: 'Das Ende der Veranstaltung liegt vor ihrem Beginn.' });
  }
  return problems;
}

/** What a draft still needs before it can be published: a place for an event that takes place on site. */
export function eventMissingForPublishing(data: EventData): Problem[] {
  if ((data.format === 'vor-ort' || data.format === 'hybrid') && !data.venue?.trim()) {
    return [{ path: 'venue', message: 'Geben Sie den Veranstaltungsort an (bei Veranstaltungen vor Ort).' }];
  }
  return [];
}

function refuse(problems: Problem[]): void {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((problem) => problem.message).join(' '), {
    errors: problems.map((problem) => ({ path: [problem.path], message: problem.message, name: 'ValidationError' })),
  });
}

/** The events' rules for the admin, the REST API and the seed alike (all go through the document service). */
export function registerEventRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID) return next();
    const params = context.params as { documentId?: string; locale?: string; data?: EventData };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      // Dates are checked together with what is stored when only one of them is written.
      let data = params.data;
      if (params.documentId && (data.startsAt === undefined || data.endsAt === undefined)) {
        const stored = await strapi.db.query(UID).findOne({ where: { documentId: params.documentId, publishedAt: null }, select: ['startsAt', 'endsAt'] });
        data = { ...stored, ...data };
      }
      refuse(eventProblems(data));
    }
    if (context.action === 'publish' && params.documentId) {
      const drafts: EventData[] = await strapi.db.query(UID).findMany({
        where: { documentId: params.documentId, publishedAt: null, ...(params.locale && params.locale !== '*' ? { locale: params.locale } : {}) },
      });
      for (const draft of drafts) refuse([...eventProblems(draft), ...eventMissingForPublishing(draft)]);
    }
    return next();
  });
}
