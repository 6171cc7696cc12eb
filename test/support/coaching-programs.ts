import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, platformTableName } from '@sisi/data';
import type { TestApi } from './api.ts';
import { testDynamo } from './dynamo.ts';
import { createOrganization, type Member, type Organization, uniqueEmail } from './fixtures.ts';
import { expectJson } from './problem.ts';

export const CONSENT_VERSION = '002-consent-v1';

/** A coaching program as the API answers it. */
export interface Program {
  id: string;
  networkId: string;
  organizationId: string;
  version: number;
  name: string;
  description?: string;
  objectives: string[];
  kpis: {
    id: string;
    name: string;
    target: number;
    unit: string;
    direction: string;
    current?: number;
  }[];
  pilot: boolean;
  pairingMode: 'fixed' | 'rotational';
  rotationWeeks?: number;
  surveyRound: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  viewer?: {
    manages: boolean;
    relations: string[];
    participant: boolean;
    consent?: { textVersion: string; signature: string; signedAt: string };
    surveyAnswered: boolean;
    baselineDone: boolean;
  };
}

export interface Nomination {
  id: string;
  nomineeId: string;
  nomineeName: string;
  nominatedBy: string;
  referees: { personId: string; name: string; confirmedAt?: string; statement?: string }[];
  status: 'open' | 'accepted';
  state: 'awaiting-reference' | 'referenced' | 'accepted';
}

export interface Pair {
  id: string;
  round: number;
  startDate?: string;
  endDate?: string;
  memberIds: [string, string];
  memberNames: [string, string];
  sessionsHeld: number;
  consentComplete: boolean;
}

export interface Schedule {
  pairingMode: string;
  rotationWeeks?: number;
  rounds: {
    round: number;
    startDate?: string;
    endDate?: string;
    bye?: string;
    byeName?: string;
    pairs: Pair[];
  }[];
}

export interface Session {
  id: string;
  pairId: string;
  date: string;
  notes: {
    id: string;
    authorId: string;
    authorName: string;
    at: string;
    text: string;
    shared?: boolean;
  }[];
}

/** Everyone the access rules of a program tell apart, with a token each. */
export interface ProgramWorld {
  networkId: string;
  /** The organization that runs the programs. */
  home: Organization;
  /** Another organization of the network. */
  away: Organization;
  /** Members of `home` who become participants. */
  people: { id: string; name: string; token: string }[];
  /** A member of `away`, the referee. */
  referee: { id: string; name: string; token: string };
  /** A member of `home` who takes no part. */
  bystander: { id: string; token: string };
  otherNetworkId: string;
  tokens: {
    admin: string;
    coordinator: string;
    awayCoordinator: string;
    otherAdmin: string;
    operator: string;
    donor: string;
  };
}

export const programsPath = (networkId: string) => `/networks/${networkId}/coaching-programs`;
export const programPath = (networkId: string, id: string) => `${programsPath(networkId)}/${id}`;

async function member(
  api: TestApi,
  networkId: string,
  adminToken: string,
  org: Organization,
  name: string,
) {
  const m = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('coachee'), name },
    }),
    201,
  );
  const token = await api.tokenFor({
    id: m.id,
    roles: ['member'],
    networkId,
    organizationId: org.id,
  });
  return { id: m.id, name, token };
}

/**
 * A network with two organizations, five members of the first (`people`), a referee in the
 * second, a bystander, and tokens for every role; plus another network's admin.
 *
 * @example
 * const w = await programWorld(api);
 * const p = await createProgram(api, w, w.tokens.coordinator);
 */
export async function programWorld(api: TestApi, name = 'Programs'): Promise<ProgramWorld> {
  const { networkId, adminToken } = await api.createNetwork(`${name} network`);
  const home = await createOrganization(api, networkId, adminToken, { name: `${name} home` });
  const away = await createOrganization(api, networkId, adminToken, { name: `${name} away` });
  const people = [];
  for (const n of [
    'Achieng Otieno',
    'Baraka Mwangi',
    'Chausiku Njeri',
    'Dalia Hassan',
    'Eze Obi',
  ]) {
    people.push(await member(api, networkId, adminToken, home, n));
  }
  const referee = await member(api, networkId, adminToken, away, 'Refilwe Dube');
  const bystander = await member(api, networkId, adminToken, home, 'Bystander Member');
  const other = await api.createNetwork(`${name} other network`);
  return {
    networkId,
    home,
    away,
    people,
    referee,
    bystander: { id: bystander.id, token: bystander.token },
    otherNetworkId: other.networkId,
    tokens: {
      admin: adminToken,
      coordinator: await api.tokenFor({
        id: home.coordinatorId,
        roles: ['coordinator'],
        networkId,
        organizationId: home.id,
      }),
      awayCoordinator: await api.tokenFor({
        id: away.coordinatorId,
        roles: ['coordinator'],
        networkId,
        organizationId: away.id,
      }),
      otherAdmin: other.adminToken,
      operator: api.operatorToken,
      donor: await api.tokenFor({ roles: ['donor'] }),
    },
  };
}

export const programBody = (w: ProgramWorld, overrides: Record<string, unknown> = {}) => ({
  organizationId: w.home.id,
  name: 'Peer coaching pilot 2025',
  objectives: ['Improve active listening and feedback among peer educators'],
  kpis: [{ name: 'Sessions held per pair', target: 6, unit: 'sessions' }],
  pilot: true,
  pairingMode: 'fixed',
  ...overrides,
});

export async function createProgram(
  api: TestApi,
  w: ProgramWorld,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<Program> {
  return expectJson<Program>(
    await api.call('POST', programsPath(w.networkId), { token, body: programBody(w, overrides) }),
    201,
  );
}

/** Nominates, has the referee confirm and the coordinator accept: `person` is a participant. */
export async function enrol(
  api: TestApi,
  w: ProgramWorld,
  programId: string,
  person: { id: string; token: string },
  sign = true,
): Promise<void> {
  const path = programPath(w.networkId, programId);
  const nomination = await expectJson<Nomination>(
    await api.call('POST', `${path}/nominations`, {
      token: w.tokens.coordinator,
      body: { nomineeId: person.id, refereeIds: [w.referee.id] },
    }),
    201,
  );
  await expectJson(
    await api.call(
      'POST',
      `${path}/nominations/${nomination.id}/references/${w.referee.id}/confirm`,
      { token: w.referee.token, body: {} },
    ),
    200,
  );
  await expectJson(
    await api.call('POST', `${path}/participants`, {
      token: w.tokens.coordinator,
      body: { nominationId: nomination.id },
    }),
    201,
  );
  if (sign) {
    await expectJson(
      await api.call('POST', `${path}/consent`, {
        token: person.token,
        body: { textVersion: CONSENT_VERSION, signature: 'Signed Name', agree: true },
      }),
      201,
    );
  }
}

/** Every raw item of a network's table, as DynamoDB holds it. */
export const rawNetworkItems = (api: TestApi, networkId: string) =>
  scanTable(networkTableName(api.prefix, networkId));

/** Every raw item of the platform table (idempotency records, directory…). */
export const rawPlatformItems = (api: TestApi) => scanTable(platformTableName(api.prefix));

async function scanTable(table: string): Promise<Record<string, unknown>[]> {
  const { doc, client } = testDynamo();
  try {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new ScanCommand({
          TableName: table,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  } finally {
    doc.destroy();
    client.destroy();
  }
}
