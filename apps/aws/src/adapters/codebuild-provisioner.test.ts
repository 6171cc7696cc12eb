import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeBuildProvisioner } from './codebuild-provisioner.ts';

const codebuild = mockClient(CodeBuildClient);
afterEach(() => codebuild.reset());

describe('CodeBuildProvisioner', () => {
  it('starts the provisioning build with the network id and answers provisioning', async () => {
    codebuild.on(StartBuildCommand).resolves({ build: { id: 'sisi-provision-network:1' } });
    const provisioner = new CodeBuildProvisioner(
      new CodeBuildClient({ region: 'eu-west-1' }),
      'sisi-provision-network',
    );
    await expect(provisioner.provisionNetwork('kp-alliance-x1')).resolves.toEqual({
      status: 'provisioning',
    });
    const calls = codebuild.commandCalls(StartBuildCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      projectName: 'sisi-provision-network',
      environmentVariablesOverride: [
        { name: 'SISI_NETWORK_ID', value: 'kp-alliance-x1', type: 'PLAINTEXT' },
      ],
    });
  });

  it('fails when CodeBuild refuses or starts nothing, so the network is marked failed', async () => {
    const provisioner = new CodeBuildProvisioner(
      new CodeBuildClient({ region: 'eu-west-1' }),
      'sisi-provision-network',
    );
    codebuild.on(StartBuildCommand).resolvesOnce({}).rejectsOnce(new Error('AccountLimitExceeded'));
    await expect(provisioner.provisionNetwork('kp-a1')).rejects.toThrow(/no build/);
    await expect(provisioner.provisionNetwork('kp-a1')).rejects.toThrow('AccountLimitExceeded');
  });
});
