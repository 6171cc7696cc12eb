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
  CognitoIdentityProviderClient,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityUser } from '@sisi/api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CognitoIdentity } from './cognito-identity.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognito.reset());

const POOL = 'eu-west-1_AbCdEf123';
const CLIENT = 'a1b2c3d4e5f6g7h8i9j0k1l2m3';
const identity = () =>
  new CognitoIdentity(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), {
    userPoolId: POOL,
    clientId: CLIENT,
  });
const coordinator: IdentityUser = {
  id: 'p7k2m9x4q8w3e5r6',
  email: 'amina@kp-org.example',
  name: 'Amina',
  roles: ['coordinator', 'member'],
  networkId: 'kp-alliance-x1',
  organizationId: 'org-2',
};
const idToken = (claims: Record<string, unknown>) =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'sig'].join('.');
const claimsOf = (u: IdentityUser) => ({
  'cognito:username': u.id,
  email: u.email,
  name: u.name,
  'cognito:groups': u.roles,
  'custom:network': u.networkId,
  'custom:organization': u.organizationId,
  token_use: 'id',
});
const named = (name: string) => Object.assign(new Error(name), { name });
const inputs = <T>(command: new (...a: never[]) => T) =>
  cognito.commandCalls(command as never).map((c) => c.args[0].input as Record<string, unknown>);

describe('CognitoIdentity.setPassword', () => {
  it('creates the person in Cognito without a Cognito mail, in their roles, with a permanent password', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    await identity().setPassword(coordinator, 'correct horse battery');
    expect(inputs(AdminCreateUserCommand)).toEqual([
      {
        UserPoolId: POOL,
        Username: coordinator.id,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: coordinator.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Amina' },
          { Name: 'custom:network', Value: 'kp-alliance-x1' },
          { Name: 'custom:organization', Value: 'org-2' },
        ],
      },
    ]);
    expect(inputs(AdminAddUserToGroupCommand).map((i) => i.GroupName)).toEqual([
      'coordinator',
      'member',
    ]);
    expect(inputs(AdminSetUserPasswordCommand)).toEqual([
      {
        UserPoolId: POOL,
        Username: coordinator.id,
        Password: 'correct horse battery',
        Permanent: true,
      },
    ]);
  });

  it('brings an existing Cognito user in line with the directory before setting the password', async () => {
    cognito.on(AdminCreateUserCommand).rejects(named('UsernameExistsException'));
    cognito
      .on(AdminListGroupsForUserCommand)
      .resolves({ Groups: [{ GroupName: 'member' }, { GroupName: 'network-admin' }] });
    await identity().setPassword(coordinator, 'correct horse battery');
    expect(inputs(AdminUpdateUserAttributesCommand)[0]?.UserAttributes).toContainEqual({
      Name: 'custom:organization',
      Value: 'org-2',
    });
    expect(inputs(AdminAddUserToGroupCommand).map((i) => i.GroupName)).toEqual(['coordinator']);
    expect(inputs(AdminRemoveUserFromGroupCommand).map((i) => i.GroupName)).toEqual([
      'network-admin',
    ]);
    expect(inputs(AdminSetUserPasswordCommand)).toHaveLength(1);
  });
});

describe('CognitoIdentity.setPassword for a password reset', () => {
  it('replaces the password of an active Cognito user with AdminSetUserPassword, permanent, so no challenge follows', async () => {
    cognito.on(AdminCreateUserCommand).rejects(named('UsernameExistsException'));
    cognito
      .on(AdminListGroupsForUserCommand)
      .resolves({ Groups: [{ GroupName: 'coordinator' }, { GroupName: 'member' }] });
    await identity().setPassword(coordinator, 'a brand new passphrase of mine');
    expect(inputs(AdminSetUserPasswordCommand)).toEqual([
      {
        UserPoolId: POOL,
        Username: coordinator.id,
        Password: 'a brand new passphrase of mine',
        Permanent: true,
      },
    ]);
    // the groups already match: nothing added or removed on the way
    expect(inputs(AdminAddUserToGroupCommand)).toHaveLength(0);
    expect(inputs(AdminRemoveUserFromGroupCommand)).toHaveLength(0);
  });

  it('fails when Cognito refuses the new password, rather than answering a reset done', async () => {
    cognito.on(AdminCreateUserCommand).rejects(named('UsernameExistsException'));
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
    cognito.on(AdminSetUserPasswordCommand).rejects(named('InvalidPasswordException'));
    await expect(
      identity().setPassword(coordinator, 'a brand new passphrase of mine'),
    ).rejects.toThrow('InvalidPasswordException');
  });
});

describe('CognitoIdentity.signIn', () => {
  it("answers Cognito's ID token for the right password", async () => {
    const token = idToken(claimsOf(coordinator));
    cognito
      .on(AdminInitiateAuthCommand)
      .resolves({ AuthenticationResult: { IdToken: token, RefreshToken: 'cognito-refresh' } });
    await expect(identity().signIn(coordinator, 'correct horse battery')).resolves.toEqual({
      token,
      refreshHandle: 'cognito-refresh',
    });
    expect(inputs(AdminInitiateAuthCommand)).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: coordinator.id, PASSWORD: 'correct horse battery' },
      },
    ]);
    expect(inputs(AdminUpdateUserAttributesCommand)).toHaveLength(0);
  });

  it('answers nothing for a wrong password, and asks Cognito even for an unknown person', async () => {
    cognito.on(AdminInitiateAuthCommand).rejects(named('NotAuthorizedException'));
    await expect(identity().signIn(coordinator, 'wrong')).resolves.toBeUndefined();
    await expect(identity().signIn(undefined, 'anything')).resolves.toBeUndefined();
    expect(inputs(AdminInitiateAuthCommand)).toHaveLength(2);
  });

  it('fails on anything else Cognito says, rather than refusing a right password', async () => {
    cognito.on(AdminInitiateAuthCommand).rejects(named('TooManyRequestsException'));
    await expect(identity().signIn(coordinator, 'correct horse battery')).rejects.toThrow(
      'TooManyRequestsException',
    );
  });

  it('updates Cognito and signs in again when the directory changed (a new role takes effect at sign-in)', async () => {
    const stale = idToken({ ...claimsOf(coordinator), 'cognito:groups': ['member'] });
    const fresh = idToken(claimsOf(coordinator));
    cognito
      .on(AdminInitiateAuthCommand)
      .resolvesOnce({ AuthenticationResult: { IdToken: stale } })
      .resolvesOnce({ AuthenticationResult: { IdToken: fresh } });
    await expect(identity().signIn(coordinator, 'correct horse battery')).resolves.toEqual({
      token: fresh,
    });
    expect(inputs(AdminUpdateUserAttributesCommand)).toHaveLength(1);
    expect(inputs(AdminAddUserToGroupCommand).map((i) => i.GroupName)).toEqual(['coordinator']);
    expect(inputs(AdminRemoveUserFromGroupCommand)).toHaveLength(0);
    expect(inputs(AdminInitiateAuthCommand)).toHaveLength(2);
  });
});

describe('CognitoIdentity.refresh and endSession (ADR 0042)', () => {
  it("answers a new ID token for Cognito's refresh token", async () => {
    const token = idToken(claimsOf(coordinator));
    cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: token } });
    await expect(identity().refresh(coordinator, 'cognito-refresh')).resolves.toBe(token);
    expect(inputs(AdminInitiateAuthCommand)).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: 'cognito-refresh' },
      },
    ]);
  });

  it('answers nothing when Cognito refuses the refresh token, or there is none', async () => {
    cognito.on(AdminInitiateAuthCommand).rejects(named('NotAuthorizedException'));
    await expect(identity().refresh(coordinator, 'revoked')).resolves.toBeUndefined();
    await expect(identity().refresh(coordinator, undefined)).resolves.toBeUndefined();
    expect(inputs(AdminInitiateAuthCommand)).toHaveLength(1);
  });

  it('fails on anything else Cognito says when refreshing', async () => {
    cognito.on(AdminInitiateAuthCommand).rejects(named('TooManyRequestsException'));
    await expect(identity().refresh(coordinator, 'cognito-refresh')).rejects.toThrow(
      'TooManyRequestsException',
    );
  });

  it("revokes one sign-in's refresh token; an already revoked one is no error", async () => {
    cognito.on(RevokeTokenCommand).resolvesOnce({}).rejectsOnce(named('NotAuthorizedException'));
    await identity().endSession('cognito-refresh');
    await identity().endSession('already-revoked');
    await identity().endSession(undefined);
    expect(inputs(RevokeTokenCommand)).toEqual([
      { ClientId: CLIENT, Token: 'cognito-refresh' },
      { ClientId: CLIENT, Token: 'already-revoked' },
    ]);
  });
});

describe('CognitoIdentity.disable, enable and signOutEverywhere', () => {
  const base = { UserPoolId: POOL, Username: coordinator.id };

  it('disables the Cognito user, then signs them out globally', async () => {
    cognito.on(AdminDisableUserCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    await identity().disable(coordinator);
    expect(inputs(AdminDisableUserCommand)).toEqual([base]);
    expect(inputs(AdminUserGlobalSignOutCommand)).toEqual([base]);
    const order = cognito.calls().map((c) => c.args[0].constructor.name);
    expect(order).toEqual(['AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
  });

  it('does nothing more for someone invited who never had a Cognito user', async () => {
    cognito.on(AdminDisableUserCommand).rejects(named('UserNotFoundException'));
    await identity().disable(coordinator);
    expect(inputs(AdminUserGlobalSignOutCommand)).toEqual([]);
  });

  it('lets any other Cognito failure through, so the caller knows access may not have ended', async () => {
    cognito.on(AdminDisableUserCommand).rejects(named('TooManyRequestsException'));
    await expect(identity().disable(coordinator)).rejects.toThrow('TooManyRequestsException');
  });

  it('enables the user again', async () => {
    cognito.on(AdminEnableUserCommand).resolves({});
    await identity().enable(coordinator);
    expect(inputs(AdminEnableUserCommand)).toEqual([base]);
  });

  it('signs out everywhere without disabling', async () => {
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    await identity().signOutEverywhere(coordinator);
    expect(inputs(AdminUserGlobalSignOutCommand)).toEqual([base]);
    expect(inputs(AdminDisableUserCommand)).toEqual([]);
  });
});

describe('CognitoIdentity.delete (an erasure)', () => {
  const base = { UserPoolId: POOL, Username: coordinator.id };

  it('deletes the Cognito user, with its email, name and password', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    await identity().delete(coordinator);
    expect(inputs(AdminDeleteUserCommand)).toEqual([base]);
    expect(cognito.calls().map((c) => c.args[0].constructor.name)).toEqual([
      'AdminDeleteUserCommand',
    ]);
  });

  it('does nothing more for someone invited who never had a Cognito user', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(named('UserNotFoundException'));
    await expect(identity().delete(coordinator)).resolves.toBeUndefined();
  });

  it('lets any other Cognito failure through, so the erasure is not answered done', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(named('TooManyRequestsException'));
    await expect(identity().delete(coordinator)).rejects.toThrow('TooManyRequestsException');
  });
});
