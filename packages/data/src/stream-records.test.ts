import { describe, expect, it } from 'vitest';
import { type DynamoDbStreamRecord, toRollupRecord } from './stream-records.ts';

const ARN =
  'arn:aws:dynamodb:eu-west-1:123456789012:table/sisi-net-kp-alliance-x1/stream/2026-01-01T00:00:00.000';
const raw = (extra: Partial<DynamoDbStreamRecord> = {}): DynamoDbStreamRecord => ({
  eventName: 'MODIFY',
  eventSourceARN: ARN,
  dynamodb: {
    SequenceNumber: '1000',
    Keys: { PK: { S: 'ORG#o1' }, SK: { S: 'ORG' } },
    NewImage: { PK: { S: 'ORG#o1' }, SK: { S: 'ORG' }, kpLed: { BOOL: true } },
    OldImage: { PK: { S: 'ORG#o1' }, SK: { S: 'ORG' }, kpLed: { BOOL: false } },
  },
  ...extra,
});

describe('toRollupRecord', () => {
  it("decodes a network table's write: its network, keys and both images", () => {
    expect(toRollupRecord('sisi', raw())).toEqual({
      networkId: 'kp-alliance-x1',
      eventName: 'MODIFY',
      sequenceNumber: '1000',
      keys: { PK: 'ORG#o1', SK: 'ORG' },
      newImage: { PK: 'ORG#o1', SK: 'ORG', kpLed: true },
      oldImage: { PK: 'ORG#o1', SK: 'ORG', kpLed: false },
    });
  });

  it('skips records of other tables and records without keys or a sequence number', () => {
    expect(
      toRollupRecord(
        'sisi',
        raw({ eventSourceARN: ARN.replace('-net-kp-alliance-x1', '-platform') }),
      ),
    ).toBeUndefined();
    expect(toRollupRecord('other', raw())).toBeUndefined();
    expect(toRollupRecord('sisi', raw({ dynamodb: { SequenceNumber: '1' } }))).toBeUndefined();
    expect(toRollupRecord('sisi', raw({ eventName: undefined }))).toBeUndefined();
  });
});
