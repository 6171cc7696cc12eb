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
  admin: { email: string; name: string };
  /** Its member organizations, `[name, country]`, each with a coordinator `coord.<cc>@example.org`. */
  organizations: readonly (readonly [string, string])[];
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
  const password = 'a long admin password';
  const admin = {
    email: seed.admin.email,
    password,
    token: await server.accept(seed.admin.email, seed.admin.name, password),
  };
  const organizationIds: string[] = [];
  for (const [name, country] of seed.organizations) {
    const org = await server.api<{ id: string }>(
      'POST',
      `/networks/${network.id}/organizations`,
      admin.token,
      {
        name,
        country,
        keyPopulations: seed.keyPopulations,
        kpLed: true,
        coordinatorEmail: `coord.${country.toLowerCase()}@example.org`,
        coordinatorName: `Coordinator ${country}`,
      },
    );
    organizationIds.push(org.id);
  }
  return { networkId: network.id, admin, organizationIds };
}
