import type { TestApi } from './api.ts';
import { createOrganization, type Member, type Organization, uniqueEmail } from './fixtures.ts';
import {
  agreeAll,
  createMentorship,
  type Mentorship,
  mentorshipPath,
  moveStage,
  STAGES,
  type Stage,
} from './mentorships.ts';
import { expectJson } from './problem.ts';

/** Everyone the access rules of a mentorship's routes tell apart, with a token each. */
export interface MentorshipWorld {
  networkId: string;
  mentor: Organization;
  mentee: Organization;
  /** An organization of the network that takes no part in the mentorship. */
  outsider: Organization;
  /** A mentorship between `mentor` and `mentee` (12 months from 2025-01-15). */
  mentorship: Mentorship;
  /** The mentee's member who takes part in `mentorship`. */
  participantId: string;
  /** Another network, whose people must get 404 everywhere here. */
  otherNetworkId: string;
  tokens: {
    admin: string;
    mentorCoordinator: string;
    menteeCoordinator: string;
    outsiderCoordinator: string;
    /** A member of the mentee who takes part in the mentorship. */
    participant: string;
    /** A member of the mentor who does not take part. */
    bystander: string;
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

/**
 * A network with a mentorship and one person of each kind (admin, coordinators inside
 * and outside it, a participating member, a member who is not in it), plus another
 * network's admin.
 *
 * @example
 * const w = await mentorshipWorld(api);
 * await api.call('GET', `${mentorshipPath(w.networkId, w.mentorship.id)}/plan`, { token: w.tokens.participant });
 */
export async function mentorshipWorld(api: TestApi, name = 'World'): Promise<MentorshipWorld> {
  const { networkId, adminToken } = await api.createNetwork(`${name} network`);
  const mentor = await createOrganization(api, networkId, adminToken, { name: `${name} mentor` });
  const mentee = await createOrganization(api, networkId, adminToken, { name: `${name} mentee` });
  const outsider = await createOrganization(api, networkId, adminToken, {
    name: `${name} outsider`,
  });
  const member = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${mentee.id}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('participant'), name: 'Participating Member' },
    }),
    201,
  );
  const created = await createMentorship(api, networkId, adminToken, {
    mentorOrganizationId: mentor.id,
    menteeOrganizationIds: [mentee.id],
  });
  const mentorship = await expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(networkId, created.id)}/participants`, {
      token: adminToken,
      body: { personIds: [member.id] },
    }),
    200,
  );
  const other = await api.createNetwork(`${name} other network`);
  return {
    networkId,
    mentor,
    mentee,
    outsider,
    mentorship,
    participantId: member.id,
    otherNetworkId: other.networkId,
    tokens: {
      admin: adminToken,
      mentorCoordinator: await coordinatorToken(api, networkId, mentor),
      menteeCoordinator: await coordinatorToken(api, networkId, mentee),
      outsiderCoordinator: await coordinatorToken(api, networkId, outsider),
      participant: await api.tokenFor({
        id: member.id,
        roles: ['member'],
        networkId,
        organizationId: mentee.id,
      }),
      bystander: await api.tokenFor({ roles: ['member'], networkId, organizationId: mentor.id }),
      otherAdmin: other.adminToken,
    },
  };
}

/** A new mentorship of the world, brought to `stage` (agreements given, moves made). */
export async function mentorshipAt(
  api: TestApi,
  w: MentorshipWorld,
  stage: Stage,
): Promise<Mentorship> {
  let m = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });
  if (stage === 'build-relationship') return m;
  m = await agreeAll(api, w.networkId, w.tokens.admin, m);
  if (stage === 'end') {
    return expectJson<Mentorship>(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/end`, {
        token: w.tokens.admin,
        body: { kind: 'natural', reason: 'goals met' },
      }),
      200,
    );
  }
  for (const next of STAGES.slice(1, STAGES.indexOf(stage) + 1)) {
    m = await expectJson<Mentorship>(
      await moveStage(api, w.networkId, w.tokens.admin, m.id, next),
      200,
    );
  }
  return m;
}
