import { z } from 'zod';
import { emailSchema, idSchema } from './common.ts';
import { coded } from './errors/codes.ts';
import { languageSchema } from './language-schema.ts';
import { roleSchema } from './roles.ts';

export const loginSchema = z
  .object({ email: emailSchema, password: z.string().min(1, 'is required').max(200) })
  .strict()
  .describe(
    'Limited per client address (10 attempts per 15 minutes, successes given back) and per account (a pause of 1 s doubling to 30 s after 3 failures): 429 with Retry-After',
  );

/**
 * 12 characters at least, not all of them spaces: long beats complex (NIST SP 800-63B). The
 * API also refuses common and breached-pattern passwords (`withStrongPassword`, ADR 0021).
 */
export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters')
  .refine((p) => p.trim() !== '', { message: 'must not be only spaces', ...coded('blank') })
  .describe(
    '12 to 200 characters, not only spaces, and not a common password or pattern (checked with zxcvbn: too easy to guess is a 400 naming `password`)',
  );

export const acceptInvitationSchema = z
  .object({ name: z.string().trim().min(1, 'is required').max(120), password: passwordSchema })
  .strict();

export const userSchema = z.object({
  id: idSchema,
  email: emailSchema,
  name: z.string(),
  roles: z.array(roleSchema),
  networkId: idSchema.optional(),
  organizationId: idSchema.optional(),
  language: languageSchema.describe('The language of the mail Sisi sends this person'),
  notices: z
    .boolean()
    .describe(
      'Whether Sisi mails the person its optional notices (a request for their action: added to the pool of coaches, a reference to confirm, a group spirit to agree). `true` unless they turned them off; required mail (invitations, password resets, review mail) is sent either way',
    ),
});
export type User = z.output<typeof userSchema>;

/**
 * `GET /me` and `PATCH /me`: the person, and the server's time, which the SPA takes for
 * "today" (default dates, previews): on a demo whose virtual clock was moved, the browser's
 * own date would refuse the server's defaults.
 */
export const meSchema = userSchema.extend({
  now: z.iso.datetime().describe('The server’s current time (ISO 8601, UTC)'),
});
export type Me = z.output<typeof meSchema>;

export const sessionSchema = z.object({ token: z.string(), user: userSchema });
export type Session = z.output<typeof sessionSchema>;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 7;

/** `POST /auth/password-reset`: the same 202 whether or not the email belongs to anyone. */
export const passwordResetRequestSchema = z
  .object({ email: emailSchema })
  .strict()
  .describe(
    'Always 202 with the same body, whether the email belongs to someone or not. Limited per client address (10 requests per hour: 429 with Retry-After) and per email (at most 3 mails per hour; more requests still answer 202)',
  );

/** `POST /password-reset/{token}`: the new password, under the same rules as any other. */
export const passwordResetSchema = z.object({ password: passwordSchema }).strict();

/** How long a password reset link stays valid. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
