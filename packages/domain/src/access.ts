/**
 * Who may see and who may run a mentorship: one rule, used by the API (which answers 404
 * or 403 by it) and by the SPA (which shows or hides the controls by it).
 *
 * @example
 * canManageMentorship({ id: 'u1', roles: ['coordinator'], organizationId: 'o1' }, m);
 */
export interface Actor {
  /** The person's id (`userId` in a token's tenant context, `id` on `/me`). */
  id: string;
  /** Its roles (`Role`s; a plain string list so this file stays zod-free). */
  roles: readonly string[];
  organizationId?: string | undefined;
}

interface MentorshipParties {
  mentorOrganizationId: string;
  menteeOrganizationIds: readonly string[];
}

/** The mentor organization first, then the mentees. */
export const involvedOrganizations = (m: MentorshipParties): string[] => [
  m.mentorOrganizationId,
  ...m.menteeOrganizationIds,
];

/** Who runs it: the network's admins and the coordinators of its organizations. */
export function canManageMentorship(actor: Actor, m: MentorshipParties): boolean {
  if (actor.roles.includes('network-admin')) return true;
  return (
    actor.roles.includes('coordinator') &&
    !!actor.organizationId &&
    involvedOrganizations(m).includes(actor.organizationId)
  );
}

/**
 * Who may end it (ADR 0026): the network's admins and the mentor organization's coordinators.
 * A mentee organization's coordinator runs the mentorship but does not end it alone: they
 * ask the mentor side or the network.
 */
export function canEndMentorship(actor: Actor, m: MentorshipParties): boolean {
  if (actor.roles.includes('network-admin')) return true;
  return actor.roles.includes('coordinator') && actor.organizationId === m.mentorOrganizationId;
}

/**
 * Whose participants an actor may choose (ADR 0026): every organization's for a network
 * admin, their own organization's for a coordinator who runs the mentorship, nobody's else.
 *
 * @example participantOrganizationsFor({ id: 'u', roles: ['coordinator'], organizationId: 'o2' }, m) // ['o2']
 */
export function participantOrganizationsFor(actor: Actor, m: MentorshipParties): string[] {
  if (actor.roles.includes('network-admin')) return involvedOrganizations(m);
  if (!canManageMentorship(actor, m) || !actor.organizationId) return [];
  return [actor.organizationId];
}

/**
 * Who sees it: those who run it, and the members who take part in it. Anyone else is told it
 * does not exist.
 */
export function canSeeMentorship(
  actor: Actor,
  m: MentorshipParties & { participantIds?: readonly string[] },
): boolean {
  return canManageMentorship(actor, m) || (m.participantIds ?? []).includes(actor.id);
}
