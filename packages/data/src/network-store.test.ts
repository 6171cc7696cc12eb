import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createNetworkStore } from './network-store.ts';
import { MentorshipRepository } from './repositories/mentorship-repository.ts';
import { ReviewRepository } from './repositories/review-repository.ts';

const doc = {} as DynamoDBDocumentClient;

describe('createNetworkStore', () => {
  it('gives every repository of the network, the same instance on each read', () => {
    const store = createNetworkStore(doc, 'sisi-net-a');
    expect(store.mentorships).toBeInstanceOf(MentorshipRepository);
    expect(store.reviews).toBeInstanceOf(ReviewRepository);
    expect(store.mentorships).toBe(store.mentorships);
    for (const name of [
      'organizations',
      'people',
      'mentorships',
      'capacity',
      'reviews',
      'summaryReports',
      'progress',
      'reflection',
      'evaluations',
      'coaching',
      'coachingGroups',
      'coachingPrograms',
    ] as const) {
      expect(store[name], name).toBeDefined();
    }
  });

  it('keeps each store to its own table', async () => {
    const tables: unknown[] = [];
    const recording = {
      send: async (command: { input: { TableName?: string } }) => {
        tables.push(command.input.TableName);
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    const a = createNetworkStore(recording, 'sisi-net-a');
    const b = createNetworkStore(recording, 'sisi-net-b');
    expect(a.people).not.toBe(b.people);
    expect(await a.mentorships.get('m1')).toBeUndefined();
    expect(await b.organizations.get('o1')).toBeUndefined();
    expect(tables).toEqual(['sisi-net-a', 'sisi-net-b']);
  });
});
