import { describe, expect, it } from 'vitest';
import { readSettings } from './env.ts';

const admin = (password: string) => ({
  SISI_ADMIN_EMAIL: 'ops@example.org',
  SISI_ADMIN_PASSWORD: password,
});

describe('readSettings', () => {
  it('holds the operator password of SISI_ADMIN_PASSWORD to the rules of one chosen in the app', () => {
    expect(readSettings(admin('rain on the baobab at dusk')).adminPassword).toBe(
      'rain on the baobab at dusk',
    );
    expect(() => readSettings(admin('short'))).toThrow(
      /SISI_ADMIN_PASSWORD: must be at least 12 characters/,
    );
    expect(() => readSettings(admin(' '.repeat(14)))).toThrow(
      /SISI_ADMIN_PASSWORD: must not be only spaces/,
    );
    expect(() => readSettings(admin('password1234'))).toThrow(
      /SISI_ADMIN_PASSWORD: is too easy to guess/,
    );
  });

  it('reads SISI_TRUSTED_PROXIES as addresses, and refuses anything else', () => {
    expect(readSettings({}).trustedProxies).toEqual([]);
    expect(readSettings({ SISI_TRUSTED_PROXIES: '10.0.0.1, fd00::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      'fd00::1',
    ]);
    expect(() => readSettings({ SISI_TRUSTED_PROXIES: '10.0.0.1,proxy.local' })).toThrow(
      /SISI_TRUSTED_PROXIES/,
    );
  });
});
