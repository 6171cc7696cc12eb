import type { IdentityProvider, IdentityUser } from '@sisi/api';
import type { PlatformRepository } from '@sisi/data';
import type { LocalIssuer } from './issuer.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

/**
 * Passwords (scrypt, in the platform table) and tokens (the local issuer).
 *
 * @example
 * const identity = new LocalIdentityProvider(platform, issuer);
 * const token = await identity.signIn(user, 'correct horse battery');
 */
export class LocalIdentityProvider implements IdentityProvider {
  constructor(
    private readonly platform: PlatformRepository,
    private readonly issuer: LocalIssuer,
  ) {}

  async setPassword(user: IdentityUser, password: string): Promise<void> {
    await this.platform.setPasswordHash(user.id, await hashPassword(password));
  }

  async signIn(user: IdentityUser | undefined, password: string): Promise<string | undefined> {
    const stored = user ? await this.platform.getPasswordHash(user.id) : undefined;
    const ok = await verifyPassword(password, stored ?? DUMMY_HASH);
    return ok && user && stored ? this.issuer.sign(user) : undefined;
  }
}
