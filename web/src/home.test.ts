import { describe, expect, it } from 'vitest';
import { homePath, safeNext } from './home.ts';

const ORIGIN = 'https://sisi.example.org';
const next = (target: string) => safeNext(`?next=${encodeURIComponent(target)}`, ORIGIN);

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

describe('safeNext: where sign-in goes back to', () => {
  it('keeps an app path with its query string (a mail link lands on its period)', () => {
    expect(next('/networks/n1/mentorships/m1/quarterly-reports/new?period=2')).toBe(
      '/networks/n1/mentorships/m1/quarterly-reports/new?period=2',
    );
    expect(next('/networks/n1?tab=plan#agreements')).toBe('/networks/n1?tab=plan#agreements');
  });

  it('refuses another origin however it is written', () => {
    for (const target of [
      'https://evil.example',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
      '\\\\evil.example',
      '/\tevil',
      ' /networks',
    ]) {
      expect(next(target), target).toBeUndefined();
    }
  });

  it('refuses sign-in itself and nothing at all', () => {
    expect(next('/login?next=/networks')).toBeUndefined();
    expect(safeNext('', ORIGIN)).toBeUndefined();
  });
});
