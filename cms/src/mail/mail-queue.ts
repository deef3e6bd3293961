// Durable e-mail: a mail is a row in the CMS's database, written in the same transaction as the
// submission or request it belongs to, and sent by a worker afterwards. A mail server that is
// down or refuses costs a retry with growing delay (10 s, 20 s, 40 s … at most 15 minutes), never
// the mail. Each row keeps its Message-ID, so a mail sent again after a crash between sending and
// marking it sent (the only way one goes out twice) is recognisable as the same message.
import type { Knex } from 'knex';
import { leaseDueRows } from '../database/lease-rows';

/** Created and changed by the migrations in cms/database/migrations/. */
export const MAIL_TABLE = 'praxis_mail_outbox';

export interface Mail {
  to: string;
  replyTo?: string;
  subject: string;
  /** Plain text; the HTML part is this text escaped, so nothing a visitor typed becomes markup. */
  text: string;
}

export interface OutgoingMail extends Mail {
  id: number;
  messageId: string;
}

export interface MailQueueOptions {
  /** Sends one mail; a rejection means "not sent, try again later". */
  send(mail: OutgoingMail): Promise<void>;
  pollIntervalMs?: number;
  /** First retry delay; it doubles with each failure up to MAX_RETRY_MS. */
  retryBaseMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

const MAX_RETRY_MS = 15 * 60 * 1000;
/** A claimed mail not marked sent or failed within this time (a crash) is taken up again. */
const LEASE_MS = 2 * 60 * 1000;
/** Sent mails are kept this long (what went out, for support), then deleted. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60 * 1000;
const DEFAULT_RETRY_BASE_MS = 10_000;

/**
 * When a mail not sent on its attempt number `attempts + 1` is tried again: `retryBaseMs` after
 * the first failure, twice that after the second, and so on up to MAX_RETRY_MS. It never gives
 * up: a mail server that is down for a day costs no mail.
 */
export function retryAfterFailure(attempts: number, now: number, retryBaseMs = DEFAULT_RETRY_BASE_MS): { attempts: number; delayMs: number; dueAt: number } {
  const delayMs = Math.min(MAX_RETRY_MS, retryBaseMs * 2 ** attempts);
  return { attempts: attempts + 1, delayMs, dueAt: now + delayMs };
}

/** Sent mails sent before this moment are deleted. */
export const sentMailsExpireBefore = (now: number) => now - KEEP_SENT_MS;

interface Row {
  id: number | string;
  message_id: string;
  to_address: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
}

export class MailQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly knex: Knex,
    private readonly options: MailQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Queues mails; pass the transaction of the record they belong to, so both or neither are stored. */
  async enqueue(mails: Mail[], trx: Knex = this.knex, domain = 'praxisdatenbank.local'): Promise<void> {
    const now = this.now();
    for (const mail of mails) {
      const token = `${now.toString(36)}.${Math.random().toString(36).slice(2, 12)}`;
      await trx(MAIL_TABLE).insert({
        message_id: `<${token}@${domain}>`,
        to_address: mail.to,
        reply_to: mail.replyTo ?? null,
        subject: mail.subject.slice(0, 300),
        text_body: mail.text,
        created_at: now,
        due_at: now,
      });
    }
    this.notify();
  }

  /** Sends what is due now (and keeps going while there is more). */
  notify(): void {
    if (!this.timer) return;
    this.running ??= this.drain().finally(() => (this.running = undefined));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.notify(), this.options.pollIntervalMs ?? 5_000);
    this.timer.unref();
    this.notify();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Counts for status views and tests. */
  async stats(): Promise<{ pending: number; failing: number; sent: number }> {
    const count = async (query: Knex.QueryBuilder) => Number((await query.count({ n: '*' }))[0]?.n ?? 0);
    return {
      pending: await count(this.knex(MAIL_TABLE).whereNull('sent_at').where('attempts', 0)),
      failing: await count(this.knex(MAIL_TABLE).whereNull('sent_at').where('attempts', '>', 0)),
      sent: await count(this.knex(MAIL_TABLE).whereNotNull('sent_at')),
    };
  }

  private async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.claim(10);
      if (claimed.length === 0) break;
      for (const row of claimed) await this.deliver(row);
    }
    await this.knex(MAIL_TABLE).whereNotNull('sent_at').where('sent_at', '<', sentMailsExpireBefore(this.now())).delete();
  }

  private claim(limit: number): Promise<Row[]> {
    return leaseDueRows<Row>(this.knex, {
      table: MAIL_TABLE,
      doneColumn: 'sent_at',
      columns: ['id', 'message_id', 'to_address', 'reply_to', 'subject', 'text_body'],
      limit,
      now: this.now(),
      leaseMs: LEASE_MS,
    });
  }

  private async deliver(row: Row): Promise<void> {
    const mail: OutgoingMail = {
      id: Number(row.id),
      messageId: row.message_id,
      to: row.to_address,
      replyTo: row.reply_to ?? undefined,
      subject: row.subject,
      text: row.text_body,
    };
    try {
      await this.options.send(mail);
      await this.knex(MAIL_TABLE).where('id', mail.id).update({ sent_at: this.now(), locked_until: null, last_error: null });
    } catch (error) {
      const [{ attempts: before }] = await this.knex(MAIL_TABLE).where('id', mail.id).select('attempts');
      const { attempts, delayMs, dueAt } = retryAfterFailure(Number(before), this.now(), this.options.retryBaseMs);
      await this.knex(MAIL_TABLE)
        .where('id', mail.id)
        .update({
          attempts,
          last_error: String((error as Error).message ?? error).slice(0, 2000),
          due_at: dueAt,
          locked_until: null,
        });
      this.options.log?.(
        `[mail] ${mail.messageId} to ${mail.to} not sent (attempt ${attempts}, again in ${Math.round(delayMs / 1000)} s): ${(error as Error).message}`,
      );
    }
  }
}

/** The HTML part of a plain-text mail: the text, escaped, with its line breaks. */
export function textAsHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<div style="white-space: pre-wrap; font-family: sans-serif">${escaped}</div>`;
}
