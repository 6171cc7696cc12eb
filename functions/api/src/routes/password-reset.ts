import { createRoute, z } from '@hono/zod-openapi';
import { passwordResetRequestSchema, passwordResetSchema } from '@sisi/domain';
import { clientAddress } from '../client-address.ts';
import { GoneError, NotFoundError, onConflict } from '../errors.ts';
import { jsonBody, jsonResponse, problems, router } from '../openapi.ts';
import { withStrongPassword } from '../password-policy.ts';
import type { Handler } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import { hashToken } from '../services/invitations.ts';
import {
  answerNotBefore,
  PASSWORD_RESET_LIMITS,
  type PendingPasswordReset,
  preparePasswordReset,
  resetRequestAllowed,
} from '../services/password-reset.ts';

/** The one answer to every reset request, whoever the email belongs to. */
const REQUESTED = {
  message:
    'If this email belongs to an active account, a link to choose a new password is on its way. It works once, for one hour.',
} as const;

const requestedSchema = z.object({ message: z.string() }).openapi('PasswordResetRequested');
const resetDoneSchema = z
  .object({ email: z.string().describe('The account whose password was set: sign in with it') })
  .openapi('PasswordResetDone');
const tokenParam = z.object({ token: z.string().min(1).max(200) });

const gone = () => new GoneError('gone_reset_link');

const requestReset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags: ['Identity'],
  summary: 'Ask for a link to choose a new password (always the same answer)',
  request: { body: jsonBody(passwordResetRequestSchema) },
  responses: {
    202: jsonResponse(requestedSchema, 'Asked: a mail goes out if the email is an active account'),
    ...problems(400, 429),
  },
});
const requestResetHandler: Handler<typeof requestReset> = async (c) => {
  const started = performance.now();
  const deps = c.var.deps;
  const { email } = c.req.valid('json');
  const allowed = await resetRequestAllowed(deps, {
    address: clientAddress(c, deps.clientAddress),
    email,
    nowMs: deps.clock.now().getTime(),
  });
  const user = await deps.platform.getUserByEmail(email);
  let pending: PendingPasswordReset | undefined;
  // invited people have an invitation to accept, deactivated ones no access: no mail
  if (allowed && user?.status === 'active') {
    pending = preparePasswordReset(deps, user);
    // recorded only when a mail is queued; the caller's answer stays the same (ADR 0032)
    await deps.platform.transact([
      ...pending.ops,
      auditOp(c, {
        kind: 'password-reset.requested',
        subjectId: user.id,
        // the account's owner, or someone using their email (as for sign-ins)
        actor: { id: user.id, ...(user.roles[0] ? { role: user.roles[0] } : {}) },
        networkId: user.networkId ?? null,
      }),
    ]);
    // not awaited: the answer does not wait on the mail server (the queue's worker retries)
    void pending.send();
  }
  await answerNotBefore(started, PASSWORD_RESET_LIMITS.answerFloorMs);
  return c.json(REQUESTED, 202);
};

const resetPassword = createRoute({
  method: 'post',
  path: '/password-reset/{token}',
  tags: ['Identity'],
  summary: 'Choose a new password with a mailed reset link (single use, one hour)',
  request: { params: tokenParam, body: jsonBody(withStrongPassword(passwordResetSchema)) },
  responses: {
    200: jsonResponse(resetDoneSchema, 'The password is set; sign in with it'),
    ...problems(400, 404, 410),
  },
});
const resetPasswordHandler: Handler<typeof resetPassword> = async (c) => {
  const deps = c.var.deps;
  const { password } = c.req.valid('json');
  const reset = await deps.platform.getPasswordReset(hashToken(c.req.valid('param').token));
  if (!reset) throw new NotFoundError('password reset link');
  const now = deps.clock.now().toISOString();
  if (reset.usedAt || reset.expiresAt <= now) throw gone();
  const user = await deps.platform.getUser(reset.userId);
  // a person deactivated since, or a link older than the last reset, is void too
  if (
    user?.status !== 'active' ||
    (user.passwordResetAt !== undefined && user.passwordResetAt > reset.createdAt)
  ) {
    throw gone();
  }
  // used first, in one conditional transaction: of two racing uses, one sets the password
  await deps.platform
    .transact([
      // whoever knew the old password is signed out everywhere (ADR 0031)
      ...deps.platform.usePasswordResetOps(reset, now, new Date()),
      auditOp(c, {
        kind: 'password-reset.completed',
        subjectId: user.id,
        actor: { id: user.id, ...(user.roles[0] ? { role: user.roles[0] } : {}) },
        networkId: user.networkId ?? null,
      }),
    ])
    .catch(onConflict(gone));
  deps.access?.forget(user.id);
  await deps.identity.setPassword(user, password);
  await deps.identity.signOutEverywhere(user);
  // they proved they read the account's mail: earlier failed sign-ins no longer slow them
  await deps.loginAttempts.clearFailures(user.email);
  return c.json({ email: user.email }, 200);
};

/** Forgotten passwords: a mailed single-use link, then a new password. */
export const passwordResetRoutes = () =>
  router().openapi(requestReset, requestResetHandler).openapi(resetPassword, resetPasswordHandler);
