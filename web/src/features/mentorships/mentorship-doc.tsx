/**
 * A versioned document of one mentorship (its plan, orientation meeting, closure answers):
 * the page with the mentorship's header above the document's form.
 */
import { MentorshipPage, type MentorshipRoute } from '../../components/mentorship-context.tsx';
import {
  VersionedDocPage,
  type VersionedDocPageProps,
} from '../../components/versioned-doc-page.tsx';

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
