import { describe, expect, it } from 'vitest';
import { homePath, safeNext } from './home.ts';

describe('homePath', () => {
  it('lands a network’s admins, coordinators and members on "What needs me"', () => {
    expect(homePath({ roles: ['network-admin'], networkId: 'n1' })).toBe('/networks/n1/home');
    expect(homePath({ roles: ['coordinator'], networkId: 'n1', organizationId: 'o1' })).toBe(
      '/networks/n1/home',
    );
    expect(homePath({ roles: ['member'], networkId: 'n1', organizationId: 'o1' })).toBe(
      '/networks/n1/home',
    );
  });

  it('keeps the operator on networks and a donor on the summary', () => {
    expect(homePath({ roles: ['operator'] })).toBe('/networks');
    expect(homePath({ roles: ['donor'] })).toBe('/summary');
    expect(homePath({ roles: [] })).toBe('/welcome');
  });
});

describe('safeNext', () => {
  it('keeps only a path of ours', () => {
    expect(safeNext('?next=%2Fnetworks%2Fn1%2Fhome')).toBe('/networks/n1/home');
    expect(safeNext('?next=https%3A%2F%2Fevil.example')).toBeUndefined();
    expect(safeNext('?next=%2F%2Fevil.example')).toBeUndefined();
  });
});
