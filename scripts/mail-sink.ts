// A local SMTP server that accepts every message and keeps it as a file: what `npm start` gives
// the CMS instead of a real mail server, and what tests read the CMS's mails from. Nothing is
// delivered anywhere. Each message is stored whole (RFC 5322, as the CMS sent it) as
// `<dir>/<time>-<number>.eml`, which any mail program opens.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** Largest message the sink takes: a submission with its images stays far below. */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface MailSink {
  host: string;
  port: number;
  /** Where the messages are stored. */
  dir: string;
  stop(): Promise<void>;
}

export async function startMailSink(options: { dir: string; port?: number; host?: string }): Promise<MailSink> {
  mkdirSync(options.dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Local only and plain text: the CMS's nodemailer would otherwise try STARTTLS with a certificate it cannot check.
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Praxisdatenbank mail sink (stores, never delivers)',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        received += 1;
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(received).padStart(4, '0')}.eml`;
        writeFileSync(join(options.dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on('error', () => undefined);
  return {
    host,
    port: (server.server.address() as AddressInfo).port,
    dir: options.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The stored messages, oldest first, as text. */
export function readMails(dir: string): { file: string; content: string }[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((file) => file.endsWith('.eml')).sort();
  return files.map((file) => ({ file, content: readFileSync(join(dir, file), 'utf8') }));
}
