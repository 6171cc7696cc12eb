import { MentorshipRepository, networkTable, networkTableName, Table } from '@sisi/data';
import { type Mentorship, reviewSchedule } from '@sisi/domain';
import { ensureTable } from '@sisi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDynamo } from '../support/dynamo.ts';

const mentorship = (): Mentorship => {
  const schedule = reviewSchedule('2026-01-15', 12);
  return {
    id: 'mentorship01',
    networkId: 'net-a',
    version: 1,
    type: 'one-to-one',
    stage: 'build-relationship',
    mentorOrganizationId: 'mentororg1',
    menteeOrganizationIds: ['menteeorg1'],
    peerMentoring: [],
    participantIds: [],
    startDate: '2026-01-15',
    durationMonths: 12,
    schedule,
    reviews: [],
    agreements: [],
    history: [],
    approaches: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
};

describe('MentorshipRepository on DynamoDB Local', () => {
  const { client, doc, prefix } = testDynamo();
  const table = networkTableName(prefix, 'net-a');
  const repo = new MentorshipRepository(doc, table);
  beforeAll(() => ensureTable(client, networkTable, table));

  it('a stage change from an earlier read keeps the approaches the plan set meanwhile', async () => {
    const read = mentorship();
    await repo.create(read);
    // the plan is saved after the stage move read the mentorship…
    await new Table(doc, table).transact([
      repo.approachesOp(read.id, ['twinning', 'telementoring'], '2026-01-02T00:00:00Z'),
    ]);
    // …and the stage move writes what it read, one version on
    await repo.replace({ ...read, version: 2, stage: 'identify-expectations' }, 1);
    const stored = await repo.get(read.id);
    expect(stored?.stage).toBe('identify-expectations');
    expect(stored?.version).toBe(2);
    expect(stored?.approaches).toEqual(['twinning', 'telementoring']);
  });

  it('refuses a write from a stale version and changes nothing', async () => {
    const current = await repo.get('mentorship01');
    await expect(
      repo.replace({ ...current!, version: 3, stage: 'build-relationship' }, 1),
    ).rejects.toThrow(/changed meanwhile/);
    expect((await repo.get('mentorship01'))?.stage).toBe('identify-expectations');
  });
});
