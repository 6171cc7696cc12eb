import { randomBytes } from 'node:crypto';
import { PASSWORD, type TestApi } from './api.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  networkId?: string;
  organizationId?: string;
}

export interface Session {
  token: string;
  user: User;
}

export interface Organization {
  id: string;
  networkId: string;
  version: number;
  coordinatorId: string;
  name: string;
  country: string;
  languages: string[];
  keyPopulations: string[];
  kpLed: boolean;
  technicalAreas: string[];
  otherTechnicalArea?: string;
  strengthsOffered: string[];
  priorityNeeds: string[];
  highSpeedInternet: boolean;
  nameVisibleToDonors: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  status: 'invited' | 'active' | 'deactivated';
  organizationId: string;
  roles: string[];
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** A unique email address (unique across test files too: the random part). */
export const uniqueEmail = (label: string): string =>
  `${label}-${randomBytes(4).toString('hex')}@example.org`;

/** The smallest valid body of `POST /networks/{id}/organizations`, with a fresh coordinator. */
export function organizationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Organization ${randomBytes(3).toString('hex')}`,
    country: 'KE',
    keyPopulations: ['sex-workers'],
    kpLed: true,
    coordinatorEmail: uniqueEmail('coordinator'),
    coordinatorName: 'Coordinator',
    ...overrides,
  };
}

/** Accepts the newest invitation mailed to `email` and returns the session it gives. */
export async function acceptInvitation(
  api: TestApi,
  email: string,
  name = 'Accepted Person',
): Promise<Session> {
  const res = await api.call('POST', `/invitations/${await api.invitationToken(email)}/accept`, {
    body: { name, password: PASSWORD },
  });
  if (res.status !== 200) throw new Error(`accept ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

/** Creates an organization as `adminToken`; fails loudly unless the answer is 201. */
export async function createOrganization(
  api: TestApi,
  networkId: string,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<Organization & { coordinatorEmail: string }> {
  const body = organizationBody(overrides);
  const res = await api.call('POST', `/networks/${networkId}/organizations`, {
    token: adminToken,
    body,
  });
  if (res.status !== 201) throw new Error(`create organization: ${res.status} ${await res.text()}`);
  return {
    ...((await res.json()) as Organization),
    coordinatorEmail: body.coordinatorEmail as string,
  };
}

/**
 * Follows `cursor` from page to page of a list and returns every page; stops with an error
 * after `maxPages` so a cursor that loops cannot hang a test.
 */
export async function allPages<T>(
  api: TestApi,
  path: string,
  token: string,
  limit: number,
  maxPages = 50,
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await api.call('GET', `${path}?${query}`, { token });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as Page<T>;
    pages.push(page);
    cursor = page.cursor;
    if (pages.length > maxPages) throw new Error(`GET ${path}: more than ${maxPages} pages`);
  } while (cursor);
  return pages;
}
