import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider, IdentityUser, SignedIn } from '@sisi/api';
import type { Role } from '@sisi/domain';

export interface CognitoIdentityOptions {
  userPoolId: string;
  clientId: string;
}

const named = (error: unknown, ...names: string[]) =>
  !!error &&
  typeof error === 'object' &&
  names.includes(String((error as { name?: unknown }).name));

/** The claims of an ID token Cognito just handed us (no signature check needed for that). */
function payloadOf(idToken: string): Record<string, unknown> {
  const part = idToken.split('.')[1];
  if (!part) throw new Error('Cognito returned a malformed ID token');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The Cognito attributes a directory person has (custom ones empty when absent). */
function attributesOf(user: IdentityUser): AttributeType[] {
  return [
    { Name: 'email', Value: user.email },
    // the invitation mail reached this address: that is the verification
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: user.name },
    { Name: 'custom:network', Value: user.networkId ?? '' },
    { Name: 'custom:organization', Value: user.organizationId ?? '' },
  ];
}

const signedIn = (result: AuthenticationResultType): SignedIn => ({
  token: result.IdToken!,
  ...(result.RefreshToken ? { refreshHandle: result.RefreshToken } : {}),
});

const groupsIn = (claims: Record<string, unknown>): string[] =>
  Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The `IdentityProvider` port on Cognito (ADR 0002): the platform table stays the directory
 * of people; Cognito holds only credentials and signs the tokens. A person's Cognito
 * username is their Sisi id, so the API keeps finding people by email in its own directory.
 *
 * - Invitations are Sisi's own (mail with a single-use link, sent through SES). Cognito
 *   sends nothing: the user is created with `MessageAction: SUPPRESS` when the invitation
 *   is accepted and the password chosen, with the directory's name, email, network,
 *   organization and roles (groups).
 * - `signIn` is AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH) and answers the ID token. If
 *   the token's claims no longer match the directory (a role or organization changed),
 *   Cognito is brought in line and the person signed in again, so a change takes effect
 *   at the next sign-in, as with the local issuer. Cognito's refresh token comes back as the
 *   `refreshHandle`: the API seals it in its own refresh family (ADR 0042), never in the
 *   browser.
 * - `refresh` is AdminInitiateAuth (REFRESH_TOKEN_AUTH) with that handle, once the API has
 *   accepted its own refresh token; `endSession` revokes the handle (RevokeToken).
 *
 * @example
 * const identity = new CognitoIdentity(new CognitoIdentityProviderClient({}), { userPoolId, clientId });
 * const signedIn = await identity.signIn(user, password);
 */
export class CognitoIdentity implements IdentityProvider {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly options: CognitoIdentityOptions,
  ) {
    if (!options?.userPoolId || !options.clientId) {
      throw new Error('CognitoIdentity: userPoolId and clientId are required');
    }
  }

  async setPassword(user: IdentityUser, password: string): Promise<void> {
    await this.ensureUser(user);
    await this.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.options.userPoolId,
        Username: user.id,
        Password: password,
        Permanent: true,
      }),
    );
  }

  async signIn(user: IdentityUser | undefined, password: string): Promise<SignedIn | undefined> {
    // An unknown person still costs one Cognito call, so timing does not tell who exists.
    const first = await this.authenticate(user?.id ?? 'sisi-nobody', password);
    if (!first?.IdToken || !user) return undefined;
    const claims = payloadOf(first.IdToken);
    if (this.matches(claims, user)) return signedIn(first);
    await this.update(user, groupsIn(claims));
    const again = await this.authenticate(user.id, password);
    return again?.IdToken ? signedIn(again) : undefined;
  }

  /**
   * A new ID token from Cognito's refresh token (the handle `signIn` gave): `undefined` when
   * Cognito refuses it (revoked by a global sign-out, expired, the user disabled). Without a
   * handle there is nothing to refresh with: `undefined` too.
   */
  async refresh(
    _user: IdentityUser,
    refreshHandle: string | undefined,
  ): Promise<string | undefined> {
    if (!refreshHandle) return undefined;
    try {
      const out = await this.cognito.send(
        new AdminInitiateAuthCommand({
          UserPoolId: this.options.userPoolId,
          ClientId: this.options.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshHandle },
        }),
      );
      return out.AuthenticationResult?.IdToken;
    } catch (error) {
      if (named(error, 'NotAuthorizedException', 'UserNotFoundException')) return undefined;
      throw error;
    }
  }

  /** Revokes Cognito's refresh token of one sign-in (and the tokens it issued). */
  async endSession(refreshHandle: string | undefined): Promise<void> {
    if (!refreshHandle) return;
    try {
      await this.cognito.send(
        new RevokeTokenCommand({ ClientId: this.options.clientId, Token: refreshHandle }),
      );
    } catch (error) {
      // already revoked or expired: the session is over either way
      if (!named(error, 'NotAuthorizedException', 'UnsupportedTokenTypeException')) throw error;
    }
  }

  /**
   * Disables the Cognito user (no sign-in, no token refresh) and signs them out globally
   * (their refresh tokens revoked). Someone invited who never chose a password has no Cognito
   * user yet: nothing to do.
   */
  async disable(user: IdentityUser): Promise<void> {
    await this.ifExists(async (base) => {
      await this.cognito.send(new AdminDisableUserCommand(base));
      await this.cognito.send(new AdminUserGlobalSignOutCommand(base));
    }, user.id);
  }

  async enable(user: IdentityUser): Promise<void> {
    await this.ifExists((base) => this.cognito.send(new AdminEnableUserCommand(base)), user.id);
  }

  async signOutEverywhere(user: IdentityUser): Promise<void> {
    await this.ifExists(
      (base) => this.cognito.send(new AdminUserGlobalSignOutCommand(base)),
      user.id,
    );
  }

  /**
   * Deletes the Cognito user (its email, name and password with it): an erasure (ADR 0034).
   * Someone who never chose a password has no Cognito user: nothing to do.
   */
  async delete(user: IdentityUser): Promise<void> {
    await this.ifExists((base) => this.cognito.send(new AdminDeleteUserCommand(base)), user.id);
  }

  private async ifExists(
    action: (base: { UserPoolId: string; Username: string }) => Promise<unknown>,
    username: string,
  ): Promise<void> {
    try {
      await action({ UserPoolId: this.options.userPoolId, Username: username });
    } catch (error) {
      if (!named(error, 'UserNotFoundException')) throw error;
    }
  }

  private async authenticate(
    username: string,
    password: string,
  ): Promise<AuthenticationResultType | undefined> {
    try {
      const out = await this.cognito.send(
        new AdminInitiateAuthCommand({
          UserPoolId: this.options.userPoolId,
          ClientId: this.options.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      );
      if (out.ChallengeName) {
        throw new Error(`Cognito asked for challenge ${out.ChallengeName} for ${username}`);
      }
      return out.AuthenticationResult;
    } catch (error) {
      if (named(error, 'NotAuthorizedException', 'UserNotFoundException')) return undefined;
      throw error;
    }
  }

  private matches(claims: Record<string, unknown>, user: IdentityUser): boolean {
    const groups = groupsIn(claims);
    return (
      claims.email === user.email &&
      claims.name === user.name &&
      (claims['custom:network'] ?? '') === (user.networkId ?? '') &&
      (claims['custom:organization'] ?? '') === (user.organizationId ?? '') &&
      sameSet(groups, user.roles)
    );
  }

  /** Creates the Cognito user, or brings an existing one in line with the directory. */
  private async ensureUser(user: IdentityUser): Promise<void> {
    try {
      await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.options.userPoolId,
          Username: user.id,
          MessageAction: 'SUPPRESS',
          UserAttributes: attributesOf(user).filter((a) => a.Value !== ''),
        }),
      );
      await this.setGroups(user.id, user.roles, []);
    } catch (error) {
      if (!named(error, 'UsernameExistsException')) throw error;
      await this.update(user, await this.groupsOf(user.id));
    }
  }

  /** Writes the directory's attributes and roles onto the Cognito user. */
  private async update(user: IdentityUser, currentGroups: string[]): Promise<void> {
    await this.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.options.userPoolId,
        Username: user.id,
        UserAttributes: attributesOf(user),
      }),
    );
    await this.setGroups(user.id, user.roles, currentGroups);
  }

  private async groupsOf(username: string): Promise<string[]> {
    const groups: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await this.cognito.send(
        new AdminListGroupsForUserCommand({
          UserPoolId: this.options.userPoolId,
          Username: username,
          ...(NextToken ? { NextToken } : {}),
        }),
      );
      for (const g of out.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
      NextToken = out.NextToken;
    } while (NextToken);
    return groups;
  }

  /** Adds the roles the person lacks in Cognito and removes the ones they no longer hold. */
  private async setGroups(username: string, roles: readonly Role[], current: readonly string[]) {
    const base = { UserPoolId: this.options.userPoolId, Username: username };
    for (const role of roles.filter((r) => !current.includes(r))) {
      await this.cognito.send(new AdminAddUserToGroupCommand({ ...base, GroupName: role }));
    }
    for (const group of current.filter((g) => !(roles as readonly string[]).includes(g))) {
      await this.cognito.send(new AdminRemoveUserFromGroupCommand({ ...base, GroupName: group }));
    }
  }
}
