import { type NoticeKind, noticeMail } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';

type NoticeDeps = Pick<ApiDeps, 'platform' | 'mailQueue' | 'baseUrl'>;

export interface Notice {
  kind: NoticeKind;
  networkId: string;
  /** The person asked to act. */
  userId: string;
  /** What the request is about, so the same request is announced once (e.g. a group and its spirit's version). */
  about: string;
  /** The SPA path where the person acts (`confirmationPaths` of the tasks). */
  path: string;
  /** The words of the mail: who asked, the group's or program's name, the nominee. */
  by?: string;
  name?: string;
  nominee?: string;
}

/**
 * Mails a notice of a request for the person's action, in their language, once: its
 * queue key is the kind, the network, what it is about and the person, so a retried or
 * repeated request queues nothing more (ADR 0046). Nobody is mailed who is not active, or
 * who turned notices off (`PATCH /me {notices: false}`). Called after the request's data is
 * written; never throws, since the request has succeeded and the home lists the task anyway.
 */
export async function sendNotices(deps: NoticeDeps, notices: Notice[]): Promise<void> {
  if (!notices.length) return;
  try {
    const network = await deps.platform.getNetwork(notices[0]!.networkId);
    for (const n of notices) {
      const user = await deps.platform.getUser(n.userId);
      if (user?.status !== 'active' || user.notices === false) continue;
      const id = await deps.mailQueue.enqueueOnce(
        `notice#${n.kind}#${n.networkId}#${n.about}#${n.userId}`,
        noticeMail({
          kind: n.kind,
          to: user.email,
          name: user.name,
          ...(user.language ? { language: user.language } : {}),
          networkName: network?.name ?? '',
          ...(n.by ? { by: n.by } : {}),
          ...(n.name ? { about: n.name } : {}),
          ...(n.nominee ? { nominee: n.nominee } : {}),
          link: `${deps.baseUrl}${n.path}`,
        }),
      );
      // queued: sent now if it can be, else by the mail queue's worker
      if (id) await deps.mailQueue.deliver(id).catch(() => {});
    }
  } catch (error) {
    console.error('a notice mail could not be queued:', error);
  }
}
