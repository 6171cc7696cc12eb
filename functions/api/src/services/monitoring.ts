import type { MentorshipRepository, NetworkStore } from '@sisi/data';
import {
  allEvaluationsSigned,
  dayOf,
  type Mentorship,
  type MilestoneState,
  milestoneStates,
  type Plan,
  type ReviewMailSent,
  type ReviewWithState,
  reviewStates,
} from '@sisi/domain';
import type { NetworkTenant } from '../middleware/auth.ts';
import type { Clock } from '../ports.ts';
import { canSee, involvedOrganizations } from './mentorship-access.ts';

/** Today on the runtime's clock (virtual locally), `YYYY-MM-DD` UTC. */
export const todayOf = (clock: Clock): string => dayOf(clock.now());

/** A person who may own a follow-up action: a coordinator of its organizations or a participant. */
export interface MentorshipPerson {
  id: string;
  name: string;
  organizationId: string;
  role: 'coordinator' | 'participant';
}

/**
 * The people of a mentorship who can own its follow-up actions — the coordinators of its
 * organizations and its participants, all of whom see it — with their names. Everyone who
 * sees the mentorship may know who is in it.
 */
export async function mentorshipPeople(
  repos: Pick<NetworkStore, 'organizations' | 'people'>,
  m: Mentorship,
): Promise<MentorshipPerson[]> {
  const orgs = await repos.organizations.getMany(involvedOrganizations(m));
  const roles = new Map<string, MentorshipPerson['role']>();
  for (const id of m.participantIds) roles.set(id, 'participant');
  for (const o of orgs) if (o.coordinatorId) roles.set(o.coordinatorId, 'coordinator');
  const people = await Promise.all([...roles.keys()].map((id) => repos.people.get(id)));
  return people
    .filter((p): p is NonNullable<typeof p> => !!p)
    .filter((p) => involvedOrganizations(m).includes(p.organizationId))
    .map((p) => ({
      id: p.id,
      name: p.name,
      organizationId: p.organizationId,
      role: roles.get(p.id)!,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The mentoring plan's milestones with their state (reached by the plan or a record). */
export async function milestonesOf(
  { mentorships, progress }: Pick<NetworkStore, 'mentorships' | 'progress'>,
  m: Mentorship,
  today: string,
): Promise<MilestoneState[]> {
  const [plan, reached] = await Promise.all([
    mentorships.getDocument<Plan>(m.id, 'plan'),
    progress.listReached(m.id),
  ]);
  return milestoneStates(plan?.content.milestones ?? [], reached, today);
}

const MAIL_KINDS: readonly string[] = [
  'request',
  'reminder',
  'escalation',
] satisfies ReviewMailSent[];

/**
 * The mentorship's reviews and where each stands at `now` (as `GET …/reviews` answers): from
 * the lifecycle's mail records, the quarterly reports in, the reflection questionnaire's
 * answers (mid-term) and the signed evaluation forms (end).
 */
export async function reviewStatesOf(
  store: Pick<NetworkStore, 'reviews' | 'reflection' | 'evaluations'>,
  m: Mentorship,
  now: Date,
): Promise<ReviewWithState[]> {
  const [mail, reports, reflected, signed] = await Promise.all([
    store.reviews.listMail(m.id),
    store.reviews.listReportPeriods(m.id),
    store.reflection.countBySide(m.id),
    store.evaluations.listSigned(m.id),
  ]);
  return reviewStates(m.reviews, {
    mailsSent: new Set(
      mail
        .filter((r) => r.status === 'sent' && MAIL_KINDS.includes(r.kind))
        .map((r) => `${r.period}#${r.kind}`),
    ),
    reportsSubmitted: new Set(reports),
    reflectionAnswered: reflected.mentor > 0 && reflected.mentee > 0,
    evaluationsSigned: allEvaluationsSigned(involvedOrganizations(m), new Set(signed)),
    now,
    endedAt: m.ending?.endedAt,
  });
}

/**
 * Every mentorship the caller sees, newest first, a page at a time (Queries on the
 * mentorship indexes, never a Scan): an admin the network's; a coordinator their
 * organization's and those they take part in; a member those they take part in.
 */
export async function* visibleMentorships(
  repo: MentorshipRepository,
  tenant: NetworkTenant,
  pageSize = 100,
): AsyncGenerator<Mentorship[]> {
  const seen = new Set<string>();
  async function* follow(load: (cursor?: string) => ReturnType<MentorshipRepository['list']>) {
    let cursor: string | undefined;
    do {
      const page = await load(cursor);
      const fresh = page.items.filter((m) => !seen.has(m.id) && canSee(tenant, m));
      for (const m of fresh) seen.add(m.id);
      if (fresh.length) yield fresh;
      cursor = page.cursor;
    } while (cursor);
  }
  if (tenant.roles.includes('network-admin')) {
    yield* follow((cursor) => repo.list(pageSize, cursor));
    return;
  }
  const org = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
  if (org) yield* follow((cursor) => repo.listFor('organization', org, pageSize, cursor));
  yield* follow((cursor) => repo.listFor('person', tenant.userId, pageSize, cursor));
}

/** Names of organizations by id (one batch read). */
export async function organizationNames(
  { organizations }: Pick<NetworkStore, 'organizations'>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const orgs = await organizations.getMany([...new Set(ids)]);
  return new Map(orgs.map((o) => [o.id, o.name]));
}
