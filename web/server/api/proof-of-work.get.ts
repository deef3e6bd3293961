// `GET /api/proof-of-work`: a fresh ALTCHA challenge for a form about to be sent (server/forms/proof-of-work.ts).
import { issueChallenge } from '../forms/proof-of-work';

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  return issueChallenge();
});
