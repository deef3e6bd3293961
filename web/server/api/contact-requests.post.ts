// `POST /api/contact-requests`: "Kontakt aufnehmen" as JSON (the contact page's server sends the
// posted form here). 202 when the request is stored; otherwise the status and a message per field
// (server/forms/contact-request.ts).
import { contactFields, sendContactRequest } from '../forms/contact-request';

export default defineEventHandler(async (event) => {
  const body = await readBody(event).catch(() => undefined);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: 'Expected a JSON object with the form fields.' });
  }
  const outcome = await sendContactRequest(event, contactFields(body as Record<string, unknown>));
  setResponseStatus(event, outcome.status);
  setResponseHeader(event, 'cache-control', 'no-store');
  return outcome;
});
