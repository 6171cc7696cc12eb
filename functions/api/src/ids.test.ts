import { networkTableName } from '@sisi/data';
import { idSchema } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { newId, newNetworkId } from './ids.ts';

describe('newNetworkId', () => {
  const names = [
    'Southern Africa KP Alliance',
    'Réseau Ouest-Africain des Populations Clés',
    'ab',
    '日本のネットワーク',
    '---',
    'A very long network name that goes on and on for more than forty characters',
    'Ends with a dash at the cut ------------------- here',
  ];
  for (const name of names) {
    it(`always names a table and is an id: ${JSON.stringify(name)}`, () => {
      const id = newNetworkId(name);
      expect(() => networkTableName('sisi', id)).not.toThrow();
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(id).not.toMatch(/--/);
    });
  }

  it('is readable from the name and unique per call', () => {
    expect(newNetworkId('Southern Africa KP Alliance')).toMatch(
      /^southern-africa-kp-alliance-[a-z2-9]{6}$/,
    );
    expect(newNetworkId('Réseau Clés')).toMatch(/^reseau-cles-/);
    expect(newNetworkId('x')).not.toBe(newNetworkId('x'));
  });
});

describe('newId', () => {
  it('uses the unambiguous alphabet at the asked length', () => {
    const id = newId(32);
    expect(id).toMatch(/^[a-km-np-z2-9]{32}$/);
    expect(idSchema.safeParse(newId()).success).toBe(true);
  });
});
