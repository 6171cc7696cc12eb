import { reviewSchedule, type ScheduledReview, scheduledReviews } from '@sisi/domain';
import {
  type CheckpointStore,
  executionName,
  type LifecycleTaskInput,
  LocalWorkflowRunner,
  lifecycleDefinition,
  lifecycleInput,
  localLifecycleResources,
  substitute,
} from '@sisi/workflows';

export const NETWORK = 'net-time';
const DAY_MS = 86_400_000;
const definition = substitute(lifecycleDefinition, localLifecycleResources);

export type Step = 'request' | 'remind' | 'escalate';

/** One handler call: which step of which review, and the virtual day it ran on. */
export interface Call {
  mentorshipId: string;
  step: Step;
  /** The execution's period: index of the review in date order. */
  period: number;
  kind: ScheduledReview['kind'];
  on: string;
}

export const describeCall = (c: Call) =>
  `${c.on} ${c.mentorshipId} p${c.period} ${c.kind} ${c.step}`;

/**
 * A virtual clock, mentorships with their schedules, and fake task handlers that behave
 * like the real ones will: RequestReview starts the next review's execution, all three
 * answer from the world's state, and every call is logged. Handlers are idempotent the way
 * the real ones are: `mails` keeps one entry per (mentorship, period, step) whatever
 * repeats.
 */
export class LifecycleWorld {
  now: Date;
  readonly calls: Call[] = [];
  readonly mails = new Set<string>();
  readonly reviews = new Map<string, ScheduledReview[]>();
  readonly submitted = new Set<string>();
  readonly ended = new Set<string>();
  runner!: LocalWorkflowRunner;
  /** Transitions of the runners this world has had (a restart makes a new one). */
  private pastTransitions = 0;

  constructor(startAt: string) {
    this.now = new Date(startAt);
  }

  /** A new runner over `store`: the first one, or one after a restart of the process. */
  boot(store: CheckpointStore): LocalWorkflowRunner {
    if (this.runner) this.pastTransitions += this.runner.transitions;
    this.runner = new LocalWorkflowRunner({
      definition,
      checkpoints: store,
      now: () => this.now,
      handlers: {
        'local:RequestReview': (input) => this.request(input as LifecycleTaskInput),
        'local:RemindIfMissing': async (input) => {
          const i = this.log(input as LifecycleTaskInput, 'remind');
          return {
            submitted: this.submitted.has(`${i.mentorshipId}#${i.period}`),
            ended: this.isEnded(i),
          };
        },
        'local:EscalateIfMissing': async (input) => {
          this.log(input as LifecycleTaskInput, 'escalate');
          return {};
        },
      },
    });
    return this.runner;
  }

  get transitions(): number {
    return this.pastTransitions + (this.runner?.transitions ?? 0);
  }

  /** Records a mentorship as the API will, and starts its first review's execution. */
  async createMentorship(mentorshipId: string, startDate: string, months: number): Promise<void> {
    const recordedOn = this.now.toISOString().slice(0, 10);
    const reviews = scheduledReviews(reviewSchedule(startDate, months), recordedOn);
    this.reviews.set(mentorshipId, reviews);
    await this.runner.start(
      executionName(NETWORK, mentorshipId, 1),
      lifecycleInput(NETWORK, mentorshipId, reviews, 1),
    );
  }

  submit(mentorshipId: string, period: number): void {
    this.submitted.add(`${mentorshipId}#${period}`);
  }

  /** Ends a mentorship early, as the API will: record it, then stop its chain. */
  async end(mentorshipId: string): Promise<void> {
    this.ended.add(mentorshipId);
    await this.runner.stopMentorship(NETWORK, mentorshipId);
  }

  /** Moves the clock to noon UTC of each day up to `lastDay`, running what is due each day. */
  async runDaysUntil(lastDay: string, each?: (day: string) => Promise<void> | void): Promise<void> {
    const last = Date.parse(`${lastDay}T12:00:00Z`);
    for (;;) {
      const next = new Date(
        Date.parse(`${this.now.toISOString().slice(0, 10)}T12:00:00Z`) + DAY_MS,
      );
      if (next.getTime() > last) return;
      this.now = next;
      await each?.(next.toISOString().slice(0, 10));
      await this.runner.runDue(this.now);
    }
  }

  callsOf(mentorshipId: string): string[] {
    return this.calls.filter((c) => c.mentorshipId === mentorshipId).map(describeCall);
  }

  private isEnded(input: LifecycleTaskInput) {
    return this.ended.has(input.mentorshipId);
  }

  private log(input: LifecycleTaskInput, step: Step): LifecycleTaskInput {
    const call: Call = {
      mentorshipId: input.mentorshipId,
      step,
      period: input.period,
      kind: input.review.kind,
      on: this.now.toISOString().slice(0, 10),
    };
    this.calls.push(call);
    this.mails.add(`${input.mentorshipId}#${input.period}#${step}`);
    return input;
  }

  private async request(input: LifecycleTaskInput) {
    this.log(input, 'request');
    if (this.isEnded(input)) return { ended: true };
    if (input.next) {
      const reviews = this.reviews.get(input.mentorshipId) ?? [];
      const period = input.period + 1;
      await this.runner.start(
        executionName(input.networkId, input.mentorshipId, period),
        lifecycleInput(input.networkId, input.mentorshipId, reviews, period),
      );
    }
    return { ended: false };
  }
}

/**
 * What the handlers must be called for, computed from the schedule alone: each review is
 * requested on its day; a quarterly one is reminded on day +14 and, unless its report is
 * in by then, escalated on day +28.
 */
export function expectedCalls(
  mentorshipId: string,
  reviews: ScheduledReview[],
  options: {
    submitted?: number[];
    until?: string;
    /** The process was down after this day until `until` (included): what fell due runs then. */
    downtime?: { after: string; until: string };
  } = {},
): string[] {
  const { downtime } = options;
  const plus = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  const calls: Call[] = [];
  reviews.forEach((r, i) => {
    const period = i + 1;
    const at = (on: string, step: Step) =>
      calls.push({ mentorshipId, step, period, kind: r.kind, on });
    at(r.dueDate, 'request');
    if (r.kind !== 'quarterly') return;
    at(plus(r.dueDate, 14), 'remind');
    if (!options.submitted?.includes(period)) at(plus(r.dueDate, 28), 'escalate');
  });
  return calls
    .map((c) =>
      downtime && c.on > downtime.after && c.on <= downtime.until
        ? { ...c, on: downtime.until }
        : c,
    )
    .filter((c) => !options.until || c.on <= options.until)
    .sort((a, b) => a.on.localeCompare(b.on) || a.period - b.period)
    .map(describeCall);
}
