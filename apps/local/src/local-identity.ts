import type { IdentityProvider, IdentityUser, SignedIn } from '@sisi/api';
import type { PlatformRepository } from '@sisi/data';
import type { LocalIssuer } from './issuer.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

/**
 * Passwords (scrypt, in the platform table) and tokens (the local issuer).
 *
 * @example
 * const identity = new LocalIdentityProvider(platform, issuer);
 * const signedIn = await identity.signIn(user, 'correct horse battery');
 */
export class LocalIdentityProvider implements IdentityProvider {
  constructor(
    private readonly platform: PlatformRepository,
    private readonly issuer: LocalIssuer,
  ) {}

  async setPassword(user: IdentityUser, password: string): Promise<void> {
    await this.platform.setPasswordHash(user.id, await hashPassword(password));
  }

  async signIn(user: IdentityUser | undefined, password: string): Promise<SignedIn | undefined> {
    const stored = user ? await this.platform.getPasswordHash(user.id) : undefined;
    const ok = await verifyPassword(password, stored ?? DUMMY_HASH);
    return ok && user && stored ? { token: await this.issuer.sign(user) } : undefined;
  }

  // The API has checked the refresh token and the person (ADR 0042): the issuer signs anew.
  refresh(user: IdentityUser, _refreshHandle: string | undefined): Promise<string | undefined> {
    return this.issuer.sign(user);
  }

  // The refresh family in the platform table is the only session kept.
  async endSession(_refreshHandle: string | undefined): Promise<void> {}

  // Locally the directory is the only state: sign-in reads the person's status there, and
  // the API refuses older tokens by `tokensValidAfter`. Nothing else keeps a session.
  async disable(_user: IdentityUser): Promise<void> {}

  async enable(_user: IdentityUser): Promise<void> {}

  async signOutEverywhere(_user: IdentityUser): Promise<void> {}

  // The password hash is deleted with the directory's tombstone, in the erasure's transaction.
  async delete(_user: IdentityUser): Promise<void> {}
}
