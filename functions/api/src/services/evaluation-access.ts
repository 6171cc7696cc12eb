import type { EvaluationRecord, TenantContext } from '@sisi/domain';

/**
 * Who fills an organization's evaluation form (001 Annex 7): its coordinator, or a network
 * admin (for an organization that cannot do it in the app).
 */
export const canEditEvaluation = (tenant: TenantContext, organizationId: string): boolean =>
  tenant.roles.includes('network-admin') ||
  (tenant.roles.includes('coordinator') && tenant.organizationId === organizationId);

/**
 * Who reads one: once signed, everyone who sees the mentorship; a draft, only who may still
 * edit it, so that neither side's answers lean on the other's before both are done.
 */
export const canReadEvaluation = (
  tenant: TenantContext,
  record: Pick<EvaluationRecord, 'organizationId' | 'signedAt'>,
): boolean => !!record.signedAt || canEditEvaluation(tenant, record.organizationId);
