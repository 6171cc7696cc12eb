/**
 * One Sisi Kwa Sisi coaching. The coach and the peer see it in full: the needs assessment,
 * the coaching plan as a per-skill Lead → Assist → Observe progression (dates, done marks,
 * a step past its date and not done said to be behind, in words), and the follow-up
 * sessions with their quality rating and private notes. Coordinators and admins see where
 * it stands, never its content (the API answers them 404 on the plan and the sessions).
 *
 * `/networks/:networkId/sisi-kwa-sisi/coachings/:coachingId`
 */
import type { CoachingView } from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { problemMessage } from '../../components/form/index.ts';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import {
  areaLabel,
  CoachingBadges,
  SisiLinks,
  StatusFacts,
  sisiBase,
  useSisiRoles,
} from './sisi-kwa-sisi-parts.tsx';
import { Plan } from './sisi-kwa-sisi-plan.tsx';
import { closeCoaching, coachingQuery, sisiKeys } from './sisi-kwa-sisi-queries.ts';
import { Sessions } from './sisi-kwa-sisi-sessions.tsx';

export function SisiKwaSisiCoachingPage() {
  const { networkId = '', coachingId = '' } = useParams<{
    networkId: string;
    coachingId: string;
  }>();
  const ts = useSisiT();
  const roles = useSisiRoles(networkId);
  const coaching = useQuery(coachingQuery(networkId, coachingId));
  const flash = useHistoryState<FlashState | null>()?.flash;
  const c = coaching.data;
  return (
    <Page
      title={c ? ts('sisiKwaSisi.coaching.title', { peer: c.peer.name }) : ts('sisiKwaSisi.title')}
    >
      <StatusMessage message={flash} />
      <SisiLinks networkId={networkId} manages={roles.manages} />
      {coaching.isError ? (
        <LoadError error={coaching.error} retry={() => void coaching.refetch()} />
      ) : !c ? (
        <Loading />
      ) : (
        <>
          <Status c={c} networkId={networkId} />
          {c.myRole ? (
            <>
              <Assessment c={c} />
              <Plan networkId={networkId} c={c} />
              <Sessions networkId={networkId} c={c} />
            </>
          ) : (
            <div className="notice info">
              <p>{ts('sisiKwaSisi.coaching.managerOnly')}</p>
            </div>
          )}
        </>
      )}
      <p>
        <Link href={sisiBase(networkId)}>{ts('sisiKwaSisi.coaching.back')}</Link>
      </p>
    </Page>
  );
}

function Status({ c, networkId }: { c: CoachingView; networkId: string }) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => closeCoaching(networkId, c.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sisiKeys.all(networkId) }),
  });
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{ts('sisiKwaSisi.coaching.status')}</h2>
      <p>{ts('sisiKwaSisi.coaching.coachIs', { name: c.coach.name })}</p>
      <p>{ts('sisiKwaSisi.coaching.peerIs', { name: c.peer.name })}</p>
      <CoachingBadges c={c} />
      <StatusFacts c={c} />
      {c.status === 'closed' && c.closedAt ? (
        <p>{ts('sisiKwaSisi.coaching.closedOn', { date: formatDate(c.closedAt) })}</p>
      ) : (
        <div className="actions">
          <button
            type="button"
            aria-disabled={close.isPending || undefined}
            onClick={() => {
              if (!close.isPending && window.confirm(ts('sisiKwaSisi.coaching.closeConfirm')))
                close.mutate();
            }}
          >
            {ts('sisiKwaSisi.coaching.close')}
          </button>
          <span className="busy" role="status">
            {close.isPending ? ts('sisiKwaSisi.coaching.closing') : ''}
          </span>
        </div>
      )}
      {close.isError ? (
        <p className="field-error" role="alert">
          {problemMessage(close.error, t)}
        </p>
      ) : null}
    </section>
  );
}

function Assessment({ c }: { c: CoachingView }) {
  const ts = useSisiT();
  const a = c.needsAssessment;
  if (!a) return null;
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{ts('sisiKwaSisi.assessment.heading')}</h2>
      <p>{ts('sisiKwaSisi.coaching.assessedOn', { date: formatDate(a.date) })}</p>
      <dl className="facts">
        {a.areas.map((n) => (
          <div key={n.area}>
            <dt>
              {areaLabel(n.area)} ({ts(`sisiKwaSisi.assessment.priorities.${n.priority}`)})
            </dt>
            <dd>
              {n.skills.length ? (
                <ul>
                  {n.skills.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </dd>
          </div>
        ))}
        {a.interventions ? (
          <div>
            <dt>{ts('sisiKwaSisi.coaching.interventions')}</dt>
            <dd className="note-text">{a.interventions}</dd>
          </div>
        ) : null}
        {a.workPlanPriority ? (
          <div>
            <dt>{ts('sisiKwaSisi.coaching.workPlan')}</dt>
            <dd className="note-text">{a.workPlanPriority}</dd>
          </div>
        ) : null}
        {a.city ? (
          <div>
            <dt>{ts('sisiKwaSisi.coaching.city')}</dt>
            <dd>{a.city}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
