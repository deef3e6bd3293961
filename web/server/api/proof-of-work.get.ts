// `GET /api/proof-of-work`: a fresh ALTCHA challenge for a form about to be sent (server/utils/proof-of-work.ts).
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  return issueChallenge();
});
