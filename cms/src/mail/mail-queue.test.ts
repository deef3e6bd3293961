import { describe, expect, it } from 'vitest';
import { retryAfterFailure, sentMailsExpireBefore, textAsHtml } from './mail-queue';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const NOW = Date.UTC(2026, 2, 1, 10, 0, 0);

/** The delays of a mail that fails `count` times in a row. */
function delaysOf(count: number, retryBaseMs?: number): number[] {
  const delays: number[] = [];
  let attempts = 0;
  for (let failure = 0; failure < count; failure++) {
    const next = retryAfterFailure(attempts, NOW, retryBaseMs);
    delays.push(next.delayMs);
    attempts = next.attempts;
  }
  return delays;
}

describe('when the mail queue tries a mail again', () => {
  it('waits 10 s after the first failure and twice as long after each further one', () => {
    expect(delaysOf(5)).toEqual([10 * SECOND, 20 * SECOND, 40 * SECOND, 80 * SECOND, 160 * SECOND]);
  });

  it('waits at most 15 minutes, however often the mail failed', () => {
    expect(delaysOf(9).slice(-4)).toEqual([5 * MINUTE + 20 * SECOND, 10 * MINUTE + 40 * SECOND, 15 * MINUTE, 15 * MINUTE]);
    expect(retryAfterFailure(1_000, NOW).delayMs).toBe(15 * MINUTE);
  });

  it('never gives up: the 50th failure is retried like the 10th', () => {
    const fiftieth = retryAfterFailure(49, NOW);
    expect(fiftieth).toEqual({ attempts: 50, delayMs: 15 * MINUTE, dueAt: NOW + 15 * MINUTE });
  });

  it('starts from the configured first delay', () => {
    expect(delaysOf(4, 300)).toEqual([300, 600, 1_200, 2_400]);
    expect(delaysOf(12, 1)[11]).toBe(2_048);
  });

  it('makes the mail due that long after the failure and counts the attempt', () => {
    expect(retryAfterFailure(0, NOW)).toEqual({ attempts: 1, delayMs: 10 * SECOND, dueAt: NOW + 10 * SECOND });
    expect(retryAfterFailure(2, NOW + 5 * SECOND)).toEqual({ attempts: 3, delayMs: 40 * SECOND, dueAt: NOW + 45 * SECOND });
  });
});

describe('the mails the queue keeps', () => {
  it('are those sent in the last 30 days', () => {
    const cutoff = sentMailsExpireBefore(NOW);
    expect(NOW - cutoff).toBe(30 * 24 * 60 * MINUTE);
  });
});

describe('the HTML part of a mail', () => {
  it('is the text with every character that could become markup escaped', () => {
    expect(textAsHtml(`A & B <script>alert("x")</script> it's`)).toBe(
      '<div style="white-space: pre-wrap; font-family: sans-serif">A &#38; B &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; it&#39;s</div>',
    );
  });

  it('keeps the line breaks, which the style shows', () => {
    expect(textAsHtml('Zeile 1\nZeile 2')).toContain('Zeile 1\nZeile 2');
  });
});
