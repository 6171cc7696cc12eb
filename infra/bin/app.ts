import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildSisiApp } from '../src/app.ts';
import { loadConfig, networksToDeploy, parseConfig } from '../src/config.ts';
import { REPO_ROOT } from '../src/functions.ts';

// `cdk synth|deploy` entry. The provisioning build passes its config as SISI_CONFIG (the
// platform's own, frozen at its deploy) and the network with `--context network=<id>`; it
// synthesizes only the network stacks, so it needs no built SPA.
const app = new App();
const contextNetwork: unknown = app.node.tryGetContext('network');
const config = process.env.SISI_CONFIG
  ? parseConfig(JSON.parse(process.env.SISI_CONFIG))
  : loadConfig(process.env.SISI_CONFIG_FILE ?? join(REPO_ROOT, 'infra', 'sisi.config.json'));
const provisioning = contextNetwork !== undefined;
const spaDir = join(REPO_ROOT, 'web', 'dist');
if (!provisioning && !existsSync(join(spaDir, 'index.html'))) {
  throw new Error('web/dist/index.html is missing: run `pnpm build:web` before synthesizing');
}
const env =
  process.env.CDK_DEFAULT_ACCOUNT && process.env.CDK_DEFAULT_REGION
    ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
    : undefined;

buildSisiApp({
  app,
  config,
  networks: networksToDeploy(config, contextNetwork),
  ...(provisioning ? {} : { spaDir }),
  ...(env ? { env } : {}),
});
app.synth();
