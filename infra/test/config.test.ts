import { describe, expect, it } from 'vitest';
import { networksToDeploy, parseConfig } from '../src/config.ts';
import { names } from '../src/names.ts';

const base = {
  prefix: 'sisi',
  mail: { from: 'Sisi <no-reply@sisi.example.org>', domain: 'sisi.example.org' },
};

describe('config', () => {
  it('takes defaults for retention and networks', () => {
    expect(parseConfig(base)).toMatchObject({ logRetentionDays: 90, networks: [] });
  });

  it('names every bad field', () => {
    expect(() =>
      parseConfig({ ...base, prefix: 'Sisi!', networks: ['ok-network', 'NOT_AN_ID'], extra: 1 }),
    ).toThrow(/prefix: must be a table prefix[\s\S]*networks\.1: must be a network id/);
    expect(() => parseConfig({ ...base, networks: ['kp-a1', 'kp-a1'] })).toThrow(/listed twice/);
    expect(() =>
      parseConfig({
        ...base,
        domain: {
          name: 'sisi.example.org',
          certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x',
        },
      }),
    ).toThrow(/us-east-1/);
  });

  it('adds the network the provisioning build names, once, and refuses a bad one', () => {
    const config = parseConfig({ ...base, networks: ['kp-one'] });
    expect(networksToDeploy(config, undefined)).toEqual(['kp-one']);
    expect(networksToDeploy(config, 'kp-two-x7k2p9')).toEqual(['kp-one', 'kp-two-x7k2p9']);
    expect(networksToDeploy(config, 'kp-one')).toEqual(['kp-one']);
    expect(() => networksToDeploy(config, '../etc')).toThrow(/not a network id/);
  });

  it('derives the key alias the field cipher uses from the table name (ADR 0009)', () => {
    expect(names('sisi').networkKeyAlias('kp-x1-abcdef')).toBe('alias/sisi-net-kp-x1-abcdef');
    expect(names('sisi').stateMachine('kp-x1-abcdef')).toBe('sisi-lifecycle-kp-x1-abcdef');
  });
});
