// Gives the memory of a burst of requests back once the site goes quiet. V8 shrinks its heap on
// its own only when it sees a low allocation rate, and it measures that rate at allocations and
// collections: a process that goes quiet right after a burst keeps the burst's rate on record and
// its memory reducer waits ("high alloc", --trace-memory-reducer) for minutes. Measured (issue 17):
// a minute after a minute of mixed load the site held idle + 107 MB in two of three runs; in the
// third the reducer happened to start and the site fell below its idle size. So when a whole
// interval passed without a request and the process grew since the last such collection, this
// runs the collection the reducer would ("last-resort": compacts, shrinks the young generation,
// returns pooled pages; ~130 ms here), once, while nobody waits for an answer.
// Needs `node --expose-gc` (WEB_NODE_FLAGS, web/Dockerfile); without it this plugin does nothing.
type CollectGarbage = (options: { type: 'major'; execution: 'async'; flavor: 'last-resort' }) => void;

const QUIET_INTERVAL_MS = 10_000;
/** Growth of the resident memory since the last collection that is worth a collection. */
const GROWTH_BYTES = 32 * 1024 * 1024;

export default defineNitroPlugin((nitroApp) => {
  const collectGarbage = (globalThis as { gc?: CollectGarbage }).gc;
  if (typeof collectGarbage !== 'function') return;
  let requests = 0;
  let residentAfterCollection = process.memoryUsage.rss();
  nitroApp.hooks.hook('request', () => {
    requests++;
  });
  setInterval(() => {
    const quiet = requests === 0;
    requests = 0;
    if (!quiet || process.memoryUsage.rss() < residentAfterCollection + GROWTH_BYTES) return;
    collectGarbage({ type: 'major', execution: 'async', flavor: 'last-resort' });
    // Read at the next quiet interval's check: the collection runs as a task after this one.
    setTimeout(() => {
      residentAfterCollection = process.memoryUsage.rss();
    }, 1_000).unref();
  }, QUIET_INTERVAL_MS).unref();
});
