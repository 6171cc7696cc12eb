import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Mailer, MailMessage } from '@sisi/api';

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
  attachments?: MailMessage['attachments'];
}

const matchesParsed = (text: string, pattern: RegExp): boolean =>
  Object.values(JSON.parse(text) as Record<string, unknown>).some((v) => {
    pattern.lastIndex = 0;
    return pattern.test(typeof v === 'string' ? v : JSON.stringify(v));
  });

/**
 * Mail kept as JSON files under `dir` instead of being sent: the local sink when no SMTP
 * server is set. `/dev/outbox` lists it, newest first.
 *
 * @example
 * const outbox = new OutboxMailer('.sisi/data/outbox', clock);
 * await outbox.send({ to, subject, text, html });
 */
export class OutboxMailer implements Mailer {
  constructor(
    readonly dir: string,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<{ id: string }> {
    const id = randomUUID();
    const sentAt = this.clock.now().toISOString();
    const item: OutboxItem = { id, ...message, sentAt };
    await mkdir(this.dir, { recursive: true });
    // the file name sorts by time; the id keeps names unique within a millisecond
    await writeFile(
      join(this.dir, `${sentAt.replace(/[:.]/g, '-')}_${id}.json`),
      JSON.stringify(item),
    );
    return { id };
  }

  /** Deletes every kept mail whose text (any field) `pattern` matches: an erasure's sweep. */
  async erase(pattern: RegExp): Promise<number> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let deleted = 0;
    for (const n of names) {
      const text = await readFile(join(this.dir, n), 'utf8');
      pattern.lastIndex = 0;
      // the file is JSON: a name with quotes or non-ASCII letters is matched as parsed
      if (pattern.test(text) || matchesParsed(text, pattern)) {
        await rm(join(this.dir, n), { force: true });
        deleted++;
      }
    }
    return deleted;
  }

  async list(to?: string): Promise<OutboxItem[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const items = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .sort()
        .reverse()
        .map(async (n) => JSON.parse(await readFile(join(this.dir, n), 'utf8')) as OutboxItem),
    );
    const wanted = to?.toLowerCase();
    return wanted ? items.filter((i) => i.to.toLowerCase() === wanted) : items;
  }
}
