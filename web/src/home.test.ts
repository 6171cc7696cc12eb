import { describe, expect, it } from 'vitest';
import { safeNext } from './home.ts';

const ORIGIN = 'https://sisi.example.org';
const next = (target: string) => safeNext(`?next=${encodeURIComponent(target)}`, ORIGIN);

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
