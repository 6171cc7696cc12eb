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
import type { Handler } from '../route-kit.ts';
import { audit, auditOp } from '../services/audit.ts';
import { hashToken } from '../services/invitations.ts';

const publicUser = (u: UserRecord) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  ...(u.networkId ? { networkId: u.networkId } : {}),
  ...(u.organizationId ? { organizationId: u.organizationId } : {}),
  // someone invited before languages were recorded reads English (as their mail was)
  language: mailLanguage(u.language),
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

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Identity'],
  summary: 'Sign in with email and password',
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
  const token = await limitedSignIn(deps.loginAttempts, attempt, async () => {
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
  if (!token || !found.active) {
    await signIn('sign-in.failed');
    throw invalidCredentials();
  }
  await signIn('sign-in.succeeded');
  return c.json({ token, user: publicUser(found.active) }, 200);
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
  summary: 'Change the signed-in person’s own settings: their language',
  description:
    'Every role. The mail Sisi sends the person from then on (scheduled review mail, a password reset, an invitation sent again) is in this language. Anything but `en`, `fr`, `es` or `pt`, or another field, is a 400 naming it, and nothing is written.',
  security: bearer,
  request: { body: jsonBody(updateMeSchema) },
  responses: {
    200: jsonResponse(meSchema, 'The signed-in person, as `GET /me` shows them'),
    ...problems(400, 401),
  },
});
const updateMeHandler: Handler<typeof updateMe> = async (c) => {
  const { language } = c.req.valid('json');
  const platform = c.var.deps.platform;
  const user = await platform.getUser(c.get('tenant').userId);
  if (user?.status !== 'active') throw new UnauthorizedError('unauthorized_not_active');
  await platform.setUserLanguage(user.id, language);
  return c.json(
    { ...publicUser({ ...user, language }), now: c.var.deps.clock.now().toISOString() },
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
  const token = await deps.identity.signIn(active, password);
  if (!token) throw new Error('sign-in failed right after setting the password');
  return c.json({ token, user: publicUser(active) }, 200);
};

/** Sign-in, the caller's profile, and invitations. */
export const authRoutes = () =>
  router()
    .openapi(login, loginHandler)
    .openapi(getMe, getMeHandler)
    .openapi(updateMe, updateMeHandler)
    .openapi(getInvitation, getInvitationHandler)
    .openapi(acceptInvitation, acceptInvitationHandler);
