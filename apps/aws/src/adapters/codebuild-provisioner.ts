import { type CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import type { Provisioner } from '@sisi/api';

/**
 * The `Provisioner` port on AWS: starts the CodeBuild project that deploys the network's
 * stack (`cdk deploy <prefix>-network-<id>`), and answers `provisioning`. The network turns
 * `active` (or `failed`, with the reason) when the build ends: the EventBridge rule on the
 * build's state change runs the provisioning entry (`apps/aws/src/entries/provisioning.ts`).
 *
 * @example
 * const provisioner = new CodeBuildProvisioner(new CodeBuildClient({}), 'sisi-provision-network');
 * await provisioner.provisionNetwork('kp-alliance-x1'); // { status: 'provisioning' }
 */
export class CodeBuildProvisioner implements Provisioner {
  constructor(
    private readonly codebuild: CodeBuildClient,
    private readonly projectName: string,
  ) {
    if (!projectName) throw new Error('CodeBuildProvisioner: projectName is required');
  }

  async provisionNetwork(networkId: string): Promise<{ status: 'provisioning' }> {
    const out = await this.codebuild.send(
      new StartBuildCommand({
        projectName: this.projectName,
        environmentVariablesOverride: [
          { name: 'SISI_NETWORK_ID', value: networkId, type: 'PLAINTEXT' },
        ],
      }),
    );
    if (!out.build?.id) throw new Error(`CodeBuild started no build for network ${networkId}`);
    return { status: 'provisioning' };
  }
}
