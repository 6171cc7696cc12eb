import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkCredentials } from './network-credentials.ts';

const sts = mockClient(STSClient);
afterEach(() => sts.reset());

const ROLE = 'arn:aws:iam::123456789012:role/sisi-network-access';
const HOUR = 3_600_000;
let issued = 0;
const session = (expiresAt: number) => ({
  Credentials: {
    AccessKeyId: `AKIA${++issued}`,
    SecretAccessKey: 'secret',
    SessionToken: 'token',
    Expiration: new Date(expiresAt),
  },
});

describe('NetworkCredentials', () => {
  it('assumes the access role with the network as a transitive session tag', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    sts.on(AssumeRoleCommand).callsFake(async () => session(now + HOUR));
    const credentials = new NetworkCredentials(new STSClient({ region: 'eu-west-1' }), {
      roleArn: ROLE,
      now: () => now,
    });
    const got = await credentials.get('kp-alliance-x1');
    expect(got.sessionToken).toBe('token');
    const calls = sts.commandCalls(AssumeRoleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'sisi-api-kp-alliance-x1',
      DurationSeconds: 3600,
      Tags: [{ Key: 'network', Value: 'kp-alliance-x1' }],
      TransitiveTagKeys: ['network'],
    });
  });

  it('keeps one session per network until shortly before it expires', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    sts.on(AssumeRoleCommand).callsFake(async () => session(now + HOUR));
    const credentials = new NetworkCredentials(new STSClient({ region: 'eu-west-1' }), {
      roleArn: ROLE,
      now: () => now,
    });
    const first = await credentials.get('kp-a1');
    expect(await credentials.get('kp-a1')).toBe(first);
    const other = await credentials.get('kp-b2');
    expect(other.accessKeyId).not.toBe(first.accessKeyId);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);

    now += HOUR - 6 * 60_000; // 6 minutes left: still good
    expect(await credentials.get('kp-a1')).toBe(first);
    now += 2 * 60_000; // 4 minutes left: renewed
    const renewed = await credentials.get('kp-a1');
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    const tags = sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.Tags?.[0]?.Value);
    expect(tags).toEqual(['kp-a1', 'kp-b2', 'kp-a1']);
  });

  it('shares one AssumeRole among concurrent requests, and does not keep a failure', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    sts
      .on(AssumeRoleCommand)
      .rejectsOnce(Object.assign(new Error('denied'), { name: 'AccessDenied' }))
      .callsFake(async () => session(now + HOUR));
    const credentials = new NetworkCredentials(new STSClient({ region: 'eu-west-1' }), {
      roleArn: ROLE,
      now: () => now,
    });
    await expect(credentials.get('kp-a1')).rejects.toThrow('denied');
    const [a, b] = await Promise.all([credentials.get('kp-a1'), credentials.get('kp-a1')]);
    expect(a).toBe(b);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('checks its options up front', () => {
    expect(
      () => new NetworkCredentials(new STSClient({}), { roleArn: 'sisi-network-access' }),
    ).toThrow(/not a role ARN/);
  });
});
