import type { Mentorship, User } from '@sisi/domain';
import { canManageMentorship as canManage } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'wouter';
import { mentorshipQuery, meQuery } from '../api/queries.ts';
import { usePlanT } from '../i18n/en-plan.ts';
import { closureOpen } from '../mentorship-domain.ts';
import type { ChoiceOption } from './form/index.ts';
import { NavLinks } from './nav-links.tsx';
import { LoadError, Loading, Page } from './page.tsx';

/** Network admins, and coordinators of one of its organizations, run a mentorship. */
export function canManageMentorship(user: User | undefined, m: Mentorship | undefined): boolean {
  return !!user && !!m && canManage(user, m);
}

/**
 * The network and mentorship of a mentorship page's route (`/networks/:networkId/mentorships/
 * :mentorshipId/…`); empty while the route does not match.
 */
export function useMentorshipParams(): { networkId: string; mentorshipId: string } {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  return { networkId, mentorshipId };
}

/**
 * A mentorship with what its forms need: its organizations as options (by the names the
 * mentorship carries, else by their part: "Mentee organization 2"), and
 * whether the caller may change things.
 */
export function useMentorshipContext(networkId: string, mentorshipId: string) {
  const tp = usePlanT();
  const me = useQuery(meQuery());
  const mentorship = useQuery(mentorshipQuery(networkId, mentorshipId));
  const m = mentorship.data;
  const orgIds = m ? [m.mentorOrganizationId, ...m.menteeOrganizationIds] : [];
  // the mentorship carries its organizations' names: no read of an organization the caller
  // may not open (another organization's coordinator would get 404s)
  const organizationOptions: ChoiceOption[] = orgIds.map((id, i) => ({
    value: id,
    label:
      m?.organizations?.find((o) => o.id === id)?.name ||
      (i === 0
        ? tp('s2s.mentorship.mentorOrganization')
        : tp('s2s.mentorship.menteeOrganization', { n: i })),
  }));
  return {
    me,
    mentorship,
    organizationOptions,
    canManage: canManageMentorship(me.data, m),
    ready: mentorship.isSuccess && me.isSuccess,
  };
}

/**
 * A mentorship page's body until the mentorship and the caller are loaded: the mentorship's
 * failure with a retry, else "Loading…".
 *
 * @example
 * if (!ctx.ready || !m) body = <MentorshipLoading ctx={ctx} />;
 */
export function MentorshipLoading({ ctx }: { ctx: ReturnType<typeof useMentorshipContext> }) {
  const { mentorship } = ctx;
  return mentorship.isError ? (
    <LoadError error={mentorship.error} retry={() => void mentorship.refetch()} />
  ) : (
    <Loading />
  );
}

/**
 * "Mentor: A. Mentees: B, C." and the links between the mentorship's pages (the closure
 * questions once the relationship is monitored or has ended).
 */
export function MentorshipHeader({
  networkId,
  mentorshipId,
  organizationOptions,
}: {
  networkId: string;
  mentorshipId: string;
  organizationOptions: readonly ChoiceOption[];
}) {
  const tp = usePlanT();
  // the same query as the page's: answered from the cache
  const stage = useQuery(mentorshipQuery(networkId, mentorshipId)).data?.stage;
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  const links = [
    { href: base, label: tp('s2s.mentorship.overview') },
    { href: `${base}/orientation`, label: tp('s2s.mentorship.orientation') },
    { href: `${base}/approaches`, label: tp('s2s.mentorship.approaches') },
    { href: `${base}/plan`, label: tp('s2s.mentorship.plan') },
    { href: `${base}/gatherings`, label: tp('s2s.mentorship.gatherings') },
    // the closure questions belong to the last two stages (001 "Closure")
    ...(closureOpen(stage) ? [{ href: `${base}/closure`, label: tp('s2s.closure.nav') }] : []),
  ];
  const [mentor, ...mentees] = organizationOptions;
  return (
    <>
      {mentor ? (
        <p className="lead">
          {tp('s2s.mentorship.between', {
            mentor: mentor.label,
            mentees: mentees.map((o) => o.label).join(', '),
          })}
        </p>
      ) : null}
      <NavLinks label={tp('s2s.mentorship.nav')} links={links} className="subnav" />
    </>
  );
}

/** The route's network and mentorship, and what the page knows of them. */
export function useMentorshipRoute() {
  const { networkId, mentorshipId } = useMentorshipParams();
  return { networkId, mentorshipId, ctx: useMentorshipContext(networkId, mentorshipId) };
}

export type MentorshipRoute = ReturnType<typeof useMentorshipRoute>;

/**
 * A page of one mentorship: its title, the `lead` line (e.g. the annex a form is), then the
 * mentorship's header.
 */
export function MentorshipPage({
  title,
  lead,
  route: { networkId, mentorshipId, ctx },
  children,
}: {
  title: string;
  lead?: ReactNode;
  route: MentorshipRoute;
  children: ReactNode;
}) {
  return (
    <Page title={title}>
      {lead ? <p className="lead">{lead}</p> : null}
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      {children}
    </Page>
  );
}
