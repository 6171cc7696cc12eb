import type { Mentorship } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { mentorshipQuery } from '../../api/queries.ts';
import { useMentorshipParams } from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import { formatDate } from '../../i18n/index.ts';
import { prematureReasons, stages } from '../../mentorship-domain.ts';
import { MonitoringSection } from '../monitoring/monitoring-parts.tsx';
import type { FlashState } from '../organizations/organization.tsx';
import { EndForm } from './mentorship-end.tsx';
import { Participants, StageForm } from './mentorship-forms.tsx';
import { Fact, stageLabel, useOrganizations, useViewer } from './mentorship-parts.tsx';
import { Reviews, Rights } from './mentorship-rights.tsx';

type NameOf = (id: string) => string;

/**
 * One mentorship: its stages and history, the rights and responsibilities each
 * organization accepts, the review schedule, and (for who runs it) the stage, ending and
 * participant forms.
 */
export function MentorshipPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const t = useMT();
  const viewer = useViewer(networkId);
  const mentorship = useQuery(mentorshipQuery(networkId, mentorshipId));
  const orgs = useOrganizations(
    networkId,
    viewer.isAdmin,
    viewer.user?.organizationId,
    mentorship.data?.organizations,
  );
  const flash = useHistoryState<FlashState | null>()?.flash;
  const [notice, setNotice] = useState<string>();
  const [endedHere, setEndedHere] = useState(false);
  const m = mentorship.data;
  const ended = !!m?.ending;
  // the end form is gone once it worked: continue from how the mentorship ended
  useEffect(() => {
    if (endedHere && ended) document.getElementById('ending')?.focus();
  }, [endedHere, ended]);
  const title = m
    ? t('mentorships.detail.heading', {
        mentor: orgs.name(m.mentorOrganizationId),
        mentees: m.menteeOrganizationIds.map(orgs.name).join(', '),
      })
    : t('mentorships.detail.title');
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;

  return (
    <Page title={title}>
      <StatusMessage message={notice ?? flash} />
      {m ? (
        <>
          <p className="links">
            <Link href={`/networks/${networkId}/mentorships`}>{t('mentorships.detail.back')}</Link>
          </p>
          <nav aria-label={t('mentorships.detail.toolsNav')}>
            <ul className="links tool-links">
              <li>
                <Link href={`${base}/plan`}>{t('mentorships.detail.plan')}</Link>
              </li>
              <li>
                <Link href={`${base}/orientation`}>{t('mentorships.detail.orientation')}</Link>
              </li>
              <li>
                <Link href={`${base}/gatherings`}>{t('mentorships.detail.gatherings')}</Link>
              </li>
              {m.stage === 'monitor' || m.stage === 'end' ? (
                <li>
                  <Link href={`${base}/closure`}>{t('mentorships.detail.closure')}</Link>
                </li>
              ) : null}
              <li>
                <Link href={`${base}/approaches`}>{t('mentorships.detail.approaches')}</Link>
              </li>
            </ul>
          </nav>
          <Summary mentorship={m} name={orgs.name} />
          <Stages mentorship={m} />
          {m.ending ? <Ending ending={m.ending} /> : null}
          {viewer.canManage(m) && m.stage !== 'end' ? (
            <StageForm networkId={networkId} mentorship={m} />
          ) : null}
          <History mentorship={m} />
          <Rights networkId={networkId} mentorship={m} viewer={viewer} name={orgs.name} />
          <Reviews networkId={networkId} mentorship={m} viewer={viewer} />
          <MonitoringSection
            networkId={networkId}
            mentorship={m}
            viewer={{ userId: viewer.user?.id, canManage: viewer.canManage(m) }}
          />
          {viewer.canManage(m) ? (
            <Participants networkId={networkId} mentorship={m} name={orgs.name} />
          ) : null}
          {viewer.canEnd(m) && m.stage !== 'end' ? (
            <EndForm
              networkId={networkId}
              mentorship={m}
              onEnded={() => {
                setNotice(t('mentorships.endForm.ended'));
                setEndedHere(true);
              }}
            />
          ) : null}
        </>
      ) : mentorship.isError ? (
        <LoadError error={mentorship.error} retry={() => void mentorship.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function Summary({ mentorship: m, name }: { mentorship: Mentorship; name: NameOf }) {
  const t = useMT();
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">{t('mentorships.detail.summaryHeading')}</h2>
      <dl className="facts">
        <Fact term={t('mentorships.detail.type')}>{t(`mentorships.types.${m.type}`)}</Fact>
        <Fact term={t('mentorships.detail.mentor')}>{name(m.mentorOrganizationId)}</Fact>
        <Fact term={t('mentorships.detail.mentees')}>
          {m.menteeOrganizationIds.map(name).join(', ')}
        </Fact>
        <Fact term={t('mentorships.detail.startDate')}>{formatDate(m.startDate)}</Fact>
        <Fact term={t('mentorships.detail.duration')}>
          {t('mentorships.detail.months', { count: m.durationMonths })}
        </Fact>
        {m.peerMentoring.length > 0 ? (
          <Fact term={t('mentorships.detail.peerMentoring')}>
            <ul>
              {m.peerMentoring.map((p) => (
                <li key={`${p.mentorOrganizationId}-${p.menteeOrganizationId}`}>
                  {t('mentorships.detail.peerPair', {
                    mentor: name(p.mentorOrganizationId),
                    mentee: name(p.menteeOrganizationId),
                    areas: p.areas.map((a) => t(`technicalAreas.${a}`)).join(', '),
                  })}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact term={t('mentorships.detail.approachesChosen')}>
          {m.approaches.length
            ? m.approaches.map((a) => t(`mentorships.approaches.${a}`)).join(', ')
            : t('mentorships.detail.none')}
        </Fact>
      </dl>
    </section>
  );
}

/** The five stages as an ordered list; the current one has `aria-current="step"`. */
function Stages({ mentorship: m }: { mentorship: Mentorship }) {
  const t = useMT();
  return (
    <section aria-labelledby="stages">
      <h2 id="stages">{t('mentorships.detail.stagesHeading')}</h2>
      <ol className="stepper">
        {stages.map((s) => {
          const current = s === m.stage;
          return (
            <li key={s} aria-current={current ? 'step' : undefined}>
              <span>
                {stageLabel(t, s)}
                {current ? (
                  <span className="step-note">
                    {t(
                      m.stage === 'end'
                        ? 'mentorships.detail.ended'
                        : 'mentorships.detail.currentStage',
                    )}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Ending({ ending }: { ending: NonNullable<Mentorship['ending']> }) {
  const t = useMT();
  const reason = ending.prematureReason as (typeof prematureReasons)[number] | undefined;
  return (
    <section aria-labelledby="ending">
      <h2 id="ending" tabIndex={-1}>
        {t('mentorships.detail.endingHeading')}
      </h2>
      <dl className="facts">
        <Fact term={t('mentorships.detail.endingKind')}>
          {t(`mentorships.endForm.${ending.kind}`)}
        </Fact>
        {reason ? (
          <Fact term={t('mentorships.detail.prematureReason')}>
            {prematureReasons.includes(reason)
              ? t(`mentorships.prematureReasons.${reason}`)
              : reason}
          </Fact>
        ) : null}
        {ending.transition ? (
          <>
            <Fact term={t('mentorships.detail.newObjectives')}>
              <ul>
                {ending.transition.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </Fact>
            <Fact term={t('mentorships.detail.contactMode')}>{ending.transition.contactMode}</Fact>
          </>
        ) : null}
        <Fact term={t('mentorships.detail.endingReason')}>{ending.reason}</Fact>
        <Fact term={t('mentorships.detail.endedOn')}>{formatDate(ending.endedAt)}</Fact>
      </dl>
    </section>
  );
}

function History({ mentorship: m }: { mentorship: Mentorship }) {
  const t = useMT();
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('mentorships.detail.historyHeading')}</h2>
      <ol className="entries">
        {m.history.map((h) => (
          <li key={`${h.at}-${h.to}`}>
            <p className="entry-title">
              {h.from
                ? t('mentorships.detail.historyMove', {
                    from: stageLabel(t, h.from),
                    to: stageLabel(t, h.to),
                  })
                : t('mentorships.detail.historyStart', { to: stageLabel(t, h.to) })}
            </p>
            <p>{t('mentorships.detail.historyBy', { name: h.byName, date: formatDate(h.at) })}</p>
            <p>{t('mentorships.detail.historyWhy', { reason: h.reason })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
