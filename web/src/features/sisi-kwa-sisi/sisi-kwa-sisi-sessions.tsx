/** A coaching's sessions: those held so far, and the form that records the next one. */
import type { CoachingSessionInput, CoachingView } from '@sisi/domain';
import {
  type LaoStep,
  laoSteps,
  type SessionMode,
  sessionModes,
  sessionQualityScale,
} from '@sisi/domain/static';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  optional,
  present,
  RadioGroup,
  SelectField,
  sendWith,
  TextField,
} from '../../components/form/index.ts';
import { StatusMessage } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { formatDate } from '../../i18n/index.ts';
import { SisiForm, useCreateForm } from './sisi-kwa-sisi-form.tsx';
import { qualityLabel, stepLabel, todayIso } from './sisi-kwa-sisi-parts.tsx';
import {
  coachingPlanQuery,
  recordSession,
  type SessionView,
  sessionsQuery,
  sisiKeys,
} from './sisi-kwa-sisi-queries.ts';

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

/** The coaching's sessions, and for its people the form that records one. */
export function Sessions({ networkId, c }: { networkId: string; c: CoachingView }) {
  const ts = useSisiT();
  const list = useInfiniteQuery(sessionsQuery(networkId, c.id));
  const plan = useQuery(coachingPlanQuery(networkId, c.id));
  const skills = plan.data?.content.skills ?? [];
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{ts('sisiKwaSisi.sessions.heading')}</h2>
      <p>{ts('sisiKwaSisi.sessions.intro')}</p>
      <div className="notice info">
        <p>{ts('sisiKwaSisi.sessions.privacy')}</p>
      </div>
      <PagedCards
        query={list}
        empty={ts('sisiKwaSisi.sessions.empty')}
        card={(s) => (
          <SessionCard key={s.id} s={s} skill={skills.find((k) => k.id === s.skillId)?.skill} />
        )}
      />
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
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const { form, key, done, created } = useCreateForm(emptySession);

  const record = useMutation({
    mutationFn: (body: CoachingSessionInput) => recordSession(networkId, c.id, body, key),
    onSuccess: async () => {
      created(ts('sisiKwaSisi.sessions.recorded'));
      await queryClient.invalidateQueries({ queryKey: sisiKeys.sessions(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coaching(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coachings(networkId) });
    },
    onError: (error) => form.fail(error),
  });

  const send = sendWith(form, record, {
    body: (draft): CoachingSessionInput => ({
      date: present(draft.date),
      step: present<LaoStep>(draft.step),
      skillId: optional(draft.skillId),
      quality: (draft.quality ? Number(draft.quality) : undefined) as number,
      mode: draft.mode,
      notes: optional(draft.notes),
      nextMeetingDate: optional(draft.nextMeetingDate),
    }),
    label: ts('sisiKwaSisi.sessions.record'),
    busyLabel: ts('sisiKwaSisi.sessions.recording'),
  });

  return (
    <>
      <StatusMessage message={done} />
      <h3 id="record-heading">{ts('sisiKwaSisi.sessions.record')}</h3>
      <SisiForm form={form} id="coaching-session" labelledBy="record-heading" {...send}>
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
      </SisiForm>
    </>
  );
}
