// Durable e-mail (src/mail): mails are rows written with what they belong to, sent through
// Strapi's e-mail plugin to a real SMTP server (the local mail sink), and retried while that
// server is down: 10 mails queued during an outage arrive exactly once when it is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMails, startMailSink, type MailSink } from '@praxis/tooling/mail-sink';
import { freePort } from '@praxis/tooling/processes';
import { MAIL_TABLE } from '../../src/mail/mail-queue';
import { mailQueue } from '../../src/mail/mail';
import { waitFor } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

let cms: TestStrapi;
let sink: MailSink | undefined;
let port = 0;
const dir = mkdtempSync(join(tmpdir(), 'praxis-mail-test-'));

beforeAll(async () => {
  port = await freePort();
  // The backoff's timing is unit-tested (src/mail/mail-queue.test.ts); here a failed mail is due
  // again within milliseconds, so the test waits for the wiring only, not for the delays.
  cms = await startTestStrapi({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      MAIL_POLL_INTERVAL_MS: '50',
      MAIL_RETRY_BASE_MS: '1',
      MAIL_FROM: 'Praxisdatenbank <test@example.org>',
    },
  });
}, 120_000);

afterAll(async () => {
  await cms?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const subjectsIn = (mails: { content: string }[]) => mails.map((mail) => /^Subject: (.*)$/m.exec(mail.content)?.[1]);

describe('the mail queue', () => {
  it('loses no mail while the SMTP server is down and sends each exactly once when it is back', async () => {
    const queue = mailQueue(cms.strapi);
    const subjects = Array.from({ length: 10 }, (_, index) => `Anfrage ${index + 1}`);
    await queue.enqueue(
      subjects.map((subject) => ({
        to: 'projekt@example.org',
        replyTo: 'fragende@example.org',
        subject,
        text: `${subject}\nZweite Zeile <script>alert(1)</script>`,
      })),
    );
    await waitFor(async () => (await queue.stats()).failing === 10, 'the mails were not tried while the server was down');
    const failed = await cms.strapi.db.connection(MAIL_TABLE).whereNull('sent_at');
    expect(failed).toHaveLength(10);
    expect(failed.every((row: { last_error: string | null }) => Boolean(row.last_error))).toBe(true);

    sink = await startMailSink({ dir, port });
    await waitFor(async () => (await queue.stats()).sent === 10, 'the queued mails were not sent once the server was back');
    // Nothing is left to send, so nothing can be sent twice from here on; and a row is marked sent
    // only after the server took the mail, so every delivery is in the sink already.
    expect(await queue.stats()).toEqual({ pending: 0, failing: 0, sent: 10 });
    const mails = readMails(dir);
    expect(subjectsIn(mails).sort()).toEqual([...subjects].sort());
    const [first] = mails;
    expect(first!.content).toMatch(/^To: projekt@example\.org$/m);
    expect(first!.content).toMatch(/^Reply-To: fragende@example\.org$/m);
    expect(first!.content).toMatch(/^From: Praxisdatenbank <test@example\.org>$/m);
    // What a visitor typed is text in the HTML part too, never markup.
    const htmlPart = first!.content.split(/^Content-Type: text\/html.*$/m)[1]!;
    expect(htmlPart).toContain('&#60;script&#62;');
    expect(htmlPart).not.toContain('<script>');
    expect(new Set(mails.map((mail) => /^Message-ID: (.*)$/im.exec(mail.content)?.[1])).size).toBe(10);
  });

  it('stores no mail when the transaction it belongs to fails', async () => {
    const before = await mailQueue(cms.strapi).stats();
    await expect(
      cms.strapi.db.transaction(async ({ trx }) => {
        await mailQueue(cms.strapi).enqueue([{ to: 'projekt@example.org', subject: 'Nie gesendet', text: 'x' }], trx);
        throw new Error('Speichern fehlgeschlagen');
      }),
    ).rejects.toThrow('Speichern');
    expect(await mailQueue(cms.strapi).stats()).toEqual(before);
  });
});
