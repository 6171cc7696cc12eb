/**
 * The mentoring plan editor: every field of the toolkit's Mentoring Plan Template (001
 * Annex 3), its implementation plan, the milestones and the Step 2 planning questions.
 * The questions are the source's words, from `@sisi/domain`; the plan is saved whole with
 * the version read (a 409 never loses the user's draft).
 */
import { planSchema } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useMentorshipRoute } from '../../components/mentorship-context.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { peopleQuery } from '../monitoring/monitoring-queries.ts';
import { MentorshipDocPage } from './mentorship-doc.tsx';
import { toBody, toDraft } from './plan-draft.ts';
import { PlanFields } from './plan-fields.tsx';
import { type PlanContent, planQuery, putPlan } from './queries.ts';

/** `/networks/:networkId/mentorships/:mentorshipId/plan` */
export function MentoringPlanPage() {
  const tp = usePlanT();
  const route = useMentorshipRoute();
  const { networkId, mentorshipId, ctx } = route;
  const m = ctx.mentorship.data;
  // a new plan's mentors and mentees come from the mentorship's people
  const people = useQuery({ ...peopleQuery(networkId, mentorshipId), retry: false });
  const makeDraft = useCallback(
    (c: PlanContent | undefined) => toDraft(c, m, people.data),
    [m, people.data],
  );
  const doc = useVersionedDoc({
    query: planQuery(networkId, mentorshipId),
    ready: ctx.ready && !people.isPending,
    toDraft: makeDraft,
    toBody,
    schema: planSchema,
    put: (body) => putPlan(networkId, mentorshipId, body),
    canEdit: ctx.canManage,
  });
  return (
    <MentorshipDocPage
      title={tp('s2s.plan.title')}
      route={route}
      doc={doc}
      id="plan"
      intro={<p>{tp('s2s.plan.intro')}</p>}
      conflictText={tp('s2s.plan.conflict')}
      savedText={tp('s2s.plan.saved')}
    >
      <PlanFields organizations={ctx.organizationOptions} mentorship={m} />
    </MentorshipDocPage>
  );
}
