import { z } from '@hono/zod-openapi';
import type { AuditRepository, WriteOp } from '@sisi/data';
import { AUDIT_RETENTION_DAYS, type AuditEntry, type AuditKind, type Role } from '@sisi/domain';
import type { Context } from 'hono';
import { clientAddress } from '../client-address.ts';
import type { AppEnv } from '../deps.ts';
import { newId } from '../ids.ts';

/** What a route says it did: the kind and the ids it touched, never what was in them. */
export interface AuditFact {
  kind: AuditKind;
  /** The person or thing acted on. */
  subjectId?: string;
  /** Further ids (and form names), e.g. `{ mentorshipId, form: 'summary-report' }`. */
  targets?: Record<string, string>;
  /**
   * Whose trail it goes in: this network's table; `null` for the platform's. By default the
   * caller's network, else the platform (operators, donors, nobody signed in).
   */
  networkId?: string | null;
  /**
   * Who acted, when it is not the signed-in caller (a sign-in, a password reset): `null`
   * for nobody known.
   */
  actor?: { id: string; role?: Role } | null;
}

/** The caller as the acting person, if anyone is signed in. */
function callerOf(c: Context<AppEnv>): { id: string; role?: Role } | undefined {
  const tenant = c.get('tenant') as AppEnv['Variables']['tenant'] | undefined;
  if (!tenant) return undefined;
  return { id: tenant.userId, ...(tenant.roles[0] ? { role: tenant.roles[0] } : {}) };
}

/** The entry for `fact` and the trail (table) it goes in, with the deployment's retention. */
function prepare(c: Context<AppEnv>, fact: AuditFact) {
  const deps = c.var.deps;
  const actor = fact.actor === undefined ? callerOf(c) : (fact.actor ?? undefined);
  const entry: AuditEntry = {
    id: newId(),
    at: deps.clock.now().toISOString(),
    kind: fact.kind,
    ...(actor ? { actorId: actor.id, ...(actor.role ? { actorRole: actor.role } : {}) } : {}),
    ...(fact.subjectId ? { subjectId: fact.subjectId } : {}),
    ...(fact.targets && Object.keys(fact.targets).length ? { targets: fact.targets } : {}),
    address: clientAddress(c, deps.clientAddress),
  };
  const networkId =
    fact.networkId === undefined
      ? (c.get('tenant') as AppEnv['Variables']['tenant'] | undefined)?.networkId
      : fact.networkId;
  const trail: AuditRepository = networkId ? deps.store({ networkId }).audit : deps.platform.audit;
  const write = { entry, retentionDays: deps.auditRetentionDays ?? AUDIT_RETENTION_DAYS };
  return { trail, write };
}

/**
 * Records one act in the audit trail (ADR 0032): who (the caller, its first role), what
 * (`kind`, the ids), when and from which address (`clientAddress`), never the content. One
 * PutItem, awaited: an act whose record fails fails with it.
 *
 * @example
 * await audit(c, { kind: 'role.changed', subjectId: personId, targets: { organizationId } });
 */
export async function audit(c: Context<AppEnv>, fact: AuditFact): Promise<void> {
  const { trail, write } = prepare(c, fact);
  await trail.record(write);
}

/**
 * The same record as one op of the transaction that does the act, so both happen or
 * neither (no extra round trip).
 *
 * @example
 * await deps.platform.transact([...ops, auditOp(c, { kind: 'invitation.sent', subjectId })]);
 */
export function auditOp(c: Context<AppEnv>, fact: AuditFact): WriteOp {
  const { trail, write } = prepare(c, fact);
  return trail.recordOp(write);
}

/**
 * `?purpose=print`: the SPA's print view of a filled form reads it so, and the read is
 * recorded as a print (`form.printed`); any other read is not.
 */
export const printQuery = z.object({
  purpose: z
    .enum(['print'])
    .optional()
    .openapi({ description: '`print`: the print view reads it (recorded in the audit trail)' }),
});
