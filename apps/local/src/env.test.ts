import { describe, expect, it } from 'vitest';
import { isLoopback, localUrl, readSettings } from './env.ts';

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

describe('readSettings: SISI_AUDIT_RETENTION_DAYS', () => {
  it('keeps audit entries 400 days unless told otherwise, and refuses nonsense', () => {
    expect(readSettings({}).auditRetentionDays).toBe(400);
    expect(readSettings({ SISI_AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
    expect(() => readSettings({ SISI_AUDIT_RETENTION_DAYS: 'forever' })).toThrow(
      /SISI_AUDIT_RETENTION_DAYS/,
    );
  });
});

describe('readSettings: SISI_HOST', () => {
  it('listens on loopback unless told otherwise', () => {
    const settings = readSettings({});
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.baseUrl).toBe('http://localhost:3000');
  });

  it('takes an IP address or localhost, and links mail to an address others can open', () => {
    expect(readSettings({ SISI_HOST: '0.0.0.0' })).toMatchObject({
      host: '0.0.0.0',
      baseUrl: 'http://localhost:3000',
    });
    expect(readSettings({ SISI_HOST: '192.0.2.7', PORT: '8080' })).toMatchObject({
      host: '192.0.2.7',
      baseUrl: 'http://192.0.2.7:8080',
    });
    expect(readSettings({ SISI_HOST: '::1' }).host).toBe('::1');
    expect(readSettings({ SISI_HOST: 'localhost' }).host).toBe('localhost');
    // SISI_BASE_URL still wins: the address people open may be a name, not the bind address
    expect(
      readSettings({ SISI_HOST: '0.0.0.0', SISI_BASE_URL: 'http://sisi.lan:3000/' }).baseUrl,
    ).toBe('http://sisi.lan:3000');
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['example.org', '999.1.1.1', 'all', '127.0.0.1:3000']) {
      expect(() => readSettings({ SISI_HOST: bad }), bad).toThrow(
        /SISI_HOST: must be an IP address/,
      );
    }
  });
});

describe('localUrl and isLoopback', () => {
  it('opens a loopback or wildcard address as localhost, any other as itself', () => {
    expect(localUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(localUrl('::', 3000)).toBe('http://localhost:3000');
    expect(localUrl('fd00::2', 3000)).toBe('http://[fd00::2]:3000');
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.0.2.7')).toBe(false);
  });
});
