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

  // Locally the directory is the only state: sign-in reads the person's status there, and
  // the API refuses older tokens by `tokensValidAfter`. Nothing else keeps a session.
  async disable(_user: IdentityUser): Promise<void> {}

  async enable(_user: IdentityUser): Promise<void> {}

  async signOutEverywhere(_user: IdentityUser): Promise<void> {}

  // The password hash is deleted with the directory's tombstone, in the erasure's transaction.
  async delete(_user: IdentityUser): Promise<void> {}
}
