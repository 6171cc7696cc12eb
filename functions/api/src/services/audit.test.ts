import type { AuditRepository, AuditWrite, NetworkStore, PlatformRepository } from '@sisi/data';
import type { TenantContext } from '@sisi/domain';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiDeps, AppEnv } from '../deps.ts';
import { type AuditFact, audit, auditOp } from './audit.ts';

/** Trails that keep what they are given, by table: the network's id, or `platform`. */
function trails() {
  const written: { trail: string; write: AuditWrite; op?: boolean }[] = [];
  const trail = (name: string) =>
    ({
      record: async (write: AuditWrite) => {
        written.push({ trail: name, write });
      },
      recordOp: (write: AuditWrite) => {
        written.push({ trail: name, write, op: true });
        return { Put: { TableName: name, Item: {} } };
      },
    }) as unknown as AuditRepository;
  return { written, trail };
}

/** A request through a one-route app, as `tenant` (or nobody), from `198.51.100.7`. */
async function act(
  fact: AuditFact,
  options: { tenant?: TenantContext; retention?: number; op?: boolean } = {},
) {
  const { written, trail } = trails();
  const deps = {
    clock: { now: () => new Date('2026-03-01T10:00:00.000Z') },
    clientAddress: { peer: () => '198.51.100.7' },
    store: ({ networkId }: { networkId: string }) =>
      ({ audit: trail(networkId) }) as unknown as NetworkStore,
    platform: { audit: trail('platform') } as unknown as PlatformRepository,
    ...(options.retention ? { auditRetentionDays: options.retention } : {}),
  } as unknown as ApiDeps;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    if (options.tenant) c.set('tenant', options.tenant);
    await next();
  });
  app.post('/act', async (c) => {
    if (options.op) auditOp(c, fact);
    else await audit(c, fact);
    return c.body(null, 204);
  });
  expect((await app.request('/act', { method: 'POST' })).status).toBe(204);
  return written;
}

const admin: TenantContext = {
  userId: 'admin1',
  email: 'a@example.org',
  name: 'A',
  roles: ['network-admin'],
  networkId: 'net-one',
};

describe('audit(c, fact): the one line a route records with', () => {
  it('takes the caller as actor and its network as the trail, with the address and a 400-day retention', async () => {
    const [w] = await act(
      { kind: 'role.changed', subjectId: 'p9', targets: { organizationId: 'o1' } },
      { tenant: admin },
    );
    expect(w?.trail).toBe('net-one');
    expect(w?.write.retentionDays).toBe(400);
    expect(w?.write.entry).toMatchObject({
      kind: 'role.changed',
      actorId: 'admin1',
      actorRole: 'network-admin',
      subjectId: 'p9',
      targets: { organizationId: 'o1' },
      address: '198.51.100.7',
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(w?.write.entry.id).toMatch(/^[a-z0-9]+$/);
  });

  it('records an act of nobody signed in where it is told (a password reset), or in the platform trail', async () => {
    const [reset] = await act({
      kind: 'password-reset.requested',
      actor: { id: 'p9', role: 'coordinator' },
      networkId: 'net-two',
    });
    expect(reset?.trail).toBe('net-two');
    expect(reset?.write.entry).toMatchObject({ actorId: 'p9', actorRole: 'coordinator' });
    const [unknown] = await act({ kind: 'password-reset.requested', actor: null });
    expect(unknown?.trail).toBe('platform');
    expect(unknown?.write.entry.actorId).toBeUndefined();
  });

  it('puts an operator’s act in the platform trail, and a deployment’s retention in each entry', async () => {
    const [w] = await act(
      { kind: 'status.changed', subjectId: 'p2' },
      {
        tenant: { userId: 'op', email: 'o@example.org', name: 'O', roles: ['operator'] },
        retention: 30,
      },
    );
    expect(w?.trail).toBe('platform');
    expect(w?.write.retentionDays).toBe(30);
  });

  it('gives the same entry as an op for the transaction that does the act', async () => {
    const [w] = await act({ kind: 'status.changed', subjectId: 'p2' }, { tenant: admin, op: true });
    expect(w).toMatchObject({ trail: 'net-one', op: true });
    expect(w?.write.entry).toMatchObject({ kind: 'status.changed', actorId: 'admin1' });
  });
});
