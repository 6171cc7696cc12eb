import { describe, expect, it } from 'vitest';
import {
  createTableInput,
  networkTable,
  networkTableName,
  platformTable,
  platformTableName,
} from './tables.ts';

describe('networkTableName', () => {
  it('derives the name from the prefix and the network id', () => {
    expect(networkTableName('sisi', 'kp-alliance-x1')).toBe('sisi-net-kp-alliance-x1');
    expect(networkTableName('t1', 'abc')).toBe('t1-net-abc');
    expect(networkTableName('t1', `a${'b'.repeat(40)}`)).toBe(`t1-net-a${'b'.repeat(40)}`);
  });

  const rejected = [
    '',
    'ab',
    'Upper-case',
    '-leading-dash',
    'has space',
    'under_score',
    'dot.ted',
    '../platform',
    'x/y',
    `a${'b'.repeat(41)}`,
    'ümlaut',
    'abc\n',
  ];
  for (const id of rejected) {
    it(`refuses ${JSON.stringify(id)}`, () => {
      expect(() => networkTableName('sisi', id)).toThrow(/not a network id/);
    });
  }

  it('keeps the platform table out of reach of any network id', () => {
    expect(networkTableName('sisi', 'platform')).not.toBe(platformTableName('sisi'));
  });
});

describe('createTableInput', () => {
  const input = createTableInput(networkTable, 'sisi-net-x');

  it('turns on streams with both images', () => {
    expect(input.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('has PK/SK and both GSIs, projecting everything', () => {
    expect(input.TableName).toBe('sisi-net-x');
    expect(input.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(
      input.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema, i.Projection]),
    ).toEqual([
      [
        'GSI1',
        [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
        { ProjectionType: 'ALL' },
      ],
      [
        'GSI2',
        [
          { AttributeName: 'GSI2PK', KeyType: 'HASH' },
          { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
        ],
        { ProjectionType: 'ALL' },
      ],
    ]);
  });

  it('defines each key attribute once, as a string, and bills on demand', () => {
    const names = input.AttributeDefinitions?.map((a) => a.AttributeName);
    expect(names?.sort()).toEqual(['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'PK', 'SK']);
    expect(input.AttributeDefinitions?.every((a) => a.AttributeType === 'S')).toBe(true);
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('gives the platform table its one GSI and streams as well', () => {
    const platform = createTableInput(platformTable, platformTableName('sisi'));
    expect(platform.TableName).toBe('sisi-platform');
    expect(platform.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['GSI1']);
    expect(platform.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
  });
});
