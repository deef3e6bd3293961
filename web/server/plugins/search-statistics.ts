// Sends the search counts (search/statistics.ts) to the CMS once a minute and on shutdown.
import { sendSearchCounts } from '../search/statistics';

export default defineNitroPlugin((nitroApp) => {
  const timer = setInterval(() => void sendSearchCounts(), useRuntimeConfig().searchStatisticsIntervalMs);
  timer.unref();
  nitroApp.hooks.hook('close', async () => {
    clearInterval(timer);
    await sendSearchCounts();
  });
});
