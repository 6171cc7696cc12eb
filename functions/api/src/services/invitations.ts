import { createHash, randomBytes } from 'node:crypto';
import type { UserRecord, WriteOp } from '@sisi/data';
import {
  DEFAULT_LANGUAGE,
  INVITATION_TTL_DAYS,
  invitationMail,
  isLanguage,
  type Language,
  type Network,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * The language of invitations into a network that name none: its `defaultLanguage`, or
 * English for a network made before networks had one (or none at all: a donor).
 *
 * @example networkLanguage({ defaultLanguage: 'fr' }) // 'fr'
 */
export const networkLanguage = (network: Pick<Network, 'defaultLanguage'> | undefined): Language =>
  isLanguage(network?.defaultLanguage) ? network.defaultLanguage : DEFAULT_LANGUAGE;

export interface PendingInvitation {
  /** The hash of the new link's token, as the invitation is stored (`INVITATION#<hash>`). */
  tokenHash: string;
  /** The invitation and its queued mail: into the same transaction as the person invited. */
  ops: WriteOp[];
  /**
   * Sends the mail now if it can (call after the transaction committed); if it cannot, the
   * mail stays queued and the runtime's worker sends it. Never throws for a failed send.
   */
  send(): Promise<void>;
  /** A held invitation's mail may be sent now (the worker sends it if `send` does not). */
  release(): Promise<void>;
  /** A held invitation's mail is dropped instead (its network could not be provisioned). */
  cancel(): Promise<void>;
}

/**
 * A single-use invitation for `user`, valid 7 days. Only the token's hash is stored as the
 * invitation; the token itself is in the mail alone, which waits in the mail queue until it
 * is sent and loses its text then (ADR 0023). `held`: the mail waits for `release()`.
 */
export function prepareInvitation(
  deps: Pick<ApiDeps, 'platform' | 'clock' | 'mailQueue' | 'baseUrl'>,
  input: {
    user: UserRecord;
    inviterName: string;
    networkName?: string;
    organizationName?: string;
  },
  options: { held?: boolean } = {},
): PendingInvitation {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const tokenHash = hashToken(token);
  const invitation = deps.platform.createInvitationOp({
    tokenHash,
    userId: input.user.id,
    email: input.user.email,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  const role = input.user.roles[0] ?? 'member';
  const mail = deps.mailQueue.enqueueOp(
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
    options,
  );
  return {
    tokenHash,
    ops: [invitation, mail.op],
    async send() {
      try {
        await deps.mailQueue.deliver(mail.id);
      } catch (error) {
        // the data is written and the mail queued: the worker sends it
        console.error(`invitation mail ${mail.id} left to the worker:`, error);
      }
    },
    release: () => deps.mailQueue.release(mail.id),
    cancel: () => deps.mailQueue.cancel(mail.id),
  };
}
