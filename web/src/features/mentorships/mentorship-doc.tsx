/**
 * A versioned document of one mentorship (its plan, orientation meeting, closure answers):
 * the page with the mentorship's header above the document's form.
 */
import type { ReactNode } from 'react';
import {
  MentorshipHeader,
  useMentorshipContext,
  useMentorshipParams,
} from '../../components/mentorship-context.tsx';
import { Page } from '../../components/page.tsx';
import {
  VersionedDocPage,
  type VersionedDocPageProps,
} from '../../components/versioned-doc-page.tsx';

/** The route's network and mentorship, and what the page knows of them. */
export function useMentorshipRoute() {
  const { networkId, mentorshipId } = useMentorshipParams();
  return { networkId, mentorshipId, ctx: useMentorshipContext(networkId, mentorshipId) };
}

type MentorshipRoute = ReturnType<typeof useMentorshipRoute>;

/** A page of one mentorship: its title, then the mentorship's header. */
export function MentorshipPage({
  title,
  route: { networkId, mentorshipId, ctx },
  children,
}: {
  title: string;
  route: MentorshipRoute;
  children: ReactNode;
}) {
  return (
    <Page title={title}>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      {children}
    </Page>
  );
}

/**
 * @example
 * <MentorshipDocPage title={tp('s2s.closure.title')} route={route} doc={doc} id="closure" …>
 *   <ClosureFields />
 * </MentorshipDocPage>
 */
export function MentorshipDocPage<C, D>({
  title,
  route,
  ...shell
}: {
  title: string;
  route: MentorshipRoute;
} & Omit<VersionedDocPageProps<C, D>, 'failed' | 'retry'>) {
  const { mentorship } = route.ctx;
  return (
    <MentorshipPage title={title} route={route}>
      <VersionedDocPage
        {...shell}
        failed={mentorship.isError ? mentorship.error : null}
        retry={() => void mentorship.refetch()}
      />
    </MentorshipPage>
  );
}
