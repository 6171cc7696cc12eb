import type { Member, Mentorship } from '@sisi/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { ApiProblem, api, call } from '../../api/client.ts';
import { allMembersQuery, keys, mentorshipQuery } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  hasErrors,
  noErrors,
  problemMessage,
  problemToErrors,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { type MentorshipTranslate, tData, useMT } from '../../i18n/en-mentorships.ts';
import { useReflectionT } from '../../i18n/en-reflection.ts';
import { useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  type EndKind,
  endKinds,
  prematureReasons,
  rightsAndResponsibilities,
  type Stage,
  stages,
} from '../../mentorship-domain.ts';
import { MonitoringSection } from '../monitoring/monitoring-parts.tsx';
import type { FlashState } from '../organizations/organization.tsx';
import { ReviewStateBadge, reviewStateHint } from '../reviews/review-parts.tsx';
import { mentorshipReviewsQuery } from '../reviews/review-queries.ts';
import {
  Fact,
  involved,
  RadioGroup,
  SelectInput,
  stageLabel,
  useOrganizations,
  useViewer,
} from './mentorship-parts.tsx';

type Viewer = ReturnType<typeof useViewer>;
type NameOf = (id: string) => string;

/** Keeps a mentorship answered by a write, and refreshes the lists it appears in. */
function useSaveMentorship(networkId: string) {
  const queryClient = useQueryClient();
  return async (m: Mentorship) => {
    queryClient.setQueryData(keys.mentorship(networkId, m.id), m);
    await queryClient.invalidateQueries({ queryKey: [...keys.mentorships(networkId), 'list'] });
  };
}

/** A stale write (409): reload the mentorship and say so. */
function useConflict(networkId: string, mentorshipId: string) {
  const queryClient = useQueryClient();
  const t = useMT();
  return (error: unknown): string | undefined => {
    if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
    void queryClient.invalidateQueries({ queryKey: keys.mentorship(networkId, mentorshipId) });
    return t('mentorships.detail.conflict');
  };
}

/**
 * One mentorship: its stages and history, the rights and responsibilities each
 * organization accepts, the review schedule, and (for who runs it) the stage, ending and
 * participant forms.
 */
export function MentorshipPage() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
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
          {viewer.canManage(m) && m.stage !== 'end' ? (
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

const everyoneAgreed = (m: Mentorship) =>
  involved(m).every((id) => m.agreements.some((a) => a.organizationId === id));

const STAGE_FIELDS = ['stage', 'reason'] as const;

/** Forward one stage, or back to any earlier one, with a reason. */
function StageForm({ networkId, mentorship: m }: { networkId: string; mentorship: Mentorship }) {
  const t = useMT();
  const save = useSaveMentorship(networkId);
  const conflict = useConflict(networkId, m.id);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const index = stages.indexOf(m.stage);
  // the end has its own form, with how and why
  const targets: { stage: Stage; note: string }[] = [
    ...stages.slice(0, index).map((s) => ({ stage: s, note: t('mentorships.stageForm.back') })),
    ...(index + 1 < stages.length - 1
      ? [{ stage: stages[index + 1]!, note: t('mentorships.stageForm.forward') }]
      : []),
  ];
  const change = useMutation({
    mutationFn: (json: { stage: Stage; reason: string }) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].stage.$post({
          param: { networkId, mentorshipId: m.id },
          json,
        }),
      ),
    onSuccess: async (next) => {
      setFormKey((k) => k + 1);
      setDone(t('mentorships.stageForm.changed', { stage: stageLabel(t, next.stage) }));
      await save(next);
    },
    onError: (error) => {
      const message = conflict(error);
      setErrors(message ? { ...noErrors, message } : problemToErrors(error, STAGE_FIELDS, t));
    },
  });
  const labels = {
    stage: t('mentorships.stageForm.target'),
    reason: t('mentorships.stageForm.reason'),
  };
  const submit = (data: FormData) => {
    if (change.isPending) return;
    const stage = text(data, 'stage') as Stage;
    const reason = text(data, 'reason');
    const fields: Record<string, string> = {};
    if (!stage) fields.stage = t('errors.isRequired');
    if (!reason) fields.reason = t('errors.isRequired');
    if (Object.keys(fields).length) return setErrors({ fields, other: [] });
    setErrors(noErrors);
    setDone(undefined);
    change.mutate({ stage, reason });
  };
  return (
    <section aria-labelledby="stage-form" className="panel">
      <h2 id="stage-form">{t('mentorships.stageForm.heading')}</h2>
      <p>{t('mentorships.stageForm.intro')}</p>
      <StatusMessage message={done} />
      {targets.length === 0 ? (
        <p>{t('mentorships.stageForm.nothing')}</p>
      ) : (
        <div className="narrow">
          <Form
            key={formKey}
            id="stage-change"
            labelledBy="stage-form"
            errors={errors}
            labels={labels}
            onSubmit={submit}
          >
            <RadioGroup
              formId="stage-change"
              errors={errors}
              name="stage"
              label={labels.stage}
              hint={
                m.stage === 'build-relationship' && !everyoneAgreed(m)
                  ? t('mentorships.stageForm.agreementsMissing')
                  : undefined
              }
              options={targets.map((o) => ({
                value: o.stage,
                label: `${stageLabel(t, o.stage)} ${o.note}`,
              }))}
            />
            <TextField name="reason" label={labels.reason} rows={3} maxLength={2000} required />
            <SubmitButton
              label={t('mentorships.stageForm.submit')}
              busy={change.isPending}
              busyLabel={t('mentorships.stageForm.submitting')}
            />
          </Form>
        </div>
      )}
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

function RightsList({ items, prefix }: { items: readonly string[]; prefix: string }) {
  return (
    <ul className="rights">
      {items.map((item, i) => (
        <li key={item}>{tData(`${prefix}.${i}`, item)}</li>
      ))}
    </ul>
  );
}

/** The text each organization accepts, and who accepted it for each. */
function Rights({
  networkId,
  mentorship: m,
  viewer,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  viewer: Viewer;
  name: NameOf;
}) {
  const t = useMT();
  const save = useSaveMentorship(networkId);
  const conflict = useConflict(networkId, m.id);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const r = rightsAndResponsibilities;
  const accept = useMutation({
    mutationFn: (organizationId: string) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].agreements.$post({
          param: { networkId, mentorshipId: m.id },
          json: { organizationId },
        }),
      ),
    onSuccess: async (next, organizationId) => {
      setMessage(t('mentorships.rights.acceptedMessage', { name: name(organizationId) }));
      await save(next);
    },
    onError: (e) => setError(conflict(e) ?? problemMessage(e, t)),
  });
  const prefix = `rights.${r.version}`;
  return (
    <section aria-labelledby="rights">
      <h2 id="rights">{t('mentorships.rights.heading')}</h2>
      <p>{t('mentorships.rights.intro')}</p>
      <h3>{t('mentorships.rights.menteeRights')}</h3>
      <RightsList items={r.mentee.rights} prefix={`${prefix}.mentee.rights`} />
      <h3>{t('mentorships.rights.menteeResponsibilities')}</h3>
      <RightsList items={r.mentee.responsibilities} prefix={`${prefix}.mentee.responsibilities`} />
      <h3>{t('mentorships.rights.mentorRights')}</h3>
      <RightsList items={r.mentor.rights} prefix={`${prefix}.mentor.rights`} />
      <h3>{t('mentorships.rights.mentorResponsibilities')}</h3>
      <RightsList items={r.mentor.responsibilities} prefix={`${prefix}.mentor.responsibilities`} />

      <h3 id="agreements">{t('mentorships.rights.agreementsHeading')}</h3>
      <StatusMessage message={message} />
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <ul className="entries" aria-labelledby="agreements">
        {involved(m).map((orgId, i) => {
          const agreement = m.agreements.find((a) => a.organizationId === orgId);
          const role = t(i === 0 ? 'mentorships.roles.mentor' : 'mentorships.roles.mentee');
          return (
            <li key={orgId}>
              <p className="entry-title">
                {t('mentorships.rights.orgRole', { name: name(orgId), role })}
              </p>
              {agreement ? (
                <>
                  <p>
                    <span className="badge status-accepted">
                      {t('mentorships.rights.accepted', {
                        name: agreement.acceptedByName,
                        date: formatDate(agreement.acceptedAt),
                      })}
                    </span>
                  </p>
                  {agreement.textVersion !== r.version ? (
                    <p className="hint">
                      {t('mentorships.rights.acceptedOlder', { version: agreement.textVersion })}
                    </p>
                  ) : null}
                </>
              ) : (
                <>
                  <p>
                    <span className="badge status-pending">
                      {t('mentorships.rights.notAccepted')}
                    </span>
                  </p>
                  {viewer.canAcceptFor(orgId) && m.stage !== 'end' ? (
                    <p className="actions">
                      <button
                        type="button"
                        className="primary"
                        aria-disabled={accept.isPending || undefined}
                        onClick={() => {
                          if (accept.isPending) return;
                          setMessage(undefined);
                          setError(undefined);
                          accept.mutate(orgId);
                        }}
                      >
                        {t('mentorships.rights.accept', { name: name(orgId) })}
                      </button>
                      <span className="busy" role="status">
                        {accept.isPending && accept.variables === orgId
                          ? t('mentorships.rights.accepting')
                          : ''}
                      </span>
                    </p>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function reviewLabel(t: MentorshipTranslate, r: Mentorship['reviews'][number]) {
  if (r.kind === 'quarterly') return t('mentorships.reviews.quarterly', { number: r.period });
  return t(r.kind === 'mid-term' ? 'mentorships.reviews.midTerm' : 'mentorships.reviews.end');
}

const WAITING: readonly string[] = ['requested', 'reminded', 'overdue'];

/**
 * Quarterly, mid-term and end reviews, each with where it stands (from the API: the mail
 * the lifecycle sent, the reports in, and the clock), and for who files the quarterly
 * report, a link to it while it is due.
 */
function Reviews({
  networkId,
  mentorship: m,
  viewer,
}: {
  networkId: string;
  mentorship: Mentorship;
  viewer: Viewer;
}) {
  const t = useMT();
  const tr = useReviewT();
  const tf = useReflectionT();
  const states = useQuery(mentorshipReviewsQuery(networkId, m.id));
  const byN = new Map((states.data ?? []).map((r) => [r.n, r]));
  const canFile = viewer.isAdmin || viewer.coordinatorOf === m.mentorOrganizationId;
  const base = `/networks/${networkId}/mentorships/${m.id}`;
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">{t('mentorships.reviews.heading')}</h2>
      <p>{t('mentorships.reviews.intro')}</p>
      {states.isPending ? <Loading /> : null}
      {states.isError ? (
        <div className="notice error" role="alert">
          <p>{tr('monitoring.statesFailed')}</p>
          <button type="button" onClick={() => void states.refetch()}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      <ul className="entries">
        {m.reviews.map((r, i) => {
          // review n is the n-th of the stored reviews: the lifecycle numbers them so
          const state = byN.get(i + 1)?.state;
          const hint = state ? reviewStateHint(tr, state) : undefined;
          return (
            <li key={`${r.kind}-${r.period ?? ''}`}>
              <span className="entry-title">{reviewLabel(t, r)}</span>: {formatDate(r.dueDate)}{' '}
              {state ? <ReviewStateBadge state={state} /> : null}
              {hint ? <p className="hint">{hint}</p> : null}
              {state === 'past' ? (
                <p className="hint">{t('mentorships.reviews.notMailed')}</p>
              ) : null}
              {r.kind === 'quarterly' ? null : (
                <p>
                  <Link href={`${base}/${r.kind === 'mid-term' ? 'reflection' : 'evaluation'}`}>
                    {tf(
                      r.kind === 'mid-term'
                        ? 'reflection.links.reflection'
                        : 'reflection.links.evaluation',
                    )}
                  </Link>
                </p>
              )}
              {canFile &&
              !m.ending &&
              r.kind === 'quarterly' &&
              state &&
              WAITING.includes(state) ? (
                <p>
                  <Link href={`${base}/quarterly-reports/new?period=${r.period}`}>
                    {tr('monitoring.fillReport', { period: r.period })}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The people of the involved organizations who take part. */
function Participants({
  networkId,
  mentorship: m,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  name: NameOf;
}) {
  const t = useMT();
  const save = useSaveMentorship(networkId);
  const conflict = useConflict(networkId, m.id);
  const orgIds = involved(m);
  const people = useQueries({
    queries: orgIds.map((o) => ({ ...allMembersQuery(networkId, o), retry: false })),
  });
  const [chosen, setChosen] = useState<string[]>(m.participantIds);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string>();
  const visible = new Set(people.flatMap((q) => (q.data ?? []).map((p: Member) => p.id)));
  const put = useMutation({
    mutationFn: (personIds: string[]) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].participants.$put({
          param: { networkId, mentorshipId: m.id },
          json: { personIds },
        }),
      ),
    onSuccess: async (next) => {
      setChosen(next.participantIds);
      setDone(t('mentorships.participants.saved'));
      await save(next);
    },
    onError: (error) => {
      const message = conflict(error);
      setErrors(message ? { ...noErrors, message } : problemToErrors(error, ['personIds'], t));
    },
  });
  const submit = () => {
    if (put.isPending) return;
    setErrors(noErrors);
    setDone(undefined);
    // people the reader cannot see (another organization's) stay as they are
    const hidden = m.participantIds.filter((id) => !visible.has(id));
    put.mutate([...new Set([...hidden, ...chosen.filter((id) => visible.has(id))])]);
  };
  return (
    <section aria-labelledby="participants" className="panel">
      <h2 id="participants">{t('mentorships.participants.heading')}</h2>
      <p>{t('mentorships.participants.intro')}</p>
      <p>{t('mentorships.participants.count', { count: m.participantIds.length })}</p>
      <StatusMessage message={done} />
      <Form
        id="participants-form"
        labelledBy="participants"
        errors={errors}
        labels={{ personIds: t('mentorships.participants.heading') }}
        onSubmit={submit}
      >
        {orgIds.map((orgId, i) => {
          const q = people[i]!;
          return (
            <fieldset className="field checkboxes" key={orgId}>
              <legend>{name(orgId)}</legend>
              {q.isPending ? (
                <Loading />
              ) : q.isError ? (
                q.error instanceof ApiProblem && [403, 404].includes(q.error.status) ? (
                  <p className="hint">{t('mentorships.participants.hidden')}</p>
                ) : (
                  <LoadError error={q.error} retry={() => void q.refetch()} />
                )
              ) : q.data.length === 0 ? (
                <p>{t('mentorships.participants.noPeople')}</p>
              ) : (
                q.data.map((p) => {
                  const id = `participant-${p.id}`;
                  const checked = chosen.includes(p.id);
                  return (
                    <div className="checkbox" key={p.id}>
                      <input
                        type="checkbox"
                        id={id}
                        name="personIds"
                        value={p.id}
                        checked={checked}
                        onChange={() =>
                          setChosen(checked ? chosen.filter((x) => x !== p.id) : [...chosen, p.id])
                        }
                      />
                      <label htmlFor={id}>{p.name}</label>
                    </div>
                  );
                })
              )}
            </fieldset>
          );
        })}
        <SubmitButton
          label={t('mentorships.participants.submit')}
          busy={put.isPending}
          busyLabel={t('mentorships.participants.submitting')}
        />
      </Form>
    </section>
  );
}

const END_FIELDS = ['kind', 'prematureReason', 'objectives', 'contactMode', 'reason'] as const;

/** API paths `transition.objectives…` belong to this form's `objectives` field, and so on. */
function endProblem(error: unknown): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const errors = error.errors.map((e) => ({
    ...e,
    path: e.path.startsWith('transition.') ? e.path.slice('transition.'.length) : e.path,
  }));
  return new ApiProblem(error.status, error.title, error.message, errors, error.retryAfter);
}

/** Natural, premature (with the toolkit's reason) or a transition to new objectives. */
function EndForm({
  networkId,
  mentorship: m,
  onEnded,
}: {
  networkId: string;
  mentorship: Mentorship;
  onEnded: () => void;
}) {
  const t = useMT();
  const save = useSaveMentorship(networkId);
  const conflict = useConflict(networkId, m.id);
  const [kind, setKind] = useState<EndKind | ''>('');
  const [prematureReason, setPrematureReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const end = useMutation({
    mutationFn: (json: {
      kind: EndKind;
      reason: string;
      prematureReason?: (typeof prematureReasons)[number];
      transition?: { objectives: string[]; contactMode: string };
    }) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].end.$post({
          param: { networkId, mentorshipId: m.id },
          json,
        }),
      ),
    onSuccess: async (next) => {
      await save(next);
      onEnded();
    },
    onError: (error) => {
      const message = conflict(error);
      setErrors(
        message ? { ...noErrors, message } : problemToErrors(endProblem(error), END_FIELDS, t),
      );
    },
  });
  const labels = {
    kind: t('mentorships.endForm.kind'),
    prematureReason: t('mentorships.endForm.prematureReason'),
    objectives: t('mentorships.endForm.objectives'),
    contactMode: t('mentorships.endForm.contactMode'),
    reason: t('mentorships.endForm.reason'),
  };
  const submit = (data: FormData) => {
    if (end.isPending) return;
    const reason = text(data, 'reason');
    const objectives = text(data, 'objectives')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const contactMode = text(data, 'contactMode');
    const fields: Record<string, string> = {};
    const required = t('errors.isRequired');
    if (!kind) fields.kind = required;
    if (kind === 'premature' && !prematureReason) fields.prematureReason = required;
    if (kind === 'transition' && objectives.length === 0) fields.objectives = required;
    if (kind === 'transition' && !contactMode) fields.contactMode = required;
    if (!reason) fields.reason = required;
    const found = { fields, other: [] };
    if (hasErrors(found) || !kind) return setErrors(found);
    setErrors(noErrors);
    end.mutate({
      kind,
      reason,
      ...(kind === 'premature'
        ? { prematureReason: prematureReason as (typeof prematureReasons)[number] }
        : {}),
      ...(kind === 'transition' ? { transition: { objectives, contactMode } } : {}),
    });
  };
  return (
    <section aria-labelledby="end-form" className="panel">
      <h2 id="end-form">{t('mentorships.endForm.heading')}</h2>
      <p>{t('mentorships.endForm.intro')}</p>
      <div className="narrow">
        <Form id="end" labelledBy="end-form" errors={errors} labels={labels} onSubmit={submit}>
          <RadioGroup
            formId="end"
            errors={errors}
            name="kind"
            label={labels.kind}
            value={kind}
            onChange={(k) => setKind(k as EndKind)}
            options={endKinds.map((k) => ({
              value: k,
              label: t(`mentorships.endForm.${k}`),
              hint: t(`mentorships.endForm.${k}Hint`),
            }))}
          />
          {kind === 'premature' ? (
            <SelectInput
              formId="end"
              errors={errors}
              name="prematureReason"
              label={labels.prematureReason}
              placeholder={t('mentorships.endForm.chooseReason')}
              options={prematureReasons.map((r) => ({
                value: r,
                label: t(`mentorships.prematureReasons.${r}`),
              }))}
              value={prematureReason}
              onChange={setPrematureReason}
            />
          ) : null}
          {kind === 'transition' ? (
            <>
              <TextField
                name="objectives"
                label={labels.objectives}
                hint={t('mentorships.endForm.objectivesHint')}
                rows={4}
                required
              />
              <TextField
                name="contactMode"
                label={labels.contactMode}
                hint={t('mentorships.endForm.contactModeHint')}
                maxLength={500}
                required
              />
            </>
          ) : null}
          <TextField name="reason" label={labels.reason} rows={3} maxLength={4000} required />
          <SubmitButton
            label={t('mentorships.endForm.submit')}
            busy={end.isPending}
            busyLabel={t('mentorships.endForm.submitting')}
          />
        </Form>
      </div>
    </section>
  );
}
