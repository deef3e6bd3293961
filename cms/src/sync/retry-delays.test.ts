import { describe, expect, it } from 'vitest';
import { cmsEnvironment } from '../config/environment';
import { connectRetryMs, nextSynonymRetryMs } from './retry-delays';

const DEFAULT_MAX = cmsEnvironment({}).SYNC_MAX_BACKOFF_MS;

/** The waits of `count` failed tries in a row to apply a language's synonyms. */
function synonymRetries(count: number, maxBackoffMs = DEFAULT_MAX): number[] {
  const delays: number[] = [];
  let previous: number | undefined;
  for (let failure = 0; failure < count; failure++) delays.push((previous = nextSynonymRetryMs(previous, maxBackoffMs)));
  return delays;
}

describe('when the search sync tries Meilisearch again', () => {
  it('connects again every 5 s', () => {
    expect(DEFAULT_MAX).toBe(60_000);
    expect(connectRetryMs(DEFAULT_MAX)).toBe(5_000);
  });

  it('applies synonym sets again after 5 s, then twice as long each time, at most a minute', () => {
    expect(synonymRetries(7)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });

  it('waits no longer than the longest backoff configured, as the tests set it', () => {
    expect(connectRetryMs(500)).toBe(500);
    expect(synonymRetries(3, 500)).toEqual([500, 500, 500]);
    expect(synonymRetries(3, 15_000)).toEqual([5_000, 10_000, 15_000]);
  });
});
