import { App, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { SisiConfig } from './config.ts';
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
 * The CDK app: the platform stack and one stack per network, all under cdk-nag's
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
  // A network stack finds the platform's resources by name at deploy time; deployed
  // together by hand, the platform goes first.
  if (platform) for (const stack of networks) stack.addStackDependency(platform);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, platform, networks };
}
