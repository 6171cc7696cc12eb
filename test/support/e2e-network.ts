import { addMonths } from '@sisi/domain';
import type { TestServer } from './server.ts';

/** A network's admin as the browser tests sign in: email, password and API token. */
export interface SeededAdmin {
  email: string;
  password: string;
  token: string;
}

export interface SeedNetwork {
  name: string;
  region: string;
  /** The admin; their password is `a long admin password` unless `password` says. */
  admin: { email: string; name: string; password?: string };
  /**
   * Its member organizations, `[name, country]`, each with a coordinator
   * `coord.<cc>@example.org` named `Coordinator <CC>`, or `[name, country, coordinator]`.
   */
  organizations: readonly (
    | readonly [string, string]
    | readonly [string, string, { email: string; name: string }]
  )[];
  keyPopulations: string[];
}

/**
 * A network onboarded through the API (the onboarding test covers those screens): the
 * operator creates it, its admin accepts the invitation, the admin adds the organizations.
 *
 * @example
 * const { networkId, admin, organizationIds } = await seedNetwork(server, {
 *   name: 'East Africa KP Network', region: 'East Africa',
 *   admin: { email: 'admin.eakp@example.org', name: 'Amani Njoroge' },
 *   organizations: [['Nairobi Peer Collective', 'KE']], keyPopulations: ['sex-workers'],
 * });
 */
export async function seedNetwork(
  server: TestServer,
  seed: SeedNetwork,
): Promise<{ networkId: string; admin: SeededAdmin; organizationIds: string[] }> {
  const network = await server.api<{ id: string }>(
    'POST',
    '/networks',
    await server.operatorToken(),
    {
      name: seed.name,
      region: seed.region,
      adminEmail: seed.admin.email,
      adminName: seed.admin.name,
    },
  );
  const password = seed.admin.password ?? 'a long admin password';
  const admin = {
    email: seed.admin.email,
    password,
    token: await server.accept(seed.admin.email, seed.admin.name, password),
  };
  const organizationIds: string[] = [];
  for (const [name, country, coordinator] of seed.organizations) {
    const org = await server.api<{ id: string }>(
      'POST',
      `/networks/${network.id}/organizations`,
      admin.token,
      {
        name,
        country,
        keyPopulations: seed.keyPopulations,
        kpLed: true,
        coordinatorEmail: coordinator?.email ?? `coord.${country.toLowerCase()}@example.org`,
        coordinatorName: coordinator?.name ?? `Coordinator ${country}`,
      },
    );
    organizationIds.push(org.id);
  }
  return { networkId: network.id, admin, organizationIds };
}

/**
 * A 12-month mentorship started `monthsAgo` months before the runtime's clock (two by
 * default: its first quarterly review is a month away, so not yet past), made by `token`
 * (a network admin's). `today` is the runtime's date when it was made.
 *
 * @example
 * const { id, schedule, today } = await startMentorship(server, networkId, admin.token, {
 *   mentorOrganizationId, menteeOrganizationIds: [menteeId],
 * });
 */
export async function startMentorship(
  server: TestServer,
  networkId: string,
  token: string,
  seed: { mentorOrganizationId: string; menteeOrganizationIds: string[]; monthsAgo?: number },
): Promise<{ id: string; schedule: { quarterlyReviews: string[] }; today: string }> {
  const today = server.local.clock.now().toISOString().slice(0, 10);
  const mentorship = await server.api<{ id: string; schedule: { quarterlyReviews: string[] } }>(
    'POST',
    `/networks/${networkId}/mentorships`,
    token,
    {
      mentorOrganizationId: seed.mentorOrganizationId,
      menteeOrganizationIds: seed.menteeOrganizationIds,
      startDate: addMonths(today, -(seed.monthsAgo ?? 2)),
      durationMonths: 12,
    },
  );
  return { ...mentorship, today };
}

/** The password reset link mailed to `email`, read from the outbox as the operator. */
export async function resetLink(server: TestServer, email: string): Promise<string> {
  const token = await server.operatorToken();
  for (let i = 0; i < 100; i++) {
    const { items } = await server.api<{ items: { text: string }[] }>(
      'GET',
      `/dev/outbox?to=${encodeURIComponent(email)}`,
      token,
    );
    const link = items
      .map((m) => m.text.match(/https?:\/\/\S+\/password-reset\/[A-Za-z0-9_-]+/)?.[0])
      .find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no reset link mailed to ${email}`);
}
