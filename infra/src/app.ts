import { App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { SisiConfig } from './config.ts';
import { EdgeStack } from './edge-stack.ts';
import { names } from './names.ts';
import { NetworkStack } from './network-stack.ts';
import { PlatformStack } from './platform-stack.ts';

export interface SisiAppOptions {
  config: SisiConfig;
  /** The networks to synthesize a stack for. */
  networks: string[];
  /** The built SPA; without it the platform stack is left out (the provisioning build). */
  spaDir?: string;
  /** The app to add the stacks to (default: a new one). */
  app?: App;
  env?: Environment;
}

/**
 * The CDK app: the edge stack (us-east-1), the platform stack and one stack per network, all under cdk-nag's
 * AwsSolutions checks (a finding fails synthesis unless acknowledged with a reason).
 *
 * @example
 * const app = buildSisiApp({ config, networks: config.networks, spaDir: 'web/dist' });
 * app.synth();
 */
export function buildSisiApp(options: SisiAppOptions) {
  const { config } = options;
  const n = names(config.prefix);
  const app = options.app ?? new App();
  // CloudFront's web ACL must be in us-east-1, whatever the platform's region.
  const edge = options.spaDir
    ? new EdgeStack(app, n.edgeStack, {
        stackName: n.edgeStack,
        description: "Sisi edge: the CloudFront distribution's web ACL (us-east-1)",
        config,
        env: {
          region: 'us-east-1',
          ...(options.env?.account ? { account: options.env.account } : {}),
        },
      })
    : undefined;
  const platform = options.spaDir
    ? new PlatformStack(app, n.platformStack, {
        stackName: n.platformStack,
        description: 'Sisi platform: identity, API, SPA, mail, rollups, provisioning',
        config,
        spaDir: options.spaDir,
        ...(options.env ? { env: options.env } : {}),
      })
    : undefined;
  const networks = options.networks.map(
    (networkId) =>
      new NetworkStack(app, n.networkStack(networkId), {
        stackName: n.networkStack(networkId),
        description: `Sisi network ${networkId}: its table, key and lifecycle`,
        config,
        networkId,
        ...(options.env ? { env: options.env } : {}),
      }),
  );
  // The platform reads the web ACL's ARN at deploy time, so the edge stack goes first.
  if (platform && edge) platform.addDependency(edge);
  // A network stack finds the platform's resources by name at deploy time; deployed
  // together by hand, the platform goes first.
  if (platform) for (const stack of networks) stack.addStackDependency(platform);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, edge, platform, networks };
}
