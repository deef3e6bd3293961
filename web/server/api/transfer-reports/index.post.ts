// `POST /api/transfer-reports`: "Nachnutzung melden" as JSON (the form page's server sends the
// posted form here). 202 when the report is stored and its confirmation mail queued; otherwise the
// status and a message per field (server/forms/transfer-report.ts).
import { contactFields } from '../../forms/contact-request';
import { sendTransferReport } from '../../forms/transfer-report';

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  const body = await readBody(event).catch(() => undefined);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw createError({ statusCode: 400, statusMessage: 'Bad Request', message: 'Expected a JSON object with the form fields.' });
  }
  const outcome = await sendTransferReport(event, contactFields(body as Record<string, unknown>));
  setResponseStatus(event, outcome.status);
  return outcome;
});
