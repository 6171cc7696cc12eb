import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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
