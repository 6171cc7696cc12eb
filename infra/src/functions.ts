import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The repository's root: Lambda entries and the lockfile are found from it. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Lambda entries of the AWS runtime (`apps/aws`), by path only (infra imports no
 * function code: DESIGN.md).
 */
export const ENTRIES = {
  api: 'apps/aws/src/entries/api.ts',
  provisioningEvents: 'apps/aws/src/entries/provisioning.ts',
  lifecycle: 'apps/aws/src/entries/lifecycle.ts',
  rollup: 'apps/aws/src/entries/rollup.ts',
  mailQueue: 'apps/aws/src/entries/mail-queue.ts',
} as const;

/** The WebP decoder's WebAssembly module, from the API's dependency (repository-relative). */
const WEBP_WASM = 'functions/api/node_modules/@jsquash/webp/codec/dec/webp_dec.wasm';

/**
 * The newest Node.js runtime `aws-cdk-lib` knows, which is what cdk-nag's AwsSolutions-L1
 * asks for. arm64 is about 20% cheaper per GB-second than x86 for the same work.
 */
export const NODE_RUNTIME = Runtime.NODEJS_24_X;

export interface SisiFunctionProps {
  entry: keyof typeof ENTRIES;
  description: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  functionName?: string;
  role?: IRole;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * A Node.js Lambda bundled by the workspace's esbuild (no Docker): ESM, minified, with
 * source maps, its own log group with retention, X-Ray tracing and JSON logs. The AWS SDK
 * is bundled too, so the code runs with the SDK version its tests ran with.
 */
export function sisiFunction(scope: Construct, id: string, props: SisiFunctionProps) {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: props.logRetention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // Our own role rather than CDK's default with the AWS-managed basic execution policy,
  // which would allow writing to every log group of the account.
  const role =
    props.role ??
    new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
  logGroup.grantWrite(role);
  return new NodejsFunction(scope, id, {
    entry: join(REPO_ROOT, ENTRIES[props.entry]),
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
    runtime: NODE_RUNTIME,
    architecture: Architecture.ARM_64,
    description: props.description,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(30),
    tracing: Tracing.ACTIVE,
    loggingFormat: LoggingFormat.JSON,
    logGroup,
    environment: {
      ...props.environment,
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    ...(props.functionName ? { functionName: props.functionName } : {}),
    role,
    bundling: {
      format: OutputFormat.ESM,
      target: 'node24',
      minify: true,
      logLevel: LogLevel.ERROR,
      sourceMap: true,
      externalModules: [],
      mainFields: ['module', 'main'],
      // CommonJS dependencies (nodemailer) call require() on Node built-ins.
      banner:
        "import { createRequire as __sisiCreateRequire } from 'node:module'; const require = __sisiCreateRequire(import.meta.url);",
      // The API decodes WebP photos with libwebp as WebAssembly, read next to the bundle
      // (functions/api/src/image-check.ts, ADR 0024).
      ...(props.entry === 'api'
        ? {
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (inputDir: string, outputDir: string) => [
                `cp "${join(inputDir, WEBP_WASM)}" "${join(outputDir, 'webp_dec.wasm')}"`,
              ],
            },
          }
        : {}),
    },
  });
}
