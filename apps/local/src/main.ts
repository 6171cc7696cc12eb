import { isLoopback, readSettings } from './env.ts';
import { startRuntime } from './runtime.ts';

/** `pnpm start`: the embedded runtime with the settings of API.md. */
async function main(): Promise<void> {
  // Node 20 is supported here until the AWS SDK drops it; its notice at every start is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const settings = readSettings({ SISI_DEMO: '1', ...process.env });
  console.log(`Sisi: starting (data in ${settings.dataDir})…`);
  const runtime = await startRuntime(settings);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // a second signal: stop now (the exit handlers still end DynamoDB Local)
      console.log(`Sisi: ${signal} again, stopping now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Sisi: ${signal}, stopping (requests in progress finish first)…`);
    await runtime.stop();
    console.log('Sisi: stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log(`\nSisi is running at ${runtime.url}`);
  if (!isLoopback(settings.host)) {
    console.log(
      `  listening on ${settings.host} (SISI_HOST): other machines that reach this address reach Sisi too`,
    );
  }
  console.log(`API reference: ${runtime.url}/api/v1/docs`);
  console.log(`DynamoDB Local: ${runtime.dynamo.endpoint}`);
  const { created, credentialsFile } = runtime.operator;
  if (created) {
    console.log(`\nPlatform operator created: ${created.email}`);
    if (created.demo) console.log(`  password: ${created.password}`);
  }
  if (credentialsFile) {
    console.log(`  the operator's email and password are kept in ${credentialsFile}`);
  }
  if (runtime.demo) {
    console.log(`\nDemo network ${runtime.demo.networkId}:`);
    console.log(`  network admin: ${runtime.demo.admin.email} / ${runtime.demo.admin.password}`);
    console.log(
      `  coordinator:   ${runtime.demo.coordinator.email} / ${runtime.demo.coordinator.password}`,
    );
    if (runtime.demo.donor) {
      console.log(`  donor:         ${runtime.demo.donor.email} / ${runtime.demo.donor.password}`);
    }
    console.log('  (also in the data folder, demo-credentials.json)');
  }
  console.log('\nPress Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
