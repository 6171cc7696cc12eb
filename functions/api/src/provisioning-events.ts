import type { NetworkStatus } from '@sisi/domain';

/** The part of EventBridge's "CodeBuild Build State Change" event this reads. */
export interface BuildStateChangeEvent {
  'detail-type'?: string;
  source?: string;
  detail?: {
    'build-status'?: string;
    'project-name'?: string;
    'build-id'?: string;
    'additional-information'?: {
      environment?: { 'environment-variables'?: { name?: string; value?: string }[] };
      phases?: { 'phase-type'?: string; 'phase-status'?: string; 'phase-context'?: string[] }[];
      logs?: { 'deep-link'?: string };
    };
  };
}

export interface BuildOutcome {
  networkId: string;
  status: Extract<NetworkStatus, 'active' | 'failed'>;
  reason?: string;
}

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'STOPPED', 'TIMED_OUT']);
const MAX_REASON = 500;

/**
 * What a finished provisioning build means for its network: `active` when the build
 * succeeded, else `failed` with a reason an operator can act on (the status, the phase that
 * failed and CodeBuild's words for it). `undefined` for an event that is not a final state
 * of a provisioning build.
 *
 * @example
 * buildOutcome(event) // { networkId: 'kp-x1', status: 'failed', reason: 'provisioning build FAILED in BUILD: …' }
 */
export function buildOutcome(event: BuildStateChangeEvent): BuildOutcome | undefined {
  const detail = event?.detail;
  const status = detail?.['build-status'];
  if (event?.source !== 'aws.codebuild' || !status || !FINAL.has(status)) return undefined;
  const info = detail['additional-information'];
  const networkId = info?.environment?.['environment-variables']?.find(
    (v) => v.name === 'SISI_NETWORK_ID',
  )?.value;
  if (!networkId) return undefined;
  if (status === 'SUCCEEDED') return { networkId, status: 'active' };
  const failedPhase = (info?.phases ?? []).find(
    (p) => p['phase-status'] && !['SUCCEEDED', 'IN_PROGRESS'].includes(p['phase-status']),
  );
  const context = (failedPhase?.['phase-context'] ?? []).filter(Boolean).join('; ');
  const parts = [
    `provisioning build ${status}`,
    failedPhase?.['phase-type'] ? ` in ${failedPhase['phase-type']}` : '',
    context ? `: ${context}` : '',
    info?.logs?.['deep-link'] ? ` (logs: ${info.logs['deep-link']})` : '',
  ];
  const reason = parts.join('');
  return {
    networkId,
    status: 'failed',
    reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason,
  };
}

/**
 * Moves the network of a finished provisioning build to `active` or `failed` (with why).
 *
 * @example await recordBuildOutcome(event, platform);
 */
export async function recordBuildOutcome(
  event: BuildStateChangeEvent,
  platform: { setNetworkStatus(id: string, status: NetworkStatus, reason?: string): Promise<void> },
): Promise<BuildOutcome | undefined> {
  const outcome = buildOutcome(event);
  if (!outcome) return undefined;
  await platform.setNetworkStatus(outcome.networkId, outcome.status, outcome.reason);
  return outcome;
}
