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

/**
 * The plain-text body of a message as it reads: of a multipart message its first text/plain
 * part, with the transfer encoding (quoted-printable, base64) undone.
 */
export function mailBodyText(content: string): string {
  const split = content.search(/\r?\n\r?\n/);
  const headers = split === -1 ? content : content.slice(0, split);
  const body = split === -1 ? '' : content.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /^Content-Type:\s*multipart\/[^;]+;[\s\S]*?boundary="?([^";\r\n]+)"?/im.exec(headers)?.[1];
  if (boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .map((part) => part.replace(/^\r?\n/, ''));
    const plain = parts.find((part) => /^Content-Type:\s*text\/plain/im.test(part.slice(0, Math.max(0, part.search(/\r?\n\r?\n/)))));
    return plain ? mailBodyText(plain) : '';
  }
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');
  if (encoding !== 'quoted-printable') return body.replace(/\r\n/g, '\n');
  const unwrapped = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < unwrapped.length; index++) {
    const hex = unwrapped[index] === '=' ? /^[0-9A-F]{2}/i.exec(unwrapped.slice(index + 1, index + 3))?.[0] : undefined;
    if (hex) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(unwrapped[index]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

/** The stored messages, oldest first: the raw message and its body as text. */
export function readMails(dir: string): { file: string; content: string; text: string }[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return files.map((file) => {
    const content = readFileSync(join(dir, file), 'utf8');
    return { file, content, text: mailBodyText(content) };
  });
}
