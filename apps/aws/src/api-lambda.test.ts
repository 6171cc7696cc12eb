import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { clientAddress, createApp } from '@sisi/api';
import { executionInput } from '@sisi/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createCognitoTokenVerifier } from './adapters/cognito-tokens.ts';
import { NetworkClients } from './adapters/network-clients.ts';
import { NetworkCredentials } from './adapters/network-credentials.ts';
import { NetworkWorkflowStarter } from './adapters/network-workflows.ts';
import { buildAwsDeps } from './deps.ts';
import { ORIGIN_SECRET_HEADER, readApiSettings, VIEWER_ADDRESS_HEADER } from './settings.ts';

const sts = mockClient(STSClient);
const kms = mockClient(KMSClient);
const sfn = mockClient(SFNClient);
afterEach(() => {
  sts.reset();
  kms.reset();
  sfn.reset();
});

const ENV = {
  SISI_TABLE_PREFIX: 'sisi',
  SISI_BASE_URL: 'https://sisi.example.org/',
  SISI_MAIL_FROM: 'Sisi <no-reply@sisi.example.org>',
  SISI_SES_CONFIGURATION_SET: 'sisi-mail',
  SISI_USER_POOL_ID: 'eu-west-1_AbCdEf123',
  SISI_USER_POOL_CLIENT_ID: 'a1b2c3d4e5f6g7h8i9j0k1l2m3',
  SISI_NETWORK_ACCESS_ROLE_ARN: 'arn:aws:iam::123456789012:role/sisi-network-access',
  SISI_PROVISIONING_PROJECT: 'sisi-provision-network',
  SISI_LIFECYCLE_ARN_PREFIX: 'arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle-',
  SISI_UPLOADS_BUCKET: 'sisi-platform-uploads4f6eb0fd-abc123',
  SISI_ORIGIN_SECRET: 'Zq7v3YkP0aT9mW2xR5nB8cL1dF4gH6jS',
};
const assumed = () => ({
  Credentials: {
    AccessKeyId: 'ASIAEXAMPLE',
    SecretAccessKey: 'secret',
    SessionToken: 'session',
    Expiration: new Date(Date.now() + 3_600_000),
  },
});

describe('readApiSettings', () => {
  it('reads every setting and derives the Cognito issuer from the pool id', () => {
    expect(readApiSettings(ENV)).toEqual({
      tablePrefix: 'sisi',
      baseUrl: 'https://sisi.example.org',
      mailFrom: ENV.SISI_MAIL_FROM,
      configurationSetName: 'sisi-mail',
      userPoolId: ENV.SISI_USER_POOL_ID,
      userPoolClientId: ENV.SISI_USER_POOL_CLIENT_ID,
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
      networkAccessRoleArn: ENV.SISI_NETWORK_ACCESS_ROLE_ARN,
      provisioningProject: 'sisi-provision-network',
      lifecycleArnPrefix: ENV.SISI_LIFECYCLE_ARN_PREFIX,
      uploadsBucket: ENV.SISI_UPLOADS_BUCKET,
      donorThreshold: 5,
      auditRetentionDays: 400,
      originSecret: ENV.SISI_ORIGIN_SECRET,
    });
    expect(readApiSettings({ ...ENV, SISI_AUDIT_RETENTION_DAYS: '30' }).auditRetentionDays).toBe(
      30,
    );
    expect(() => readApiSettings({ ...ENV, SISI_AUDIT_RETENTION_DAYS: '0' })).toThrow(
      /SISI_AUDIT_RETENTION_DAYS/,
    );
    expect(readApiSettings({ ...ENV, SISI_DONOR_THRESHOLD: '11' }).donorThreshold).toBe(11);
    expect(() => readApiSettings({ ...ENV, SISI_DONOR_THRESHOLD: '1' })).toThrow(
      /SISI_DONOR_THRESHOLD/,
    );
  });

  it('fails naming every missing or bad variable', () => {
    const { SISI_UPLOADS_BUCKET: _, ...rest } = ENV;
    expect(() =>
      readApiSettings({ ...rest, SISI_BASE_URL: 'not a url', SISI_NETWORK_ACCESS_ROLE_ARN: '' }),
    ).toThrow(/SISI_BASE_URL[\s\S]*SISI_NETWORK_ACCESS_ROLE_ARN[\s\S]*SISI_UPLOADS_BUCKET/);
  });
});

describe('buildAwsDeps', () => {
  it('builds a complete API (no dev routes) from the settings', async () => {
    const app = createApp(buildAwsDeps(readApiSettings(ENV)).api);
    expect((await app.request('/api/v1/me')).status).toBe(401);
    expect((await app.request('/api/v1/dev/outbox')).status).not.toBe(200);
  });

  it('builds each part at its first use and keeps it, sharing the platform table', () => {
    const deps = buildAwsDeps(readApiSettings(ENV));
    expect(deps.api).toBe(deps.api);
    expect(deps.api.platform).toBe(deps.platform);
    expect(deps.rollup).toBe(deps.rollup);
  });
});

describe('the client address on AWS', () => {
  it("is CloudFront's viewer address with the origin secret, else API Gateway's source address", async () => {
    const source = buildAwsDeps(readApiSettings(ENV)).api.clientAddress;
    const app = new Hono().get('/', (c) => c.text(clientAddress(c, source)));
    const edge = { requestContext: { http: { sourceIp: '130.176.1.9' } } };
    const viewer = {
      [VIEWER_ADDRESS_HEADER]: '198.51.100.2',
      'cloudfront-viewer-address': '198.51.100.9:46532',
      'x-forwarded-for': '203.0.113.1',
    };
    const ask = async (headers: Record<string, string>) =>
      (await app.request('/', { headers }, edge)).text();
    expect(await ask({ ...viewer, [ORIGIN_SECRET_HEADER]: ENV.SISI_ORIGIN_SECRET })).toBe(
      '198.51.100.2',
    );
    expect(await ask(viewer)).toBe('130.176.1.9');
    expect(await ask({ ...viewer, [ORIGIN_SECRET_HEADER]: 'a guess at the secret' })).toBe(
      '130.176.1.9',
    );
  });
});

describe('NetworkClients', () => {
  it("signs a network's DynamoDB and KMS calls with that network's session-tagged credentials", async () => {
    sts.on(AssumeRoleCommand).callsFake(async () => assumed());
    kms.on(GenerateDataKeyCommand).resolves({
      Plaintext: new Uint8Array(32),
      CiphertextBlob: new Uint8Array([1, 2, 3]),
    });
    const clients = new NetworkClients({
      tablePrefix: 'sisi',
      credentials: new NetworkCredentials(new STSClient({ region: 'eu-west-1' }), {
        roleArn: ENV.SISI_NETWORK_ACCESS_ROLE_ARN,
      }),
      clientConfig: { region: 'eu-west-1' },
    });
    const { doc, table } = clients.table('kp-alliance-x1');
    expect(table).toBe('sisi-net-kp-alliance-x1');
    const credentials = await (doc.config.credentials as () => Promise<{ sessionToken: string }>)();
    expect(credentials.sessionToken).toBe('session');
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input.Tags).toEqual([
      { Key: 'network', Value: 'kp-alliance-x1' },
    ]);

    await clients.generateDataKey({ network: 'kp-beta-x2', purpose: 'coaching' });
    const [call] = kms.commandCalls(GenerateDataKeyCommand);
    expect(call!.args[0].input).toMatchObject({
      KeyId: 'alias/sisi-net-kp-beta-x2',
      EncryptionContext: { network: 'kp-beta-x2', purpose: 'coaching' },
    });
    const kmsClient = call!.thisValue as KMSClient;
    await (kmsClient.config.credentials as () => Promise<unknown>)();
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.Tags)).toEqual([
      [{ Key: 'network', Value: 'kp-alliance-x1' }],
      [{ Key: 'network', Value: 'kp-beta-x2' }],
    ]);
  });
});

describe('NetworkWorkflowStarter', () => {
  it("starts and stops executions in the mentorship's own network state machine", async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'x', startDate: new Date() });
    sfn.on(StopExecutionCommand).resolves({ stopDate: new Date() });
    const workflows = new NetworkWorkflowStarter(
      new SFNClient({ region: 'eu-west-1' }),
      ENV.SISI_LIFECYCLE_ARN_PREFIX,
    );
    const mentorship = {
      networkId: 'kp-beta-x2',
      id: 'm_123456',
      reviews: [{ kind: 'quarterly' as const, period: 1, dueDate: '2026-04-15' }],
    };
    await workflows.start('kp-beta-x2-m_123456-p1', executionInput(mentorship, 1));
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.stateMachineArn).toBe(
      'arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle-kp-beta-x2',
    );
    await workflows.stopMentorship('kp-beta-x2', 'm_123456', 1);
    expect(sfn.commandCalls(StopExecutionCommand)[0]!.args[0].input.executionArn).toBe(
      'arn:aws:states:eu-west-1:123456789012:execution:sisi-lifecycle-kp-beta-x2:kp-beta-x2-m_123456-p1',
    );
  });
});

describe('createCognitoTokenVerifier', () => {
  const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123';
  const clientId = ENV.SISI_USER_POOL_CLIENT_ID;

  it('names the person by their Sisi id (the Cognito username) and accepts ID tokens only', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const tokens = createCognitoTokenVerifier({ issuer, clientId, jwks: { keys: [jwk] } });
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('3f6c1a2e-0000-4000-8000-000000000000')
        .setIssuer(issuer)
        .setAudience(clientId)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const base = {
      email: 'amina@kp-org.example',
      name: 'Amina',
      'cognito:username': 'p7k2m9x4q8w3e5r6',
      'cognito:groups': ['coordinator'],
      'custom:network': 'kp-alliance-x1',
    };
    const claims = await tokens.verify(await sign({ ...base, token_use: 'id' }));
    expect(claims.sub).toBe('p7k2m9x4q8w3e5r6');
    expect(claims['custom:network']).toBe('kp-alliance-x1');
    await expect(tokens.verify(await sign({ ...base, token_use: 'access' }))).rejects.toThrow(
      /not an ID token/,
    );
  });
});
