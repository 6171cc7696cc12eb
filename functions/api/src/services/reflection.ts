import {
  anonymityNotice,
  compareSides,
  type Mentorship,
  poolSide,
  type ReflectionResults,
  type ReflectionSide,
  reflectionComparisonRule,
  reflectionSides,
  sideResultsShown,
  type TenantContext,
} from '@sisi/domain';
import type { NetworkScope } from '../route-kit.ts';

/** The organizations of each side: the mentor, and every mentee (a one-to-many pools them). */
export const sideOrganizations = (m: Mentorship): Record<ReflectionSide, string[]> => ({
  mentor: [m.mentorOrganizationId],
  mentee: [...m.menteeOrganizationIds],
});

/**
 * Who may answer the reflection questionnaire, per side: the coordinators of the side's
 * organizations and the mentorship's participants of those organizations (the people the
 * mid-term mail goes to). Network admins are on no side.
 */
export async function respondentsOf(
  { tenant, store: repos }: NetworkScope,
  m: Mentorship,
): Promise<Record<ReflectionSide, Set<string>>> {
  const orgs = sideOrganizations(m);
  const sideOf = (organizationId: string | undefined): ReflectionSide | undefined =>
    organizationId === undefined
      ? undefined
      : reflectionSides.find((s) => orgs[s].includes(organizationId));
  const [organizations, people] = await Promise.all([
    repos.organizations.getMany([...orgs.mentor, ...orgs.mentee]),
    Promise.all(m.participantIds.map((id) => repos.people.get(id))),
  ]);
  const out: Record<ReflectionSide, Set<string>> = { mentor: new Set(), mentee: new Set() };
  for (const o of organizations) {
    const side = sideOf(o.id);
    if (side && o.coordinatorId) out[side].add(o.coordinatorId);
  }
  for (const p of people) {
    const side = sideOf(p?.organizationId);
    if (p && side) out[side].add(p.id);
  }
  // the caller, when the token says they coordinate one of the organizations
  const own = callerSide(tenant, m, undefined);
  if (own) out[own].add(tenant.userId);
  return out;
}

/**
 * The side the caller answers on: as a coordinator of one of the mentorship's organizations
 * (by their token), or as a participant of one (by their organization); `undefined` when
 * they may not answer (a network admin, or anyone else).
 */
export function callerSide(
  tenant: TenantContext,
  m: Mentorship,
  respondents: Record<ReflectionSide, Set<string>> | undefined,
): ReflectionSide | undefined {
  const orgs = sideOrganizations(m);
  if (tenant.roles.includes('coordinator') && tenant.organizationId) {
    const side = reflectionSides.find((s) => orgs[s].includes(tenant.organizationId!));
    if (side) return side;
  }
  if (!m.participantIds.includes(tenant.userId)) return undefined;
  if (respondents) {
    const side = reflectionSides.find((s) => respondents[s].has(tenant.userId));
    if (side) return side;
  }
  return reflectionSides.find((s) => orgs[s].includes(tenant.organizationId ?? ''));
}

/**
 * The questionnaire's results as everyone who sees the mentorship reads them: per side how
 * many may answer and did, the pooled answers of each side that may be shown
 * (`sideResultsShown`), the comparison, and the caller's own part (may they answer, did
 * they, and how anonymous an answer would be).
 */
export async function reflectionResults(
  scope: NetworkScope,
  m: Mentorship,
): Promise<ReflectionResults> {
  const { tenant } = scope;
  const reflection = scope.store.reflection;
  const [respondents, answers] = await Promise.all([
    respondentsOf(scope, m),
    reflection.listAnswers(m.id),
  ]);
  const side = callerSide(tenant, m, respondents);
  const answered = side ? await reflection.hasAnswered(m.id, tenant.userId) : false;
  const orgs = sideOrganizations(m);
  const sides = reflectionSides.map((s) => {
    const sets = answers.filter((a) => a.side === s);
    const possible = respondents[s].size;
    const shown = sideResultsShown(sets.length, possible);
    const pool = shown ? poolSide(s, sets) : undefined;
    return {
      side: s,
      organizationIds: orgs[s],
      possibleRespondents: possible,
      answers: sets.length,
      shown,
      pool,
    };
  });
  const pools = Object.fromEntries(sides.map((s) => [s.side, s.pool])) as Record<
    ReflectionSide,
    ReturnType<typeof poolSide> | undefined
  >;
  const mine = side ? sides.find((s) => s.side === side) : undefined;
  return {
    you: {
      canAnswer: !!side && !answered,
      answered,
      ...(side ? { side } : {}),
      ...(mine && !answered
        ? { notice: anonymityNotice(mine.possibleRespondents, mine.answers) }
        : {}),
    },
    sides: sides.map(({ pool, ...s }) => ({
      ...s,
      ...(pool ? { items: pool.items, comments: pool.comments } : {}),
    })),
    comparison: compareSides(pools.mentor, pools.mentee),
    rule: { ...reflectionComparisonRule },
  };
}
