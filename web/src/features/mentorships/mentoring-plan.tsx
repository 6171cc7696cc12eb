/**
 * The mentoring plan editor: every field of the toolkit's Mentoring Plan Template (001
 * Annex 3), its implementation plan, the milestones and the Step 2 planning questions.
 * The questions are the source's words, from `@sisi/domain`; the plan is saved whole with
 * the version read (a 409 never loses the user's draft).
 */
import { planSchema } from '@sisi/domain';
import { useCallback } from 'react';
import { useMentorshipRoute } from '../../components/mentorship-context.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
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
  const makeDraft = useCallback((c: PlanContent | undefined) => toDraft(c, m), [m]);
  const doc = useVersionedDoc({
    query: planQuery(networkId, mentorshipId),
    ready: ctx.ready,
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
