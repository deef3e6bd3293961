// Hands each request the in-process answers of server/site/server-answer.ts, for the pages it renders.
import { serverAnswer } from '../site/server-answer';

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    event.context.serverAnswer = (path, query) => serverAnswer(event, path, query);
  });
});
