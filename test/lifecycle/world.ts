import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { platformTableName } from '@sisi/data';
import type { MailMessage } from '@sisi/domain';
import {
  createLifecycleHandlers,
  type LifecycleDeps,
  type LifecycleHandlers,
} from '@sisi/lifecycle';
import { BASE, type TestApi } from '../support/api.ts';
import {
  createOrganization,
  type Member,
  type Organization,
  uniqueEmail,
} from '../support/fixtures.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';

type Org = Organization & { coordinatorEmail: string };

/** A network whose mentorships the tests drive through the lifecycle handlers. */
export interface LifecycleWorld {
  networkId: string;
  adminToken: string;
  adminEmail: string;
  mentor: Org;
  mentee: Org;
  secondMentee: Org;
  /** A member of `mentee` who takes part in every mentorship `start` makes. */
  participant: Member;
  /** Another network's admin: never told about this network. */
  otherAdminEmail: string;
  /** Calls of `startExecution`, in order. */
  started: { name: string; input: unknown }[];
  handlers: LifecycleHandlers;
  deps: LifecycleDeps;
  /** A token of the mentor organization's coordinator. */
  mentorCoordinatorToken(): Promise<string>;
  /** A mentorship of the world (12 months from 10 days ahead unless told), with participants. */
  start(options?: {
    startDate?: string;
    durationMonths?: number;
    mentees?: Org[];
  }): Promise<Mentorship>;
  /** Lifecycle mail of one mentorship (its links name it), oldest first. */
  mailOf(m: Mentorship): Promise<(MailMessage & { sentAt: string })[]>;
  /** `YYYY-MM-DD` of the runtime's clock, plus `days`. */
  day(days?: number): string;
}

/**
 * A network with a mentor, two mentees, a participating member and the lifecycle handlers
 * wired to the test API's own repositories, platform, clock and outbox.
 */
export async function lifecycleWorld(
  api: TestApi,
  overrides: Partial<LifecycleDeps> = {},
): Promise<LifecycleWorld> {
  const { networkId, adminToken, adminEmail } = await api.createNetwork('Lifecycle network');
  const mentor = await createOrganization(api, networkId, adminToken, { name: 'Amani Trust' });
  const mentee = await createOrganization(api, networkId, adminToken, { name: 'Sauti Yetu' });
  const secondMentee = await createOrganization(api, networkId, adminToken, {
    name: 'Kuza Collective',
  });
  const participant = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${mentee.id}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('participant'), name: 'Wanjiru Participant' },
    }),
    201,
  );
  const other = await api.createNetwork('Lifecycle other network');

  const started: LifecycleWorld['started'] = [];
  const deps: LifecycleDeps = {
    store: (id) => api.local.deps.store({ networkId: id }),
    platform: api.local.platform,
    mailer: api.local.deps.mailer,
    clock: api.local.clock,
    baseUrl: BASE,
    async startExecution(name, input) {
      started.push({ name, input });
    },
    ...overrides,
  };
  const day = (days = 0) =>
    new Date(api.local.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  return {
    networkId,
    adminToken,
    adminEmail,
    mentor,
    mentee,
    secondMentee,
    participant,
    otherAdminEmail: other.adminEmail,
    started,
    deps,
    handlers: createLifecycleHandlers(deps),
    mentorCoordinatorToken: () =>
      api.tokenFor({
        id: mentor.coordinatorId,
        roles: ['coordinator'],
        networkId,
        organizationId: mentor.id,
      }),
    async start(options = {}) {
      const mentees = options.mentees ?? [mentee];
      const m = await createMentorship(api, networkId, adminToken, {
        mentorOrganizationId: mentor.id,
        menteeOrganizationIds: mentees.map((o) => o.id),
        startDate: options.startDate ?? day(10),
        durationMonths: options.durationMonths ?? 12,
      });
      // the mentee's coordinator takes part too: still one mail for them
      return expectJson<Mentorship>(
        await api.call('PUT', `${mentorshipPath(networkId, m.id)}/participants`, {
          token: adminToken,
          body: { personIds: [participant.id, mentee.coordinatorId] },
        }),
        200,
      );
    },
    async mailOf(m) {
      const all = await api.local.outbox.list();
      return all.filter((mail) => mail.text.includes(`/mentorships/${m.id}`)).reverse();
    },
    day,
  };
}

/** Sets a person's language in the directory (nothing in the API sets it yet). */
export async function setLanguage(api: TestApi, userId: string, language: string): Promise<void> {
  await api.local.doc.send(
    new UpdateCommand({
      TableName: platformTableName(api.prefix),
      Key: { PK: `USER#${userId}`, SK: 'USER' },
      UpdateExpression: 'SET #l = :l',
      ExpressionAttributeNames: { '#l': 'language' },
      ExpressionAttributeValues: { ':l': language },
    }),
  );
}
