import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName } from '@sisi/data';
import type { TestApi } from './api.ts';
import { testDynamo } from './dynamo.ts';
import { createOrganization, type Member, type Organization, uniqueEmail } from './fixtures.ts';
import { expectJson } from './problem.ts';

/** A coach of the pool as the API answers it. */
export interface Coach {
  personId: string;
  name: string;
  organizationId: string;
  city?: string;
  areas: { area: string; evidence?: string; links: string[] }[];
  coachedOnTciModel: boolean;
  willing: boolean;
  maxPeers: number;
  activeCoachings: number;
  version: number;
}

/** A coaching as the API answers it (status, and for the pair the needs assessment). */
export interface Coaching {
  id: string;
  version: number;
  coach: { id: string; name: string; organizationId: string };
  peer: { id: string; name: string; organizationId: string };
  status: 'active' | 'closed';
  sessionsHeld: number;
  lastSessionDate?: string;
  nextMeetingDate?: string;
  averageQuality?: number;
  plan: {
    state: string;
    stepsTotal: number;
    stepsDone: number;
    stepsBehind: number;
    stepsOpen: number;
    periodEnd?: string;
  };
  myRole?: 'coach' | 'peer';
  needsAssessment?: unknown;
}

export interface Suggestions {
  suggestions: {
    personId: string;
    score: number;
    reasons: { kind: string; points: number; text: string }[];
    coveredAreas: string[];
  }[];
  excluded: { personId: string; reason: string }[];
}

/**
 * A network for coaching: the peer's organization (with the peer and a bystander), the
 * coaches' organization, an outsider organization, the coordinators of each, and another
 * network's admin.
 */
export interface CoachingWorld {
  networkId: string;
  peerOrg: Organization;
  coachOrg: Organization;
  outsiderOrg: Organization;
  otherNetworkId: string;
  people: {
    peer: string;
    bystander: string;
    /** Members of the coaches' organization, not yet in the pool. */
    coaches: string[];
    /** A member of the peer's own organization, not yet in the pool. */
    colleague: string;
  };
  tokens: {
    admin: string;
    peerCoordinator: string;
    coachCoordinator: string;
    outsiderCoordinator: string;
    peer: string;
    bystander: string;
    coaches: string[];
    colleague: string;
    otherAdmin: string;
  };
}

const coordinatorToken = (api: TestApi, networkId: string, org: Organization) =>
  api.tokenFor({
    id: org.coordinatorId,
    roles: ['coordinator'],
    networkId,
    organizationId: org.id,
  });

async function member(
  api: TestApi,
  networkId: string,
  adminToken: string,
  org: string,
  name: string,
) {
  const m = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${org}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('person'), name },
    }),
    201,
  );
  const token = await api.tokenFor({ id: m.id, roles: ['member'], networkId, organizationId: org });
  return { id: m.id, token };
}

/**
 * Builds a `CoachingWorld` with `coaches` members in the coaches' organization.
 *
 * @example
 * const w = await coachingWorld(api, 3);
 * await addCoach(api, w, w.people.coaches[0]!, { areas: [{ area: 'monitoring-evaluation' }] });
 */
export async function coachingWorld(api: TestApi, coaches = 4): Promise<CoachingWorld> {
  const { networkId, adminToken } = await api.createNetwork('Coaching network');
  const peerOrg = await createOrganization(api, networkId, adminToken, { name: 'Peer clinic' });
  const coachOrg = await createOrganization(api, networkId, adminToken, { name: 'Coach clinic' });
  const outsiderOrg = await createOrganization(api, networkId, adminToken, { name: 'Outsider' });
  const peer = await member(api, networkId, adminToken, peerOrg.id, 'Pendo Peer');
  const bystander = await member(api, networkId, adminToken, peerOrg.id, 'Baraka Bystander');
  const colleague = await member(api, networkId, adminToken, peerOrg.id, 'Chiku Colleague');
  const coachMembers = [];
  for (let i = 0; i < coaches; i++) {
    coachMembers.push(
      await member(api, networkId, adminToken, coachOrg.id, `Coach ${String.fromCharCode(65 + i)}`),
    );
  }
  const other = await api.createNetwork('Other coaching network');
  return {
    networkId,
    peerOrg,
    coachOrg,
    outsiderOrg,
    otherNetworkId: other.networkId,
    people: {
      peer: peer.id,
      bystander: bystander.id,
      coaches: coachMembers.map((c) => c.id),
      colleague: colleague.id,
    },
    tokens: {
      admin: adminToken,
      peerCoordinator: await coordinatorToken(api, networkId, peerOrg),
      coachCoordinator: await coordinatorToken(api, networkId, coachOrg),
      outsiderCoordinator: await coordinatorToken(api, networkId, outsiderOrg),
      peer: peer.token,
      bystander: bystander.token,
      coaches: coachMembers.map((c) => c.token),
      colleague: colleague.token,
      otherAdmin: other.adminToken,
    },
  };
}

/** Adds a person to the pool as the admin and, unless `willing: false`, has them confirm. */
export async function addCoach(
  api: TestApi,
  w: CoachingWorld,
  person: { id: string; token: string },
  body: Record<string, unknown>,
  options: { willing?: boolean } = {},
): Promise<Coach> {
  let coach = await expectJson<Coach>(
    await api.call('POST', `/networks/${w.networkId}/coaches`, {
      token: w.tokens.admin,
      body: { personId: person.id, ...body },
    }),
    201,
  );
  if (options.willing !== false) {
    coach = await expectJson<Coach>(
      await api.call('PUT', `/networks/${w.networkId}/coaches/${person.id}/willingness`, {
        token: person.token,
        body: { willing: true },
      }),
      200,
    );
  }
  return coach;
}

/** A needs assessment for the API. */
export const assessment = (overrides: Record<string, unknown> = {}) => ({
  date: '2025-01-10',
  areas: [{ area: 'monitoring-evaluation', priority: 'high', skills: ['Data quality checks'] }],
  city: 'Nairobi',
  ...overrides,
});

/** Every raw item of a coaching's partition in the network's table, as DynamoDB holds it. */
export async function rawCoachingItems(
  api: TestApi,
  networkId: string,
  coachingId: string,
): Promise<Record<string, unknown>[]> {
  const { doc, client } = testDynamo();
  try {
    const out = await doc.send(
      new QueryCommand({
        TableName: networkTableName(api.prefix, networkId),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `COACHING#${coachingId}` },
      }),
    );
    return out.Items ?? [];
  } finally {
    doc.destroy();
    client.destroy();
  }
}
