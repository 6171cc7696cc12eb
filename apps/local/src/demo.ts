import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createApp, createPersonAccess, type PersonAccess } from '@sisi/api';
import type { CreateOrganizationInput } from '@sisi/domain';
import { writePrivateJson } from './bootstrap.ts';
import type { LocalDeps } from './local-deps.ts';

const SEEDED = 'demo.seeded';

export interface DemoCredentials {
  networkId: string;
  admin: { email: string; password: string };
  coordinator: { email: string; password: string };
  /** A funder of the demo network: reads its donor summary only. */
  donor?: { email: string; password: string };
}

/** Six fictional member organizations across countries and key populations. */
const ORGANIZATIONS: CreateOrganizationInput[] = [
  {
    name: 'Thandeka Sex Worker Collective',
    country: 'ZA',
    languages: ['en', 'zu'],
    keyPopulations: ['sex-workers'],
    kpLed: true,
    technicalAreas: ['peer-education', 'advocacy', 'violence-prevention-response'],
    strengthsOffered: ['Peer educator training curriculum', 'Crisis response team'],
    priorityNeeds: ['Financial management'],
    highSpeedInternet: true,
    nameVisibleToDonors: true,
    coordinatorEmail: 'coordinator.thandeka@demo.sisi.local',
    coordinatorName: 'Nomsa Dlamini',
  },
  {
    name: 'Rainbow Health Botswana',
    country: 'BW',
    languages: ['en', 'tn'],
    keyPopulations: ['msm', 'transgender'],
    kpLed: true,
    technicalAreas: ['clinical-services', 'adherence', 'peer-navigation'],
    strengthsOffered: ['KP-friendly clinic protocols'],
    priorityNeeds: ['Resource mobilization', 'Strategic planning'],
    highSpeedInternet: true,
    coordinatorEmail: 'coordinator.rainbow@demo.sisi.local',
    coordinatorName: 'Kabo Molefe',
  },
  {
    name: 'Harm Reduction Moçambique',
    country: 'MZ',
    languages: ['pt'],
    keyPopulations: ['people-who-inject-drugs'],
    kpLed: false,
    technicalAreas: ['community-mobilization', 'stigma-discrimination'],
    strengthsOffered: ['Needle and syringe programme know-how'],
    priorityNeeds: ['Monitoring and evaluation'],
    highSpeedInternet: false,
    coordinatorEmail: 'coordinator.hrm@demo.sisi.local',
    coordinatorName: 'Inês Machava',
    coordinatorLanguage: 'pt',
  },
  {
    name: 'Amani Trans Initiative',
    country: 'KE',
    languages: ['en', 'sw'],
    keyPopulations: ['transgender'],
    kpLed: true,
    technicalAreas: ['advocacy', 'networking'],
    strengthsOffered: ['Legal literacy workshops'],
    priorityNeeds: ['Organizational development', 'Clinical services'],
    highSpeedInternet: true,
    coordinatorEmail: 'coordinator.amani@demo.sisi.local',
    coordinatorName: 'Wanjiru Otieno',
  },
  {
    name: 'Kuwa Huru Peer Navigators',
    country: 'TZ',
    languages: ['sw', 'en'],
    keyPopulations: ['msm', 'sex-workers'],
    kpLed: true,
    technicalAreas: ['peer-navigation', 'social-behavior-change-communication'],
    strengthsOffered: ['Peer navigation case-management tools'],
    priorityNeeds: ['Financial management'],
    highSpeedInternet: false,
    coordinatorEmail: 'coordinator.kuwahuru@demo.sisi.local',
    coordinatorName: 'Baraka Mushi',
  },
  {
    name: 'Nyota Community Health',
    country: 'ZM',
    languages: ['en', 'bem'],
    keyPopulations: ['sex-workers', 'people-who-inject-drugs'],
    kpLed: false,
    technicalAreas: ['financial-management', 'strategic-planning', 'resource-mobilization'],
    strengthsOffered: ['Grant writing', 'Financial policies and procedures manual'],
    priorityNeeds: ['Peer education'],
    highSpeedInternet: true,
    coordinatorEmail: 'coordinator.nyota@demo.sisi.local',
    coordinatorName: 'Chanda Mwale',
  },
];

/**
 * Seeds the demo network once, through the real API routes: the operator onboards the
 * network, its admin accepts the invitation, the admin onboards six organizations, and one
 * coordinator accepts theirs (the others wait in the outbox, as in real life).
 */
export async function seedDemo(
  local: LocalDeps,
  credentialsFile: string,
): Promise<DemoCredentials | undefined> {
  if (await local.platform.getSetting<{ networkId: string }>(SEEDED)) {
    return readDemoCredentials(credentialsFile);
  }
  // The seed acts as an operator this in-process app alone knows: it is never written to the
  // directory, so nobody can sign in as it and its token is refused anywhere else (ADR 0031).
  const seeder = {
    id: 'demo-seed',
    email: 'operator@sisi.local',
    name: 'Sisi',
    roles: ['operator' as const],
  };
  const directory = createPersonAccess({ read: (id) => local.platform.getUser(id) });
  const access: PersonAccess = {
    get: async (id) => (id === seeder.id ? { ...seeder, status: 'active' } : directory.get(id)),
    forget: (id) => directory.forget(id),
  };
  // invitations of the seed go to the outbox even when SMTP is set: their links are needed here
  const app = createApp({
    ...local.deps,
    mailer: local.outbox,
    mailQueue: local.deps.mailQueue.withMailer(local.outbox),
    access,
  });
  const call = async <T>(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok)
      throw new Error(`demo seed: ${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const acceptFromOutbox = async (email: string, name: string, password: string) => {
    const [mail] = await local.outbox.list(email);
    const token = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`demo seed: no invitation for ${email}`);
    return call<{ token: string }>('POST', `/invitations/${token}/accept`, undefined, {
      name,
      password,
    });
  };

  const operatorToken = await local.issuer.sign(seeder);
  const network = await call<{ id: string }>('POST', '/networks', operatorToken, {
    name: 'Southern & East Africa KP Alliance (demo)',
    region: 'Southern and East Africa',
    adminEmail: 'admin@demo.sisi.local',
    adminName: 'Thandiwe Ncube',
  });
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const admin = await acceptFromOutbox('admin@demo.sisi.local', 'Thandiwe Ncube', password);
  const orgIds: string[] = [];
  const coordinatorIds: string[] = [];
  for (const org of ORGANIZATIONS) {
    const created = await call<{ id: string; coordinatorId: string }>(
      'POST',
      `/networks/${network.id}/organizations`,
      admin.token,
      org,
    );
    orgIds.push(created.id);
    coordinatorIds.push(created.coordinatorId);
  }
  const first = ORGANIZATIONS[0]!;
  await acceptFromOutbox(first.coordinatorEmail, first.coordinatorName, password);
  const now = local.deps.clock.now();
  const managed = await seedMentorships(call, network.id, admin.token, orgIds, now);
  await seedMonitoring(call, network.id, admin.token, managed, orgIds[0]!, coordinatorIds, now);
  await seedCoachingGroup(call, network.id, admin.token, coordinatorIds, now);

  const donorEmail = 'donor@demo.sisi.local';
  await call('POST', '/donors', operatorToken, {
    email: donorEmail,
    name: 'KP Health Fund (demo)',
    networkIds: [network.id],
  });
  await acceptFromOutbox(donorEmail, 'KP Health Fund (demo)', password);

  const credentials: DemoCredentials = {
    networkId: network.id,
    admin: { email: 'admin@demo.sisi.local', password },
    coordinator: { email: first.coordinatorEmail, password },
    donor: { email: donorEmail, password },
  };
  await local.platform.putSetting(SEEDED, { networkId: network.id });
  // the passwords stay in a file of the data folder only, never in the table
  await writePrivateJson(credentialsFile, credentials);
  return credentials;
}

type Call = <T>(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
) => Promise<T>;

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number) => day(new Date(now.getTime() + days * 86_400_000));
const monthsAgo = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return day(d);
};

/**
 * Mentorships in several stages, so every screen has something to show: one just started,
 * one whose organizations all agreed and that is being managed, one in review, and one
 * that ended early.
 */
async function seedMentorships(
  call: Call,
  networkId: string,
  token: string,
  orgs: string[],
  now: Date,
): Promise<string> {
  const base = `/networks/${networkId}/mentorships`;
  const start = (mentor: number, mentees: number[], startDate: string, durationMonths: number) =>
    call<{ id: string }>('POST', base, token, {
      mentorOrganizationId: orgs[mentor],
      menteeOrganizationIds: mentees.map((i) => orgs[i]),
      startDate,
      durationMonths,
    });
  const agreeAll = async (id: string, ids: number[]) => {
    // the demo's admin accepts for each organization, on its behalf (ADR 0033)
    for (const i of ids)
      await call('POST', `${base}/${id}/agreements`, token, {
        organizationId: orgs[i],
        onBehalf: true,
      });
  };
  const move = (id: string, stage: string, reason: string) =>
    call('POST', `${base}/${id}/stage`, token, { stage, reason });

  await start(5, [2], day(now), 12);

  const managed = await start(0, [3, 4], monthsAgo(now, 4), 18);
  await agreeAll(managed.id, [0, 3, 4]);
  await move(
    managed.id,
    'identify-expectations',
    'Orientation meeting held; all three organizations agreed to go on',
  );
  await move(managed.id, 'manage-process', 'Mentoring plan agreed');

  const reviewed = await start(1, [4], monthsAgo(now, 8), 12);
  await agreeAll(reviewed.id, [1, 4]);
  await move(reviewed.id, 'identify-expectations', 'Expectations discussed at the first meeting');
  await move(reviewed.id, 'manage-process', 'Plan agreed');
  await move(reviewed.id, 'monitor', 'Mid-term review under way');

  const ended = await start(3, [2], monthsAgo(now, 6), 12);
  await agreeAll(ended.id, [3, 2]);
  await call('POST', `${base}/${ended.id}/end`, token, {
    kind: 'premature',
    prematureReason: 'changed-circumstances',
    reason: 'The mentee lost its funding and paused its programme; both agreed to stop for now.',
  });
  return managed.id;
}

/**
 * The managed mentorship's monitoring: a summary report of last fortnight's meeting with two
 * follow-up actions for the mentor's coordinator (one already overdue, so the highlight and the
 * tips show), and the mentor's quarterly report of the first period.
 */
async function seedMonitoring(
  call: Call,
  networkId: string,
  token: string,
  mentorshipId: string,
  mentorOrganizationId: string,
  coordinatorIds: string[],
  now: Date,
) {
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  const owner = coordinatorIds[0]!;
  await call('POST', `${base}/summary-reports`, token, {
    organizationIds: [mentorOrganizationId],
    meetingDate: daysFrom(now, -14),
    participants: ['Nomsa Dlamini', 'Wanjiru Kamau', 'Tendai Moyo'],
    agenda: 'Peer educator curriculum; the crisis response roster',
    progress: 'The curriculum was adapted for both mentees; one peer educator trained per mentee',
    milestonesReached: [],
    followUpActions: [
      {
        what: 'Share the crisis response roster template',
        ownerId: owner,
        dueDate: daysFrom(now, -7),
      },
      { what: 'Plan the joint training day', ownerId: owner, dueDate: daysFrom(now, 21) },
    ],
    issues: [
      {
        raised: 'Outreach workers fear police stops at night',
        solutions: 'Pair outreach workers; carry the network hotline number',
        pending: 'Talk to the legal aid partner',
      },
    ],
    nextMeetingDate: daysFrom(now, 14),
    nextMeetingAgenda: 'The training day plan',
    reportedBy: 'both',
    date: daysFrom(now, -13),
  });
  await call('POST', `${base}/quarterly-reports`, token, {
    period: 1,
    date: daysFrom(now, -20),
    mentorNames: ['Nomsa Dlamini'],
    phoneNumber: '+27 00 000 0000',
    menteeNames: ['Wanjiru Kamau', 'Tendai Moyo'],
    technicalAreas: ['peer-education', 'violence-prevention-response'],
    objectives: [
      {
        objective: 'A peer educator curriculum in use at both mentees',
        progress: 'Adapted and piloted',
      },
    ],
    trends: 'Both mentees now run weekly peer sessions',
    relationship: 'Regular and open',
    interactionFrequency: 'Two calls a month and one visit',
    interactions: [
      { date: daysFrom(now, -60), hours: 2, activity: 'Call on the curriculum' },
      { date: daysFrom(now, -45), hours: 6, activity: 'Site visit and training' },
    ],
    outputsOutcomes: 'Curriculum adapted; 2 peer educators trained',
    successes: 'The first sessions were full',
    challenges: 'Night outreach is unsafe',
    signature: { name: 'Nomsa Dlamini', date: daysFrom(now, -20) },
  });
}

/** A peer coaching group of five coordinators, its first session next week. */
async function seedCoachingGroup(
  call: Call,
  networkId: string,
  token: string,
  coordinatorIds: string[],
  now: Date,
) {
  const group = await call<{ id: string }>(
    'POST',
    `/networks/${networkId}/coaching-groups`,
    token,
    {
      name: 'Coordinators’ peer coaching circle',
      memberIds: coordinatorIds.slice(0, 5),
      facilitatorId: coordinatorIds[0],
    },
  );
  await call('POST', `/networks/${networkId}/coaching-groups/${group.id}/sessions`, token, {
    date: daysFrom(now, 7),
  });
}

export async function readDemoCredentials(file: string): Promise<DemoCredentials | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  } catch {
    return undefined;
  }
}
