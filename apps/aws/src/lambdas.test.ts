import { describe, expect, it, vi } from 'vitest';
import { perInstance } from './lambdas.ts';

describe('perInstance', () => {
  it('builds the handler at the first event only, and passes every event to it', async () => {
    const create = vi.fn(() => async (event: number, context?: string) => `${event}${context}`);
    const handler = perInstance(create);
    expect(create).not.toHaveBeenCalled();
    expect(await handler(1, 'a')).toBe('1a');
    expect(await handler(2, 'b')).toBe('2b');
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('the Lambda entries', () => {
  it('load without reading the environment: a bad setting fails the first event', async () => {
    for (const entry of ['api', 'lifecycle', 'rollup', 'provisioning', 'mail-queue']) {
      const { handler } = (await import(`./entries/${entry}.ts`)) as { handler: unknown };
      expect(typeof handler).toBe('function');
    }
    const { handler } = await import('./entries/rollup.ts');
    const saved = process.env.SISI_TABLE_PREFIX;
    delete process.env.SISI_TABLE_PREFIX;
    try {
      expect(() => handler({ Records: [] })).toThrow(/SISI_TABLE_PREFIX/);
    } finally {
      if (saved !== undefined) process.env.SISI_TABLE_PREFIX = saved;
    }
  });
});
