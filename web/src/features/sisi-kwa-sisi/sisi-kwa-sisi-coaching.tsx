/**
 * One Sisi Kwa Sisi coaching. The coach and the peer see it in full: the needs assessment,
 * the coaching plan as a per-skill Lead → Assist → Observe progression (dates, done marks,
 * a step past its date and not done said to be behind, in words), and the follow-up
 * sessions with their quality rating and private notes. Coordinators and admins see where
 * it stands, never its content (the API answers them 404 on the plan and the sessions).
 *
 * `/networks/:networkId/sisi-kwa-sisi/coachings/:coachingId`
 */
import type { CoachingPlanInput, CoachingSessionInput, CoachingView } from '@sisi/domain';
import {
  type LaoStep,
  laoSteps,
  leadAssistObserve,
  planOrderErrors,
  type SessionMode,
  sessionModes,
  sessionQualityScale,
  stepState,
  type ThematicArea,
  thematicAreaIds,
} from '@sisi/domain/static';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import {
  CheckboxField,
  type DocErrors,
  DocForm,
  fieldErrorsOf,
  Group,
  newKey,
  noDocErrors,
  optional,
  present,
  RadioGroup,
  type Row,
  SelectField,
  TextField,
  useDocForm,
} from '../../components/doc-form.tsx';
import { problemMessage } from '../../components/form.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../../pages/organization.tsx';
import {
  areaLabel,
  PlanStateBadge,
  qualityLabel,
  SisiLinks,
  StatusFacts,
  StepStateText,
  sisiBase,
  stepLabel,
  useSisiRoles,
} from './sisi-kwa-sisi-parts.tsx';
import {
  type CoachingPlanDoc,
  closeCoaching,
  coachingPlanQuery,
  coachingQuery,
  recordSession,
  type SessionView,
  saveCoachingPlan,
  sessionsQuery,
  sisiKeys,
} from './sisi-kwa-sisi-queries.ts';

type StepDraft = { date: string; done: boolean };
type SkillRow = Row & {
  area: string;
  skill: string;
  lead: StepDraft;
  assist: StepDraft;
  observe: StepDraft;
};
type PlanDraft = { periodStart: string; periodEnd: string; skills: SkillRow[] };

const todayIso = () => new Date().toISOString().slice(0, 10);
const emptyStep = (): StepDraft => ({ date: '', done: false });
const skillRow = (): SkillRow => ({
  _key: newKey(),
  area: '',
  skill: '',
  lead: emptyStep(),
  assist: emptyStep(),
  observe: emptyStep(),
});

function fromPlan(doc: CoachingPlanDoc | null): PlanDraft {
  if (!doc) return { periodStart: '', periodEnd: '', skills: [skillRow()] };
  const step = (s: { date: string; done?: boolean | undefined }) => ({
    date: s.date,
    done: !!s.done,
  });
  return {
    periodStart: doc.content.periodStart,
    periodEnd: doc.content.periodEnd,
    skills: doc.content.skills.map((s) => ({
      _key: s.id,
      area: s.area,
      skill: s.skill,
      lead: step(s.lead),
      assist: step(s.assist),
      observe: step(s.observe),
    })),
  };
}

function toPlanBody(d: PlanDraft): CoachingPlanInput {
  const step = (s: StepDraft) => ({ date: present(s.date), done: s.done });
  return {
    periodStart: present(d.periodStart),
    periodEnd: present(d.periodEnd),
    skills: d.skills.map((r) => ({
      id: r._key,
      area: present<ThematicArea>(r.area),
      skill: r.skill.trim(),
      lead: step(r.lead),
      assist: step(r.assist),
      observe: step(r.observe),
    })),
  };
}

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
      <p>
        <span className={c.status === 'active' ? 'badge' : 'badge status-invited'}>
          {c.status === 'active' ? ts('sisiKwaSisi.list.active') : ts('sisiKwaSisi.list.closed')}
        </span>
        <PlanStateBadge state={c.plan.state} />
      </p>
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

function Plan({ networkId, c }: { networkId: string; c: CoachingView }) {
  const ts = useSisiT();
  const plan = useQuery({ ...coachingPlanQuery(networkId, c.id), refetchOnWindowFocus: false });
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{ts('sisiKwaSisi.plan.heading')}</h2>
      <p>{ts('sisiKwaSisi.plan.intro')}</p>
      {plan.isError ? (
        <LoadError error={plan.error} retry={() => void plan.refetch()} />
      ) : plan.isPending ? (
        <Loading />
      ) : (
        <PlanForm networkId={networkId} c={c} base={plan.data ?? null} />
      )}
    </section>
  );
}

function PlanForm({
  networkId,
  c,
  base,
}: {
  networkId: string;
  c: CoachingView;
  base: CoachingPlanDoc | null;
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PlanDraft>(() => fromPlan(base));
  const [errors, setErrors] = useState<DocErrors>(noDocErrors);
  const [saved, setSaved] = useState<string>();
  const onChange = useCallback((update: (d: PlanDraft) => PlanDraft) => {
    setDraft(update);
    setSaved(undefined);
  }, []);
  const readOnly = c.status === 'closed';
  const [sent, setSent] = useState(draft);
  // the version this form edits: the one it loaded, then each one it saved
  const [version, setVersion] = useState(base?.version ?? 0);

  const save = useMutation({
    mutationFn: (body: CoachingPlanInput) =>
      saveCoachingPlan(networkId, c.id, { ...body, version }),
    onSuccess: async (doc) => {
      setErrors(noDocErrors);
      setVersion(doc.version);
      queryClient.setQueryData(sisiKeys.plan(networkId, c.id), doc);
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coaching(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coachings(networkId) });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        setErrors({ message: ts('sisiKwaSisi.plan.stale'), fields: {} });
      } else if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, sent) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = () => {
    if (save.isPending) return;
    const body = toPlanBody(draft);
    const complete =
      !!body.periodStart &&
      !!body.periodEnd &&
      body.skills.every((s) => s.lead.date && s.assist.date && s.observe.date);
    // the order rule runs here too, so the answer comes before the round trip
    const order = complete ? planOrderErrors(body as Parameters<typeof planOrderErrors>[0]) : [];
    if (order.length) return setErrors({ fields: fieldErrorsOf(order, draft) });
    setSent(draft);
    setSaved(ts('sisiKwaSisi.plan.saved'));
    save.mutate(body);
  };

  return (
    <>
      {readOnly ? (
        <div className="notice info">
          <p>{ts('sisiKwaSisi.plan.closedNote')}</p>
        </div>
      ) : null}
      <StatusMessage message={save.isSuccess ? saved : undefined} />
      <DocForm
        id="coaching-plan"
        labelledBy="plan-heading"
        draft={draft}
        onChange={onChange}
        errors={errors}
        readOnly={readOnly}
        onSubmit={send}
        submit={{
          label: ts('sisiKwaSisi.plan.save'),
          busy: save.isPending,
          busyLabel: ts('sisiKwaSisi.plan.saving'),
        }}
      >
        <TextField path="periodStart" type="date" label={ts('sisiKwaSisi.plan.periodStart')} />
        <TextField path="periodEnd" type="date" label={ts('sisiKwaSisi.plan.periodEndField')} />
        <p className="hint">{ts('sisiKwaSisi.plan.orderHint')}</p>
        <RepeatableList<SkillRow>
          path="skills"
          legend={ts('sisiKwaSisi.plan.skills')}
          heading={3}
          itemLabel={(n) => ts('sisiKwaSisi.plan.skillN', { n })}
          addLabel={ts('sisiKwaSisi.plan.addSkill')}
          removeLabel={(n) => ts('sisiKwaSisi.plan.removeSkill', { n })}
          newRow={skillRow}
          max={20}
        >
          {(row, rowPath, n) => (
            <>
              <SelectField
                path={`${rowPath}.area`}
                label={ts('sisiKwaSisi.plan.area')}
                placeholder={ts('sisiKwaSisi.plan.chooseArea')}
                options={thematicAreaIds.map((id) => ({ value: id, label: areaLabel(id) }))}
              />
              <TextField
                path={`${rowPath}.skill`}
                label={ts('sisiKwaSisi.plan.skill')}
                maxLength={200}
              />
              <Progression
                rowPath={rowPath}
                row={row}
                name={row.skill.trim() || ts('sisiKwaSisi.plan.skillN', { n })}
              />
            </>
          )}
        </RepeatableList>
      </DocForm>
    </>
  );
}

/** A skill's three steps, in order, each with its date, its done mark and where it stands. */
function Progression({ rowPath, row, name }: { rowPath: string; row: SkillRow; name: string }) {
  const ts = useSisiT();
  const form = useDocForm();
  const today = todayIso();
  return (
    <ol className="lao" aria-label={ts('sisiKwaSisi.plan.progression', { skill: name })}>
      {laoSteps.map((step: LaoStep) => {
        const s = row[step];
        const state = s.date ? stepState(s, today) : 'upcoming';
        const model = leadAssistObserve.steps.find((m) => m.id === step)!;
        return (
          <li key={step} className={`step-is-${state}`}>
            <Group legend={stepLabel(step)} hint={tSource(`lao.${step}.coach`, model.coach)}>
              <TextField
                path={`${rowPath}.${step}.date`}
                type="date"
                label={ts('sisiKwaSisi.plan.date')}
              />
              <CheckboxField path={`${rowPath}.${step}.done`} label={ts('sisiKwaSisi.plan.done')} />
              {s.date || form.readOnly ? <StepStateText state={state} /> : null}
            </Group>
          </li>
        );
      })}
    </ol>
  );
}

type SessionDraft = {
  date: string;
  step: string;
  skillId: string;
  quality: string;
  mode: SessionMode;
  notes: string;
  nextMeetingDate: string;
};

const emptySession = (): SessionDraft => ({
  date: todayIso(),
  step: '',
  skillId: '',
  quality: '',
  mode: 'in-person',
  notes: '',
  nextMeetingDate: '',
});

function Sessions({ networkId, c }: { networkId: string; c: CoachingView }) {
  const ts = useSisiT();
  const list = useInfiniteQuery(sessionsQuery(networkId, c.id));
  const plan = useQuery(coachingPlanQuery(networkId, c.id));
  const skills = plan.data?.content.skills ?? [];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{ts('sisiKwaSisi.sessions.heading')}</h2>
      <p>{ts('sisiKwaSisi.sessions.intro')}</p>
      <div className="notice info">
        <p>{ts('sisiKwaSisi.sessions.privacy')}</p>
      </div>
      {list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{ts('sisiKwaSisi.sessions.empty')}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((s) => (
              <SessionCard key={s.id} s={s} skill={skills.find((k) => k.id === s.skillId)?.skill} />
            ))}
          </ul>
          <LoadMore query={list} />
        </>
      )}
      {c.status === 'active' ? <SessionForm networkId={networkId} c={c} skills={skills} /> : null}
    </section>
  );
}

function SessionCard({ s, skill }: { s: SessionView; skill: string | undefined }) {
  const ts = useSisiT();
  return (
    <li className="card">
      <h3 className="card-title">
        {ts('sisiKwaSisi.sessions.on', { date: formatDate(s.date), step: stepLabel(s.step) })}
      </h3>
      {skill ? <p>{skill}</p> : null}
      <p>
        {ts('sisiKwaSisi.sessions.rated', { value: s.quality, label: qualityLabel(s.quality) })}
      </p>
      <p>
        {tSource(`modes.${s.mode}`, sessionModes.find((m) => m.id === s.mode)?.label ?? s.mode)}
      </p>
      <p className="note-text">{s.notes ?? ts('sisiKwaSisi.sessions.noNotes')}</p>
      <p className="hint">{ts('sisiKwaSisi.sessions.recordedBy', { name: s.recordedByName })}</p>
    </li>
  );
}

function SessionForm({
  networkId,
  c,
  skills,
}: {
  networkId: string;
  c: CoachingView;
  skills: { id: string; skill: string }[];
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<SessionDraft>(emptySession);
  const [errors, setErrors] = useState<DocErrors>(noDocErrors);
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const setDraft = useCallback((update: (d: SessionDraft) => SessionDraft) => {
    setDraftState(update);
    setDone(undefined);
  }, []);

  const record = useMutation({
    mutationFn: (body: CoachingSessionInput) => recordSession(networkId, c.id, body, key),
    onSuccess: async () => {
      setDone(ts('sisiKwaSisi.sessions.recorded'));
      setDraftState(emptySession());
      setErrors(noDocErrors);
      setKey(idempotencyKey());
      await queryClient.invalidateQueries({ queryKey: sisiKeys.sessions(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coaching(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coachings(networkId) });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, draft) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = () => {
    if (record.isPending) return;
    record.mutate({
      date: present(draft.date),
      step: present<LaoStep>(draft.step),
      skillId: optional(draft.skillId),
      quality: (draft.quality ? Number(draft.quality) : undefined) as number,
      mode: draft.mode,
      notes: optional(draft.notes),
      nextMeetingDate: optional(draft.nextMeetingDate),
    });
  };

  return (
    <>
      <StatusMessage message={done} />
      <h3 id="record-heading">{ts('sisiKwaSisi.sessions.record')}</h3>
      <DocForm
        id="coaching-session"
        labelledBy="record-heading"
        draft={draft}
        onChange={setDraft}
        errors={errors}
        onSubmit={send}
        submit={{
          label: ts('sisiKwaSisi.sessions.record'),
          busy: record.isPending,
          busyLabel: ts('sisiKwaSisi.sessions.recording'),
        }}
      >
        <TextField path="date" type="date" label={ts('sisiKwaSisi.sessions.date')} />
        <RadioGroup
          path="step"
          legend={ts('sisiKwaSisi.sessions.step')}
          options={laoSteps.map((s) => ({ value: s, label: stepLabel(s) }))}
        />
        {skills.length ? (
          <SelectField
            path="skillId"
            label={ts('sisiKwaSisi.sessions.skill')}
            placeholder={ts('sisiKwaSisi.sessions.anySkill')}
            options={skills.map((s) => ({ value: s.id, label: s.skill }))}
          />
        ) : null}
        <RadioGroup
          path="quality"
          legend={ts('sisiKwaSisi.sessions.quality')}
          options={sessionQualityScale.points.map((p) => ({
            value: String(p.value),
            label: ts('sisiKwaSisi.sessions.qualityValue', {
              value: p.value,
              label: `${qualityLabel(p.value)}: ${tSource(`quality.${p.value}.text`, p.text)}`,
            }),
          }))}
        />
        <RadioGroup
          path="mode"
          legend={ts('sisiKwaSisi.sessions.mode')}
          options={sessionModes.map((m) => ({
            value: m.id,
            label: tSource(`modes.${m.id}`, m.label),
          }))}
        />
        <TextField
          path="notes"
          label={ts('sisiKwaSisi.sessions.notes')}
          hint={ts('sisiKwaSisi.sessions.notesHint')}
          rows={5}
          maxLength={8000}
        />
        <TextField
          path="nextMeetingDate"
          type="date"
          label={ts('sisiKwaSisi.sessions.nextMeeting')}
          hint={ts('sisiKwaSisi.sessions.nextMeetingHint')}
        />
      </DocForm>
    </>
  );
}
