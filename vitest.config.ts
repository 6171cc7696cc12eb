import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{packages,functions,infra,test}/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'web/dist/**', '**/.sisi/**', '**/cdk.out/**'],
    globalSetup: ['./test/setup/dynamodb.global.ts'],
    // Child processes (DynamoDB Local, spawned runtimes) behave better under forks than threads.
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
