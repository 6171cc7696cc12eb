/**
 * A versioned document of one mentorship (its plan, orientation meeting, closure answers):
 * the page with the mentorship's header above the document's form.
 */
import { useParams } from 'wouter';
import { MentorshipHeader, useMentorshipContext } from '../../components/mentorship-context.tsx';
import { Page } from '../../components/page.tsx';
import {
  VersionedDocPage,
  type VersionedDocPageProps,
} from '../../components/versioned-doc-page.tsx';

/** The route's network and mentorship, and what the page knows of them. */
export function useMentorshipRoute() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  return { networkId, mentorshipId, ctx: useMentorshipContext(networkId, mentorshipId) };
}

type MentorshipContext = ReturnType<typeof useMentorshipContext>;

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
  route: { networkId: string; mentorshipId: string; ctx: MentorshipContext };
} & Omit<VersionedDocPageProps<C, D>, 'failed' | 'retry'>) {
  const { networkId, mentorshipId, ctx } = route;
  return (
    <Page title={title}>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      <VersionedDocPage
        {...shell}
        failed={ctx.mentorship.isError ? ctx.mentorship.error : null}
        retry={() => void ctx.mentorship.refetch()}
      />
    </Page>
  );
}
