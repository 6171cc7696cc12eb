import { createRoute, z } from '@hono/zod-openapi';
import type { UserRecord } from '@sisi/data';
import {
  acceptInvitationSchema,
  loginSchema,
  mailLanguage,
  meSchema,
  sessionSchema,
  updateMeSchema,
  userSchema,
} from '@sisi/domain';
import { clientAddress } from '../client-address.ts';
import type { ApiDeps } from '../deps.ts';
import { GoneError, NotFoundError, onConflict, UnauthorizedError } from '../errors.ts';
import { limitedSignIn } from '../login-limiter.ts';
import { bearer, jsonBody, jsonResponse, problems, router } from '../openapi.ts';
import { withStrongPassword } from '../password-policy.ts';
import { problemResponse } from '../problem.ts';
import type { Handler } from '../route-kit.ts';
import { audit, auditOp } from '../services/audit.ts';
import { hashToken } from '../services/invitations.ts';
import { signOutEverywhere } from '../services/person-status.ts';
import {
  CLEARED_REFRESH_COOKIE,
  clearRefreshCookie,
  endRefreshFamily,
  exchangeRefresh,
  hasRefreshCookie,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  REFRESH_IDLE_DAYS,
  REFRESH_MAX_DAYS,
  startRefreshFamily,
} from '../services/refresh-sessions.ts';

const publicUser = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  ...(u.networkId ? { networkId: u.networkId } : {}),
  ...(u.organizationId ? { organizationId: u.organizationId } : {}),
  // someone invited before languages were recorded reads English (as their mail was)
  language: mailLanguage(u.language),
  notices: u.notices !== false,
});

const tokenParam = z.object({ token: z.string().min(1).max(200) });

const invitationSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    roles: userSchema.shape.roles,
    networkName: z.string().optional(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

const invalidCredentials = () => new UnauthorizedError('unauthorized_credentials');

/** The invitation of `token` and who it is for: 404 unknown, 410 used or expired. */
async function findInvitation(deps: ApiDeps, token: string) {
  const invitation = await deps.platform.getInvitation(hashToken(token));
  if (!invitation) throw new NotFoundError('invitation');
  if (invitation.usedAt || invitation.expiresAt <= deps.clock.now().toISOString()) {
    throw new GoneError('gone_invitation_used');
  }
  const user = await deps.platform.getUser(invitation.userId);
  if (!user) throw new NotFoundError('invitation');
  // replaced by a newer link, or its person deactivated or already active
  if (!deps.platform.isCurrentInvitation(invitation, user)) {
    throw new GoneError('gone_invitation_invalid');
  }
  return { invitation, user };
}

/** What every answer that starts a kept sign-in says of its cookie (ADR 0042). */
const KEPT_SIGN_IN = `Also sets the \`${REFRESH_COOKIE}\` cookie (HttpOnly, Secure, SameSite=Strict, Path=${REFRESH_COOKIE_PATH}): a refresh token that \`POST /auth/session/refresh\` exchanges for a new bearer token after the tab was closed, for up to ${REFRESH_IDLE_DAYS} days unused and ${REFRESH_MAX_DAYS} days at most.`;

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Identity'],
  summary: 'Sign in with email and password',
  description: `The bearer token lasts 15 minutes. ${KEPT_SIGN_IN}`,
  request: { body: jsonBody(loginSchema) },
  responses: {
    200: jsonResponse(sessionSchema, 'A token and the signed-in person'),
    ...problems(400, 401, 429),
  },
});
const loginHandler: Handler<typeof login> = async (c) => {
  const deps = c.var.deps;
  const { email, password } = c.req.valid('json');
  const attempt = {
    address: clientAddress(c, deps.clientAddress),
    email,
    nowMs: deps.clock.now().getTime(),
  };
  const found: { active?: UserRecord; user?: UserRecord } = {};
  // The limiter answers first (429) when it must; the directory is read only after it.
  const signedIn = await limitedSignIn(deps.loginAttempts, attempt, async () => {
    const user = await deps.platform.getUserByEmail(email);
    found.user = user;
    if (user?.status === 'active') found.active = user;
    // signIn hashes even for an unknown person, so timing does not reveal who exists.
    return deps.identity.signIn(found.active, password);
  });
  // in the person's network's trail, else the platform's; an unknown email is not kept
  const who = found.user;
  const signIn = (kind: 'sign-in.succeeded' | 'sign-in.failed') =>
    audit(c, {
      kind,
      networkId: who?.networkId ?? null,
      actor: who ? { id: who.id, ...(who.roles[0] ? { role: who.roles[0] } : {}) } : null,
    });
  if (!signedIn || !found.active) {
    await signIn('sign-in.failed');
    throw invalidCredentials();
  }
  await signIn('sign-in.succeeded');
  await startRefreshFamily(c, found.active, signedIn.refreshHandle);
  return c.json({ token: signedIn.token, user: publicUser(found.active) }, 200);
};

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Identity'],
  summary: 'The signed-in person',
  security: bearer,
  description:
    'Every role. `now` is the server’s time: the SPA takes its date for today (default dates, schedule previews), so a demo whose clock was moved works as the server does.',
  responses: {
    200: jsonResponse(meSchema, 'The signed-in person, and the server’s time'),
    ...problems(401),
  },
});
const getMeHandler: Handler<typeof getMe> = async (c) => {
  const user = await c.var.deps.platform.getUser(c.get('tenant').userId);
  if (user?.status !== 'active') throw new UnauthorizedError('unauthorized_not_active');
  return c.json({ ...publicUser(user), now: c.var.deps.clock.now().toISOString() }, 200);
};

const updateMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['Identity'],
  summary:
    'Change the signed-in person’s own settings: their language, and whether they get notices',
  description:
    'Every role; only the fields given change. `language`: the mail Sisi sends the person from then on (scheduled review mail, a password reset, an invitation sent again, notices) is in this language. `notices: false` turns off the optional mails, the notices of a request for the person’s action (added to the pool of Sisi Kwa Sisi coaches, a reference to confirm, a coaching group’s spirit to agree), which the home (`GET /me/tasks`) lists anyway; the required mails (invitations, password resets, review requests, reminders and escalations) are always sent (ADR 0046). A language other than `en`, `fr`, `es` or `pt`, a `notices` that is not a boolean, or another field, is a 400 naming it, and nothing is written.',
  security: bearer,
  request: { body: jsonBody(updateMeSchema) },
  responses: {
    200: jsonResponse(meSchema, 'The signed-in person, as `GET /me` shows them'),
    ...problems(400, 401),
  },
});
const updateMeHandler: Handler<typeof updateMe> = async (c) => {
  const { language, notices } = c.req.valid('json');
  const platform = c.var.deps.platform;
  const user = await platform.getUser(c.get('tenant').userId);
  if (user?.status !== 'active') throw new UnauthorizedError('unauthorized_not_active');
  const settings = {
    ...(language === undefined ? {} : { language }),
    ...(notices === undefined ? {} : { notices }),
  };
  await platform.setUserSettings(user.id, settings);
  return c.json(
    { ...publicUser({ ...user, ...settings }), now: c.var.deps.clock.now().toISOString() },
    200,
  );
};

const getInvitation = createRoute({
  method: 'get',
  path: '/invitations/{token}',
  tags: ['Identity'],
  summary: 'Who an invitation is for (shown before accepting)',
  request: { params: tokenParam },
  responses: { 200: jsonResponse(invitationSchema, 'The invitation'), ...problems(404, 410) },
});
const getInvitationHandler: Handler<typeof getInvitation> = async (c) => {
  const deps = c.var.deps;
  const { invitation, user } = await findInvitation(deps, c.req.valid('param').token);
  const network = user.networkId ? await deps.platform.getNetwork(user.networkId) : undefined;
  return c.json(
    {
      email: user.email,
      name: user.name,
      roles: user.roles,
      ...(network ? { networkName: network.name } : {}),
      expiresAt: invitation.expiresAt,
    },
    200,
  );
};

const acceptInvitation = createRoute({
  method: 'post',
  path: '/invitations/{token}/accept',
  tags: ['Identity'],
  summary: 'Accept an invitation: choose a name and password, get signed in',
  description: KEPT_SIGN_IN,
  request: { params: tokenParam, body: jsonBody(withStrongPassword(acceptInvitationSchema)) },
  responses: {
    200: jsonResponse(sessionSchema, 'A token and the new person'),
    ...problems(400, 404, 410),
  },
});
const acceptInvitationHandler: Handler<typeof acceptInvitation> = async (c) => {
  const deps = c.var.deps;
  const { name, password } = c.req.valid('json');
  const { invitation, user } = await findInvitation(deps, c.req.valid('param').token);
  const now = deps.clock.now().toISOString();
  const ops = deps.platform.acceptInvitationOps(invitation, name, now);
  if (user.networkId && user.organizationId) {
    ops.push(deps.store({ networkId: user.networkId }).people.activateOp(user.id, name));
  }
  ops.push(
    auditOp(c, {
      kind: 'invitation.accepted',
      networkId: user.networkId ?? null,
      actor: { id: user.id, ...(user.roles[0] ? { role: user.roles[0] } : {}) },
    }),
  );
  // a race with another acceptance: the invitation is gone, not in conflict
  await deps.platform
    .transact(ops)
    .catch(onConflict(() => new GoneError('gone_invitation_used_meanwhile')));
  const active: UserRecord = { ...user, name, status: 'active', activatedAt: now };
  await deps.identity.setPassword(active, password);
  const signedIn = await deps.identity.signIn(active, password);
  if (!signedIn) throw new Error('sign-in failed right after setting the password');
  await startRefreshFamily(c, active, signedIn.refreshHandle);
  return c.json({ token: signedIn.token, user: publicUser(active) }, 200);
};

const refreshSession = createRoute({
  method: 'post',
  path: '/auth/session/refresh',
  tags: ['Identity'],
  summary: 'Exchange the kept sign-in (the refresh cookie) for a new bearer token',
  description: `No bearer token: the \`${REFRESH_COOKIE}\` cookie, set at sign-in, is the credential, and the browser sends it to this path only. Each exchange spends the refresh token and sets a new one (rotation); a spent token presented again ends every token of its sign-in (reuse detection). No cookie at all: 204. 401, the cookie cleared: a malformed or unknown one, unused for ${REFRESH_IDLE_DAYS} days, ${REFRESH_MAX_DAYS} days since the sign-in, signed out on this device or everywhere, or the person deactivated or erased. ADR 0042.`,
  responses: {
    200: jsonResponse(sessionSchema, 'A new bearer token and the signed-in person'),
    204: {
      description:
        'No sign-in is kept on this device (no cookie): nothing to exchange. Not an error, so a page opened signed out logs no failed request.',
    },
    ...problems(401),
  },
});
const refreshSessionHandler: Handler<typeof refreshSession> = async (c) => {
  if (!hasRefreshCookie(c)) return c.body(null, 204);
  try {
    const { token, user } = await exchangeRefresh(c);
    return c.json({ token, user: publicUser(user) }, 200);
  } catch (error) {
    // a refused exchange clears the cookie: the problem answer carries the Set-Cookie
    const res = problemResponse(c, error);
    res.headers.append('set-cookie', CLEARED_REFRESH_COOKIE);
    return res as never;
  }
};

const endSession = createRoute({
  method: 'delete',
  path: '/auth/session',
  tags: ['Identity'],
  summary: 'Sign out on this device: the kept sign-in ends, its cookie is cleared',
  description: `No bearer token needed: the \`${REFRESH_COOKIE}\` cookie names the sign-in to end. The same 204 whether one was kept or not. Bearer tokens already issued to this device last until they expire (15 minutes); the SPA forgets its own.`,
  responses: { 204: { description: 'Signed out on this device' } },
});
const endSessionHandler: Handler<typeof endSession> = async (c) => {
  await endRefreshFamily(c);
  return c.body(null, 204);
};

const signOutEverywhereRoute = createRoute({
  method: 'post',
  path: '/me/sign-out-everywhere',
  tags: ['Identity'],
  summary: 'Sign out on every device: every token and kept sign-in of the caller ends',
  description:
    'Every role. Every bearer token the caller was issued before this second, and every kept sign-in (refresh cookie) they started before it, on any device, answer 401 from now on (within 60 s on other instances of the API). This device’s cookie is cleared too. They may sign in again at once. ADR 0042.',
  security: bearer,
  responses: { 204: { description: 'Signed out everywhere' }, ...problems(401) },
});
const signOutEverywhereHandler: Handler<typeof signOutEverywhereRoute> = async (c) => {
  await signOutEverywhere(c.var.deps, c.get('tenant').userId);
  clearRefreshCookie(c);
  return c.body(null, 204);
};

/** Sign-in (kept sign-ins and signing out too), the caller's profile, and invitations. */
export const authRoutes = () =>
  router()
    .openapi(login, loginHandler)
    .openapi(refreshSession, refreshSessionHandler)
    .openapi(endSession, endSessionHandler)
    .openapi(signOutEverywhereRoute, signOutEverywhereHandler)
    .openapi(getMe, getMeHandler)
    .openapi(updateMe, updateMeHandler)
    .openapi(getInvitation, getInvitationHandler)
    .openapi(acceptInvitation, acceptInvitationHandler);
