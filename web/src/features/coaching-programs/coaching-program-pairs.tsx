/**
 * A program's pairs: the fixed pairs, or the rotation schedule (a round every N weeks that
 * avoids repeating a pair until every pairing was used; a bye when the number is odd), and
 * the coordinator's forms to form pairs or schedule rounds. A pair's own page holds its
 * sessions and its confidential notes, which only the two of them read.
 *
 * `/networks/:networkId/coaching-programs/:programId/pairs`,
 * `/networks/:networkId/coaching-programs/:programId/pairs/:pairId`
 */
import { MAX_ROTATION_ROUNDS } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { idempotencyKey } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  noErrors,
  problemMessage,
  SelectField,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import {
  BackToProgram,
  errorsOf,
  ProgramGate,
  programBase,
  useProgram,
} from './coaching-program-parts.tsx';
import {
  type PairView,
  type ProgramView,
  pairsQuery,
  participantsQuery,
  postNote,
  postPairs,
  postRotation,
  postSession,
  programKeys,
  type SessionView,
  sessionsQuery,
} from './coaching-program-queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function PairsPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const [done, setDone] = useState<string>();
  return (
    <Page title={tp('programs.pairs.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <Schedule networkId={networkId} program={program} />
            {program.viewer.manages ? (
              program.pairingMode === 'fixed' ? (
                <FixedPairForm networkId={networkId} program={program} onDone={setDone} />
              ) : (
                <RotationForm networkId={networkId} program={program} onDone={setDone} />
              )
            ) : null}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

function Schedule({ networkId, program }: { networkId: string; program: ProgramView }) {
  const tp = useProgramT();
  const me = useQuery(meQuery()).data;
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const now = today();
  if (pairs.isError) return <LoadError error={pairs.error} retry={() => void pairs.refetch()} />;
  if (!pairs.data) return <Loading />;
  const { rounds } = pairs.data;
  return (
    <section aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{tp('programs.program.pairs')}</h2>
      {program.pairingMode === 'rotational' ? (
        <p className="hint">
          {tp('programs.pairs.rotationNote')} {tp('programs.pairs.byeNote')}
        </p>
      ) : null}
      {rounds.length === 0 ? <p>{tp('programs.pairs.empty')}</p> : null}
      <ol className="round-list">
        {rounds.map((r) => {
          const current = r.startDate && r.endDate && r.startDate <= now && now <= r.endDate;
          const headingId = `round-${r.round}`;
          return (
            <li key={r.round}>
              <h3 id={headingId}>
                {r.round === 0
                  ? tp('programs.pairs.fixedRound')
                  : tp('programs.pairs.round', {
                      n: r.round,
                      start: formatDate(r.startDate ?? ''),
                      end: formatDate(r.endDate ?? ''),
                    })}{' '}
                {current ? (
                  <span className="badge status-active">{tp('programs.pairs.current')}</span>
                ) : null}
              </h3>
              <ul className="cards">
                {r.pairs.map((p) => (
                  <PairCard
                    key={p.id}
                    networkId={networkId}
                    programId={program.id}
                    pair={p}
                    mine={!!me && p.memberIds.includes(me.id)}
                  />
                ))}
              </ul>
              {r.byeName ? <p>{tp('programs.pairs.bye', { name: r.byeName })}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function PairCard({
  networkId,
  programId,
  pair,
  mine,
}: {
  networkId: string;
  programId: string;
  pair: PairView;
  mine: boolean;
}) {
  const tp = useProgramT();
  return (
    <li className="card">
      <p className="person-name">{pair.memberNames.join(' & ')}</p>
      <p>{tp('programs.pairs.sessions', { count: pair.sessionsHeld })}</p>
      <p>
        <span
          className={pair.consentComplete ? 'badge status-active' : 'badge status-provisioning'}
        >
          {pair.consentComplete
            ? tp('programs.pairs.consentComplete')
            : tp('programs.pairs.consentMissing')}
        </span>
      </p>
      {mine ? (
        <p>
          <Link href={`${programBase(networkId, programId)}/pairs/${pair.id}`}>
            {tp('programs.pairs.openWith', { names: pair.memberNames.join(' & ') })}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function FixedPairForm({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const participants = useQuery(participantsQuery(networkId, program.id));
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [formKey, setFormKey] = useState(0);
  const paired = new Set(
    pairs.data?.rounds.flatMap((r) => r.pairs.flatMap((p) => p.memberIds)) ?? [],
  );
  const options = (participants.data ?? [])
    .filter((p) => !paired.has(p.personId))
    .map((p) => ({ value: p.personId, label: p.name }));
  const save = useMutation({
    mutationFn: (pair: [string, string]) => postPairs(networkId, program.id, [pair]),
    onSuccess: (schedule) => {
      queryClient.setQueryData(programKeys.part(networkId, program.id, 'pairs'), schedule);
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      setFormKey((k) => k + 1);
      onDone(tp('programs.pairs.paired'));
    },
    onError: (e) => setErrors(errorsOf(e, ['pairs.0.0', 'pairs.0.1', 'pairs'], t)),
  });
  const labels = {
    'pairs.0.0': tp('programs.pairs.first'),
    'pairs.0.1': tp('programs.pairs.second'),
    pairs: tp('programs.pairs.addPair'),
  };
  return (
    <section aria-labelledby="add-pair-heading">
      <h2 id="add-pair-heading">{tp('programs.pairs.addPair')}</h2>
      <Form
        key={formKey}
        id="pair"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const a = text(data, 'pairs.0.0');
          const b = text(data, 'pairs.0.1');
          const local: FormErrors = { fields: {}, other: [] };
          if (!a) local.fields['pairs.0.0'] = t('errors.isRequired');
          if (!b) local.fields['pairs.0.1'] = t('errors.isRequired');
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate([a, b]);
        }}
      >
        <SelectField
          name="pairs.0.0"
          label={labels['pairs.0.0']}
          placeholder={tp('programs.pairs.choose')}
          options={options}
        />
        <SelectField
          name="pairs.0.1"
          label={labels['pairs.0.1']}
          placeholder={tp('programs.pairs.choose')}
          options={options}
        />
        <SubmitButton
          label={tp('programs.pairs.submitPair')}
          busy={save.isPending}
          busyLabel={tp('programs.pairs.submittingPair')}
        />
      </Form>
    </section>
  );
}

function RotationForm({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const first = (pairs.data?.rounds.length ?? 0) === 0;
  const save = useMutation({
    mutationFn: (body: { startDate?: string; rounds: number }) =>
      postRotation(networkId, program.id, body),
    onSuccess: (schedule) => {
      queryClient.setQueryData(programKeys.part(networkId, program.id, 'pairs'), schedule);
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      onDone(tp('programs.pairs.scheduled'));
    },
    onError: (e) => setErrors(errorsOf(e, ['startDate', 'rounds'], t)),
  });
  const labels = { startDate: tp('programs.pairs.startDate'), rounds: tp('programs.pairs.rounds') };
  return (
    <section aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{tp('programs.pairs.generate')}</h2>
      <Form
        id="rotation"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const startDate = text(data, 'startDate');
          const rounds = Number(text(data, 'rounds'));
          const local: FormErrors = { fields: {}, other: [] };
          if (first && !startDate) local.fields.startDate = t('errors.isRequired');
          if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROTATION_ROUNDS) {
            local.fields.rounds = tp('programs.form.notANumber');
          }
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate({ ...(startDate ? { startDate } : {}), rounds });
        }}
      >
        <DateField
          name="startDate"
          formId="rotation"
          label={labels.startDate}
          hint={tp('programs.pairs.startDateHint')}
          error={errors.fields.startDate}
        />
        <TextField name="rounds" label={labels.rounds} defaultValue="4" />
        <SubmitButton
          label={tp('programs.pairs.submitRounds')}
          busy={save.isPending}
          busyLabel={tp('programs.pairs.submittingRounds')}
        />
      </Form>
    </section>
  );
}

/** A labelled date input (the form components have none). */
function DateField({
  name,
  formId,
  label,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  formId: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: string;
}) {
  const id = `${formId}-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {label}: {error}
        </p>
      ) : null}
      <input
        type="date"
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function PairSessionsPage() {
  const {
    networkId = '',
    programId = '',
    pairId = '',
  } = useParams<{
    networkId: string;
    programId: string;
    pairId: string;
  }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const pairs = useQuery({ ...pairsQuery(networkId, programId), enabled: !!query.data });
  const sessions = useQuery(sessionsQuery(networkId, programId, pairId));
  const me = useQuery(meQuery()).data;
  const [done, setDone] = useState<string>();
  const pair = pairs.data?.rounds.flatMap((r) => r.pairs).find((p) => p.id === pairId);
  const partner = pair && me ? pair.memberNames[pair.memberIds[0] === me.id ? 1 : 0] : '';
  return (
    <Page title={tp('programs.sessions.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <p>
              <Link href={`${programBase(networkId, programId)}/pairs`}>
                ← {tp('programs.pairs.title')}
              </Link>
            </p>
            {sessions.isError ? (
              <LoadError error={sessions.error} />
            ) : !sessions.data || !pair ? (
              <Loading />
            ) : (
              <>
                <div className="notice">
                  <p>{tp('programs.sessions.privateNote', { partner })}</p>
                </div>
                {pair.consentComplete ? (
                  <SessionForm
                    networkId={networkId}
                    programId={programId}
                    pairId={pairId}
                    onDone={setDone}
                  />
                ) : (
                  <div className="notice warning">
                    <p>{tp('programs.sessions.consentMissing')}</p>
                    {program.viewer.consent ? null : (
                      <p>
                        <Link href={`${programBase(networkId, programId)}/consent`}>
                          {tp('programs.program.signConsent')}
                        </Link>
                      </p>
                    )}
                  </div>
                )}
                <h2>{tp('programs.sessions.title')}</h2>
                {sessions.data.length === 0 ? <p>{tp('programs.sessions.empty')}</p> : null}
                <ul className="cards">
                  {sessions.data.map((s) => (
                    <SessionCard
                      key={s.id}
                      networkId={networkId}
                      programId={programId}
                      pairId={pairId}
                      session={s}
                      canWrite={pair.consentComplete}
                      onDone={setDone}
                    />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

function SessionForm({
  networkId,
  programId,
  pairId,
  onDone,
}: {
  networkId: string;
  programId: string;
  pairId: string;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [key, setKey] = useState(idempotencyKey);
  const [formKey, setFormKey] = useState(0);
  const save = useMutation({
    mutationFn: (body: { date: string; notes?: string }) =>
      postSession(networkId, programId, pairId, body, key),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, programId) });
      setErrors(noErrors);
      setKey(idempotencyKey());
      setFormKey((k) => k + 1);
      onDone(tp('programs.sessions.recorded'));
    },
    onError: (e) => setErrors(errorsOf(e, ['date', 'notes'], t)),
  });
  const labels = { date: tp('programs.sessions.date'), notes: tp('programs.sessions.notes') };
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{tp('programs.sessions.record')}</h2>
      <Form
        key={formKey}
        id="session"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const date = text(data, 'date');
          if (!date) return setErrors({ fields: { date: t('errors.isRequired') }, other: [] });
          const notes = text(data, 'notes');
          save.mutate({ date, ...(notes ? { notes } : {}) });
        }}
      >
        <DateField
          name="date"
          formId="session"
          label={labels.date}
          defaultValue={today()}
          error={errors.fields.date}
        />
        <TextField name="notes" label={labels.notes} rows={5} maxLength={10_000} />
        <SubmitButton
          label={tp('programs.sessions.submit')}
          busy={save.isPending}
          busyLabel={tp('programs.sessions.submitting')}
        />
      </Form>
    </section>
  );
}

function SessionCard({
  networkId,
  programId,
  pairId,
  session,
  canWrite,
  onDone,
}: {
  networkId: string;
  programId: string;
  pairId: string;
  session: SessionView;
  canWrite: boolean;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const noteId = useId();
  const headingId = useId();
  const add = useMutation({
    mutationFn: () => postNote(networkId, programId, pairId, session.id, note.trim()),
    onSuccess: () => {
      // the answer carries no note text (see the API): read the pair's sessions again
      void queryClient.invalidateQueries({
        queryKey: programKeys.sessions(networkId, programId, pairId),
      });
      setNote('');
      setError(undefined);
      onDone(tp('programs.sessions.noteAdded'));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  return (
    <li className="card">
      <h3 id={headingId}>
        {tp('programs.sessions.sessionOn', { date: formatDate(session.date) })}
      </h3>
      <ul className="note-list">
        {session.notes.map((n) => (
          <li key={n.id}>
            <p className="hint">
              {tp('programs.sessions.noteBy', { name: n.authorName, date: formatDate(n.at) })}
            </p>
            <p className="private-note">{n.text}</p>
          </li>
        ))}
      </ul>
      {canWrite ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim())
              return setError(
                `${tp('programs.sessions.addNoteTo', { date: formatDate(session.date) })} ${t('errors.isRequired')}`,
              );
            if (!add.isPending) add.mutate();
          }}
        >
          {error ? (
            <div className="notice error" role="alert">
              <p>{error}</p>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={noteId}>
              {tp('programs.sessions.addNoteTo', { date: formatDate(session.date) })}
            </label>
            <textarea
              id={noteId}
              rows={3}
              maxLength={10_000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" aria-disabled={add.isPending || undefined}>
              {tp('programs.sessions.submitNote')}
            </button>
            <span className="busy" role="status">
              {add.isPending ? tp('programs.sessions.submittingNote') : ''}
            </span>
          </div>
        </form>
      ) : null}
    </li>
  );
}
