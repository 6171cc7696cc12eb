import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('onboards a network whose admin creates an organization', async () => {
    const { networkId, adminToken } = await api.createNetwork();
    const res = await api.call('POST', `/networks/${networkId}/organizations`, {
      token: adminToken,
      body: {
        name: 'Amani',
        country: 'ke',
        keyPopulations: ['transgender'],
        kpLed: true,
        coordinatorEmail: 'c@example.org',
        coordinatorName: 'Coord',
      },
    });
    expect(res.status).toBe(201);
    const org = (await res.json()) as { country: string; version: number };
    expect(org.country).toBe('KE');
    expect(org.version).toBe(1);
  });
});
