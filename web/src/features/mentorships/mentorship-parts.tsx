/**
 * Pieces shared by the mentorship screens: who the reader is, organization names, stage
 * names, today's date and the facts of a summary.
 */
import type { Mentorship, Organization, User } from '@sisi/domain';
import { canEndMentorship } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { allOrganizationsQuery, meQuery, organizationQuery } from '../../api/queries.ts';
import { type MentorshipTranslate, useMT } from '../../i18n/en-mentorships.ts';
import './mentorships.css';

/** The signed-in person and what they may do in a network. */
export function useViewer(networkId: string) {
  const me = useQuery(meQuery());
  const user: User | undefined = me.data;
  const inNetwork = user?.networkId === networkId;
  const isAdmin = inNetwork && !!user?.roles.includes('network-admin');
  const coordinatorOf =
    inNetwork && user?.roles.includes('coordinator') ? user.organizationId : undefined;
  return {
    me,
    user,
    isAdmin,
    coordinatorOf,
    /** Network admins, and the coordinators of its organizations, run a mentorship. */
    canManage: (m: Mentorship) =>
      isAdmin || (!!coordinatorOf && involved(m).includes(coordinatorOf)),
    /** The mentor organization's coordinators and network admins end it (ADR 0026). */
    canEnd: (m: Mentorship) => !!user && inNetwork && canEndMentorship(user, m),
    /** An organization accepts the rights and responsibilities by its coordinator or an admin. */
    canAcceptFor: (organizationId: string) => isAdmin || coordinatorOf === organizationId,
  };
}

/** The mentor first, then the mentees. */
export const involved = (m: Pick<Mentorship, 'mentorOrganizationId' | 'menteeOrganizationIds'>) => [
  m.mentorOrganizationId,
  ...m.menteeOrganizationIds,
];

/**
 * Names of the network's organizations the reader may see: all of them for an admin,
 * their own for anyone else, plus the names the API gives on each mentorship (`known`),
 * so a coordinator sees who their partners are without reading their profiles.
 */
export function useOrganizations(
  networkId: string,
  isAdmin: boolean,
  ownId: string | undefined,
  known: readonly { id: string; name: string }[] = [],
) {
  const t = useMT();
  const all = useQuery({ ...allOrganizationsQuery(networkId), enabled: isAdmin });
  const own = useQuery({
    ...organizationQuery(networkId, ownId ?? ''),
    enabled: !isAdmin && !!ownId,
  });
  const list: Organization[] = isAdmin ? (all.data ?? []) : own.data ? [own.data] : [];
  const byId = new Map<string, { name: string }>(known.filter((o) => o.name).map((o) => [o.id, o]));
  for (const o of list) byId.set(o.id, o);
  return {
    list,
    isPending: isAdmin ? all.isPending : !!ownId && own.isPending,
    error: isAdmin ? all.error : null,
    name: (id: string) => byId.get(id)?.name ?? t('mentorships.unknownOrganization'),
  };
}

export const stageLabel = (t: MentorshipTranslate, stage: Mentorship['stage']) =>
  t(`mentorships.stages.${stage}`);

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
export { today } from '../../clock.ts';

/** A term and its description in a `dl.facts`. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
