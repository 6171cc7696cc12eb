import { describe, expect, it, vi } from 'vitest';
import {
  type BuildStateChangeEvent,
  buildOutcome,
  recordBuildOutcome,
} from './provisioning-events.ts';

const event = (status: string, extra: Record<string, unknown> = {}): BuildStateChangeEvent => ({
  source: 'aws.codebuild',
  'detail-type': 'CodeBuild Build State Change',
  detail: {
    'build-status': status,
    'project-name': 'sisi-provision-network',
    'additional-information': {
      environment: {
        'environment-variables': [
          { name: 'SISI_CONFIG', value: '{}' },
          { name: 'SISI_NETWORK_ID', value: 'kp-alliance-x1' },
        ],
      },
      phases: [
        { 'phase-type': 'INSTALL', 'phase-status': 'SUCCEEDED' },
        {
          'phase-type': 'BUILD',
          'phase-status': 'FAILED',
          'phase-context': [
            'COMMAND_EXECUTION_ERROR: Error while executing command: pnpm cdk deploy',
          ],
        },
      ],
      logs: { 'deep-link': 'https://console.aws.amazon.com/cloudwatch/home#logs' },
      ...extra,
    },
  },
});

describe('buildOutcome', () => {
  it('makes the network active when its build succeeded', () => {
    expect(buildOutcome(event('SUCCEEDED'))).toEqual({
      networkId: 'kp-alliance-x1',
      status: 'active',
    });
  });

  it('makes it failed with the phase and CodeBuild’s words, for every way a build ends badly', () => {
    for (const status of ['FAILED', 'FAULT', 'STOPPED', 'TIMED_OUT']) {
      expect(buildOutcome(event(status))).toEqual({
        networkId: 'kp-alliance-x1',
        status: 'failed',
        reason: `provisioning build ${status} in BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: pnpm cdk deploy (logs: https://console.aws.amazon.com/cloudwatch/home#logs)`,
      });
    }
  });

  it('ignores builds still running, other sources and builds without a network', () => {
    expect(buildOutcome(event('IN_PROGRESS'))).toBeUndefined();
    expect(buildOutcome({ ...event('SUCCEEDED'), source: 'aws.s3' })).toBeUndefined();
    expect(buildOutcome(event('SUCCEEDED', { environment: {} }))).toBeUndefined();
    expect(buildOutcome({} as BuildStateChangeEvent)).toBeUndefined();
  });

  it('keeps a long reason to 500 characters', () => {
    const long = event('FAILED', {
      phases: [
        { 'phase-type': 'BUILD', 'phase-status': 'FAILED', 'phase-context': ['x'.repeat(900)] },
      ],
    });
    expect(buildOutcome(long)?.reason).toHaveLength(500);
  });
});

describe('recordBuildOutcome', () => {
  it('writes the status and reason to the platform table', async () => {
    const platform = { setNetworkStatus: vi.fn(async () => {}) };
    await recordBuildOutcome(event('FAILED'), platform);
    await recordBuildOutcome(event('SUCCEEDED'), platform);
    await recordBuildOutcome(event('IN_PROGRESS'), platform);
    expect(platform.setNetworkStatus.mock.calls).toEqual([
      ['kp-alliance-x1', 'failed', expect.stringMatching(/^provisioning build FAILED in BUILD/)],
      ['kp-alliance-x1', 'active', undefined],
    ]);
  });
});
