import { z } from 'zod';
import { pageQuerySchema } from './common.ts';
import { roleSchema } from './roles.ts';

/**
 * What the audit trail records (ADR 0032). A kind names an act, never its content: a form's
 * answers, a password or a typed email are never part of an entry.
 */
export const auditKinds = [
  'sign-in.succeeded',
  'sign-in.failed',
  'invitation.sent',
  'invitation.accepted',
  'role.changed',
  'status.changed',
  'password-reset.requested',
  'password-reset.completed',
  'export.csv',
  'form.printed',
  'donor-summary.read',
  'person.erased',
  'organization.left',
  'agreement.accepted-on-behalf',
  'agreement.declined',
] as const;
export const auditKindSchema = z.enum(auditKinds);
export type AuditKind = z.infer<typeof auditKindSchema>;

/** How long entries are kept unless a deployment says otherwise (`SISI_AUDIT_RETENTION_DAYS`). */
export const AUDIT_RETENTION_DAYS = 400;

/** One recorded act: who (person and role), what (kind and ids), when and from where. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: auditKindSchema,
  /** Who acted; absent when nobody known did (a sign-in with an unknown email). */
  actorId: z.string().optional(),
  actorRole: roleSchema.optional(),
  /** The person or thing acted on (a person, a mentorship, a report…). */
  subjectId: z.string().optional(),
  /** Further ids and names of what was touched, e.g. `{form: 'summary-report', organizationId}`. */
  targets: z.record(z.string(), z.string()).optional(),
  /** The client's address (issue 13's rule); IPv6 as its /64. */
  address: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /networks/{networkId}/audit`: filters, a page, and `format=csv` for the file. */
export const auditQuerySchema = pageQuerySchema.extend({
  person: z.string().min(1).max(100).optional(),
  kind: auditKindSchema.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
