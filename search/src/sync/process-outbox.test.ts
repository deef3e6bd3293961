import { describe, expect, it } from 'vitest';
import { backoffMs } from './process-outbox.ts';

describe('backoffMs', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempts) => backoffMs(attempts, 60_000))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
  });
});
