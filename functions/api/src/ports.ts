import type { Role } from '@sisi/domain';

/**
 * Ports: everything that differs between AWS and the embedded runtime. Handlers only
 * see these; each runtime's composition root picks the adapters.
 */

// The mail and clock ports moved to `@sisi/domain` (docs/decisions/0007) so the lifecycle
// Lambdas share them; they stay importable from here.
export type { Clock, Mailer, MailMessage } from '@sisi/domain';

/** Creates the storage of a new network: a table locally, a CDK stack deploy on AWS. */
export interface Provisioner {
  /** Resolves `active` when the network is usable now, `provisioning` when it will be later. */
  provisionNetwork(networkId: string): Promise<{ status: 'active' | 'provisioning' }>;
}

/** The claims every token carries (Cognito's names, so both issuers match). */
export interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  'cognito:groups': Role[];
  'custom:network'?: string;
  'custom:organization'?: string;
  /** When the token was issued (seconds): refused if before the person's `tokensValidAfter`. */
  iat?: number;
}

/**
 * Verifies a bearer ID token's signature, issuer, audience and expiry (required) against the
 * JWKS; any other kind of token (`token_use` not `id`) is refused.
 */
export interface TokenVerifier {
  verify(token: string): Promise<TokenClaims>;
}

export interface IdentityUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  networkId?: string;
  organizationId?: string;
}

/**
 * A successful sign-in: the short-lived bearer ID token, and, where the provider keeps its
 * own refresh token (Cognito), that handle, which the API seals in its refresh family and
 * hands back to `refresh` (ADR 0042). Locally there is none: the issuer signs anew.
 */
export interface SignedIn {
  token: string;
  refreshHandle?: string;
}

/**
 * Credentials and token issuing: the local issuer (scrypt + jose) or Cognito. The
 * directory of people itself lives in the platform table in both runtimes.
 */
export interface IdentityProvider {
  /** Sets (or replaces) the person's password. */
  setPassword(user: IdentityUser, password: string): Promise<void>;
  /** A signed token when the password matches, else `undefined` (same for unknown email). */
  signIn(user: IdentityUser | undefined, password: string): Promise<SignedIn | undefined>;
  /**
   * A new bearer ID token for a person whose refresh token the API has just accepted
   * (ADR 0042): locally signed anew; on Cognito, `REFRESH_TOKEN_AUTH` with the handle its
   * sign-in gave. `undefined` when the provider refuses (the handle was revoked).
   */
  refresh(user: IdentityUser, refreshHandle: string | undefined): Promise<string | undefined>;
  /** Ends the one session of `refreshHandle` where the provider keeps it (Cognito: RevokeToken). */
  endSession(refreshHandle: string | undefined): Promise<void>;
  /**
   * The person's access ended: no further sign-in, and every session ended where the
   * provider keeps them (Cognito: AdminDisableUser, AdminUserGlobalSignOut). Tokens already
   * issued are refused by the API's revocation check in both runtimes (ADR 0031).
   */
  disable(user: IdentityUser): Promise<void>;
  /** Undoes `disable`: the person may sign in again (Cognito: AdminEnableUser). */
  enable(user: IdentityUser): Promise<void>;
  /** Ends every session the provider keeps (Cognito: AdminUserGlobalSignOut). */
  signOutEverywhere(user: IdentityUser): Promise<void>;
  /**
   * The person's data was erased: the provider forgets them, credentials and attributes
   * (Cognito: AdminDeleteUser; locally the password hash goes with the directory's
   * tombstone, ADR 0034). Someone with no account there is nothing to do.
   */
  delete(user: IdentityUser): Promise<void>;
}
