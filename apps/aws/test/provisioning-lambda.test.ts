import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { BuildStateChangeEvent } from '@sisi/api';
import { createTableInput, PlatformRepository, platformTable, platformTableName } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDynamo } from '../../../test/support/dynamo.ts';
import { createProvisioningLambda } from '../src/lambdas.ts';

const dynamo = testDynamo();
const platform = new PlatformRepository(dynamo.doc, platformTableName(dynamo.prefix));

/** EventBridge's "CodeBuild Build State Change" for the provisioning build of a network. */
const ended = (networkId: string, status: string): BuildStateChangeEvent => ({
  source: 'aws.codebuild',
  'detail-type': 'CodeBuild Build State Change',
  detail: {
    'build-status': status,
    'additional-information': {
      environment: { 'environment-variables': [{ name: 'SISI_NETWORK_ID', value: networkId }] },
      phases: [{ 'phase-type': 'BUILD', 'phase-status': 'FAILED', 'phase-context': ['boom'] }],
    },
  },
});

beforeAll(async () => {
  // DynamoDB Local makes a table ACTIVE at once: no wait needed
  await dynamo.client.send(
    new CreateTableCommand(createTableInput(platformTable, platformTableName(dynamo.prefix))),
  );
  for (const id of ['kp-prov-ok1', 'kp-prov-bad1']) {
    await platform.transact([
      platform.createNetworkOp({
        id,
        name: id,
        region: 'eu-west-1',
        status: 'provisioning',
        defaultLanguage: 'en',
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    ]);
  }
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  dynamo.client.destroy();
  dynamo.doc.destroy();
});

describe('the provisioning Lambda', () => {
  it("moves a finished build's network to active, or to failed with the reason", async () => {
    const handle = createProvisioningLambda(
      { SISI_TABLE_PREFIX: dynamo.prefix },
      { doc: dynamo.doc },
    );
    await handle(ended('kp-prov-ok1', 'SUCCEEDED'));
    await handle(ended('kp-prov-bad1', 'FAILED'));
    expect(await platform.getNetwork('kp-prov-ok1')).toMatchObject({ status: 'active' });
    expect(await platform.getNetwork('kp-prov-bad1')).toMatchObject({
      status: 'failed',
      statusReason: 'provisioning build FAILED in BUILD: boom',
    });
  });

  it('refuses to start without a valid table prefix, naming the variable', () => {
    expect(() => createProvisioningLambda({ SISI_TABLE_PREFIX: '' })).toThrow(
      /^invalid provisioning settings:\n {2}SISI_TABLE_PREFIX: /,
    );
  });
});
