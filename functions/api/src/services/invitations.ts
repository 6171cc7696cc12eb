import { createHash, randomBytes } from 'node:crypto';
import type { UserRecord, WriteOp } from '@sisi/data';
import { INVITATION_TTL_DAYS, invitationMail } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

export interface PendingInvitation {
  /** Goes into the same transaction as the person it invites. */
  op: WriteOp;
  /** Sends the mail; call only after the transaction committed. */
  send(): Promise<void>;
}

/**
 * A single-use invitation for `user`, valid 7 days. Only the token's hash is stored;
 * the token itself exists in the mail alone.
 */
export function prepareInvitation(
  deps: Pick<ApiDeps, 'platform' | 'clock' | 'mailer' | 'baseUrl'>,
  input: {
    user: UserRecord;
    inviterName: string;
    networkName?: string;
    organizationName?: string;
  },
): PendingInvitation {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const op = deps.platform.createInvitationOp({
    tokenHash: hashToken(token),
    userId: input.user.id,
    email: input.user.email,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return {
    op,
    async send() {
      const role = input.user.roles[0] ?? 'member';
      await deps.mailer.send(
        invitationMail({
          to: input.user.email,
          name: input.user.name,
          role,
          inviterName: input.inviterName,
          ...(input.networkName ? { networkName: input.networkName } : {}),
          ...(input.organizationName ? { organizationName: input.organizationName } : {}),
          link: `${deps.baseUrl}/invitations/${token}`,
          expiresAt,
          ...(input.user.language ? { language: input.user.language } : {}),
        }),
      );
    },
  };
}
