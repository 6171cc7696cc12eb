import type { NetworkStore, PlatformRepository, ReviewMailKey } from '@sisi/data';
import {
  type Clock,
  executionInput,
  executionName,
  type LifecycleState,
  type Mailer,
  type Mentorship,
  type ReviewMailKind,
  type ReviewRef,
  reviewMail,
  type ScheduledReview,
  scheduledReviewFor,
} from '@sisi/domain';
import { LifecycleInputError, LifecycleMailError, LifecycleMailInFlightError } from './errors.ts';

/** What the handlers use of one network's store (a `NetworkStore` is one). */
export interface LifecycleStore {
  mentorships: Pick<NetworkStore['mentorships'], 'get'>;
  organizations: Pick<NetworkStore['organizations'], 'getMany'>;
  people: Pick<NetworkStore['people'], 'get' | 'activeCoordinators'>;
  /** Quarterly reports and the record of every lifecycle mail. */
  reviews: Pick<
    NetworkStore['reviews'],
    'getReport' | 'claimMail' | 'markMailSent' | 'releaseMail'
  >;
}

/** Everything the handlers need from outside, chosen by a runtime's composition root. */
export interface LifecycleDeps {
  /** The one way to a network's data (on AWS: credentials scoped to that network). */
  store(networkId: string): LifecycleStore;
  platform: Pick<PlatformRepository, 'getUser' | 'getNetwork' | 'listNetworkAdmins'>;
  mailer: Mailer;
  clock: Clock;
  /** Where links in mail point, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /**
   * Starts the execution `name` with `input`; a name started before is a no-op (Step
   * Functions' own rule for a repeated name with the same input; the local runner's too).
   */
  startExecution(name: string, input: LifecycleState): Promise<void>;
}

/** `RequestReview`'s result: the ASL stops the execution when the mentorship has ended. */
export interface RequestReviewResult {
  ended: boolean;
}

/** `RemindIfMissing`'s (and `EscalateIfMissing`'s) result. */
export interface FollowUpResult {
  submitted: boolean;
  ended: boolean;
}

export interface LifecycleHandlers {
  /** On the review's date: asks for it and starts the next review's execution. */
  requestReview(state: LifecycleState): Promise<RequestReviewResult>;
  /** 14 days after a quarterly review: reminds the mentor's coordinator if the report is missing. */
  remindIfMissing(state: LifecycleState): Promise<FollowUpResult>;
  /** 28 days after: tells the network's admins the report is overdue, if it still is. */
  escalateIfMissing(state: LifecycleState): Promise<FollowUpResult>;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  language?: string;
}

function checkState(state: LifecycleState): void {
  const ok =
    !!state &&
    typeof state.networkId === 'string' &&
    typeof state.mentorshipId === 'string' &&
    Number.isInteger(state.period) &&
    state.period >= 1 &&
    !!state.review &&
    ['quarterly', 'mid-term', 'end'].includes(state.review.kind);
  if (!ok) throw new LifecycleInputError(`not a lifecycle state: ${JSON.stringify(state)}`);
}

const hasEnded = (m: Mentorship | undefined): m is undefined =>
  !m || m.stage === 'end' || !!m.ending;

const refOf = (r: Pick<ScheduledReview, 'kind' | 'period' | 'dueDate'>): ReviewRef => ({
  kind: r.kind,
  ...(r.period === undefined ? {} : { period: r.period }),
  dueDate: r.dueDate,
});

function checkDeps(deps: LifecycleDeps): void {
  const missing = (
    ['store', 'platform', 'mailer', 'clock', 'baseUrl', 'startExecution'] as const
  ).filter((k) => !deps[k]);
  if (missing.length) throw new Error(`createLifecycleHandlers: missing ${missing.join(', ')}`);
}

/**
 * The Task handlers of the lifecycle workflow, the same for Step Functions (one Lambda each)
 * and the local runner. Each mail — a (review, kind, recipient) — is sent once: claimed in
 * the network table before it is sent, marked sent after (docs/decisions/0007).
 *
 * @example
 * const handlers = createLifecycleHandlers({ store, platform, mailer, clock,
 *   baseUrl, startExecution: (name, input) => starter.start(name, input) });
 * await handlers.requestReview(executionInput(mentorship, 1)); // { ended: false }
 */
export function createLifecycleHandlers(deps: LifecycleDeps): LifecycleHandlers {
  checkDeps(deps);

  async function load(state: LifecycleState) {
    checkState(state);
    const repos = deps.store(state.networkId);
    const mentorship = await repos.mentorships.get(state.mentorshipId);
    const scheduled = mentorship
      ? scheduledReviewFor(mentorship.reviews, state.period, state.review)
      : undefined;
    return { repos, mentorship, scheduled };
  }

  async function person(
    repos: LifecycleStore,
    id: string | undefined,
  ): Promise<Recipient | undefined> {
    if (!id) return undefined;
    const [p, user] = await Promise.all([repos.people.get(id), deps.platform.getUser(id)]);
    // someone whose access ended is sent nothing more
    if (p?.status === 'deactivated' || user?.status === 'deactivated') return undefined;
    const email = p?.email ?? user?.email;
    if (!email) return undefined;
    return {
      id,
      email,
      name: p?.name ?? user?.name ?? '',
      ...(user?.language ? { language: user.language } : {}),
    };
  }

  const unique = (rs: (Recipient | undefined)[]) => {
    const seen = new Set<string>();
    return rs.filter((r): r is Recipient => !!r && !seen.has(r.id) && !!seen.add(r.id));
  };

  async function organizationsOf(repos: LifecycleStore, m: Mentorship) {
    const orgs = await repos.organizations.getMany([
      m.mentorOrganizationId,
      ...m.menteeOrganizationIds,
    ]);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return {
      mentor: byId.get(m.mentorOrganizationId),
      mentees: m.menteeOrganizationIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    };
  }

  /**
   * Whoever holds the organization's coordinator role when the mail is sent, not who held
   * it when the mentorship began (an organization may have several; ADR 0031).
   */
  async function coordinatorsOf(
    repos: LifecycleStore,
    org: { id: string } | undefined,
  ): Promise<(Recipient | undefined)[]> {
    if (!org) return [];
    const holders = await repos.people.activeCoordinators(org.id);
    return Promise.all(holders.map((h) => person(repos, h.id)));
  }

  /** Who is asked, addressed when sent: see API.md "Scheduled mail". */
  async function recipients(
    repos: LifecycleStore,
    m: Mentorship,
    orgs: Awaited<ReturnType<typeof organizationsOf>>,
    kind: ReviewMailKind,
    review: ReviewRef,
  ): Promise<Recipient[]> {
    if (kind === 'escalation') {
      const admins = await deps.platform.listNetworkAdmins(m.networkId);
      return unique(
        admins
          .filter((u) => u.status !== 'deactivated')
          .map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            ...(u.language ? { language: u.language } : {}),
          })),
      );
    }
    if (kind === 'reminder' || review.kind === 'quarterly') {
      return unique(await coordinatorsOf(repos, orgs.mentor));
    }
    // mid-term and end: everyone in the mentorship, both sides
    const coordinators = await Promise.all(
      [orgs.mentor, ...orgs.mentees].map((o) => coordinatorsOf(repos, o)),
    );
    return unique([
      ...coordinators.flat(),
      ...(await Promise.all(m.participantIds.map((id) => person(repos, id)))),
    ]);
  }

  /** Sends `kind` of review `n` to each recipient once; failures are retried by the caller. */
  async function sendEach(
    repos: LifecycleStore,
    m: Mentorship,
    n: number,
    kind: ReviewMailKind,
    review: ReviewRef,
  ): Promise<void> {
    const orgs = await organizationsOf(repos, m);
    const [network, people] = await Promise.all([
      deps.platform.getNetwork(m.networkId),
      recipients(repos, m, orgs, kind, review),
    ]);
    const following = m.reviews[n];
    const next = following ? { ...refOf(following), n: n + 1 } : undefined;
    const failed: { recipientId: string; error: unknown }[] = [];
    for (const r of people) {
      const key: ReviewMailKey = { period: n, kind, recipientId: r.id };
      const claimedAt = deps.clock.now().toISOString();
      let claimed = false;
      try {
        const claim = await repos.reviews.claimMail(m.id, key, claimedAt);
        if (claim === 'sent') continue;
        if (claim === 'in-flight') {
          // another run of this step is sending it now; a retry finds it sent (or takes over)
          failed.push({ recipientId: r.id, error: new LifecycleMailInFlightError(r.id) });
          continue;
        }
        claimed = true;
        const sent = await deps.mailer.send(
          reviewMail({
            kind,
            to: r.email,
            name: r.name,
            ...(r.language ? { language: r.language } : {}),
            networkName: network?.name ?? '',
            mentorOrganizationName: orgs.mentor?.name ?? '',
            menteeOrganizationNames: orgs.mentees.map((o) => o.name),
            baseUrl: deps.baseUrl,
            networkId: m.networkId,
            mentorshipId: m.id,
            review,
            ...(next ? { next } : {}),
            now: deps.clock.now(),
          }),
        );
        claimed = false;
        await repos.reviews.markMailSent(m.id, key, {
          at: deps.clock.now().toISOString(),
          messageId: sent.id,
        });
      } catch (error) {
        // the mailer failed: give the claim back so the retry need not wait out the lease
        if (claimed) await repos.reviews.releaseMail(m.id, key, claimedAt).catch(() => {});
        failed.push({ recipientId: r.id, error });
      }
    }
    if (failed.length) throw new LifecycleMailError(failed, { cause: failed[0]!.error });
  }

  async function followUp(
    state: LifecycleState,
    kind: Exclude<ReviewMailKind, 'request'>,
  ): Promise<FollowUpResult> {
    const { repos, mentorship: m, scheduled } = await load(state);
    if (state.review.kind !== 'quarterly') {
      throw new LifecycleInputError(
        `a ${kind} is for a quarterly review, not ${state.review.kind}`,
      );
    }
    const period = scheduled?.period ?? state.review.period;
    const submitted =
      !!m && period !== undefined && !!(await repos.reviews.getReport(m.id, period));
    if (hasEnded(m)) return { submitted, ended: true };
    // a review already past when the mentorship was recorded is never chased
    if (submitted || !scheduled || scheduled.state === 'past') return { submitted, ended: false };
    await sendEach(repos, m, state.period, kind, refOf(scheduled));
    return { submitted: false, ended: false };
  }

  return {
    async requestReview(state) {
      const { repos, mentorship: m, scheduled } = await load(state);
      if (hasEnded(m)) return { ended: true };
      // the chain goes on first: a mail that fails here must not stop the later reviews
      if (state.period < m.reviews.length) {
        const n = state.period + 1;
        await deps.startExecution(
          executionName(state.networkId, state.mentorshipId, n),
          executionInput({ ...m, networkId: state.networkId, id: state.mentorshipId }, n),
        );
      }
      if (!scheduled || scheduled.state === 'past') return { ended: false };
      if (
        scheduled.kind === 'quarterly' &&
        scheduled.period !== undefined &&
        (await repos.reviews.getReport(m.id, scheduled.period))
      ) {
        return { ended: false }; // the report came in early: nothing to ask for
      }
      await sendEach(repos, m, state.period, 'request', refOf(scheduled));
      return { ended: false };
    },
    remindIfMissing: (state) => followUp(state, 'reminder'),
    escalateIfMissing: (state) => followUp(state, 'escalation'),
  };
}
