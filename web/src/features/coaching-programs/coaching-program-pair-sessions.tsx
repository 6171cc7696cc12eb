/**
 * A pair's own page: its sessions and its confidential notes, which only the two of them read.
 *
 * `/networks/:networkId/coaching-programs/:programId/pairs/:pairId`
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { idempotencyKey } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { CoachingDateField } from '../../components/coaching-input.tsx';
import {
  CheckboxField,
  Form,
  problemMessage,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import {
  BackToProgram,
  errorsOf,
  ProgramGate,
  programBase,
  today,
  useProgram,
} from './coaching-program-parts.tsx';
import {
  pairsQuery,
  postNote,
  postSession,
  programKeys,
  type SessionView,
  sessionsQuery,
} from './coaching-program-queries.ts';

/** `/networks/:networkId/coaching-programs/:programId/pairs/:pairId` */
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
                    partner={partner}
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
                      partner={partner}
                      me={me?.id}
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
  partner,
  onDone,
}: {
  networkId: string;
  programId: string;
  pairId: string;
  partner: string;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const fresh = () => ({ date: today(), notes: '', notesShared: false });
  const form = useForm({ initial: fresh });
  const [key, setKey] = useState(idempotencyKey);
  const save = useMutation({
    mutationFn: (body: { date: string; notes?: string; notesShared?: boolean }) =>
      postSession(networkId, programId, pairId, body, key),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, programId) });
      form.succeed();
      form.reset(fresh());
      setKey(idempotencyKey());
      onDone(tp('programs.sessions.recorded'));
    },
    onError: (e) => form.setErrors(errorsOf(e, ['date', 'notes'], t)),
  });
  const send = sendWith(form, save, {
    required: ['date'],
    body: (value) => {
      const notes = value.notes.trim();
      return {
        date: value.date.trim(),
        ...(notes ? { notes, notesShared: value.notesShared } : {}),
      };
    },
    label: tp('programs.sessions.submit'),
    busyLabel: tp('programs.sessions.submitting'),
  });
  const labels = { date: tp('programs.sessions.date'), notes: tp('programs.sessions.notes') };
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{tp('programs.sessions.record')}</h2>
      <Form form={form} id="session" ids="name" {...send}>
        <CoachingDateField path="date" label={labels.date} />
        <TextField path="notes" label={labels.notes} rows={5} maxLength={10_000} />
        <CheckboxField path="notesShared" label={tp('programs.sessions.share', { partner })} />
      </Form>
    </section>
  );
}

function SessionCard({
  networkId,
  programId,
  pairId,
  session,
  partner,
  me,
  canWrite,
  onDone,
}: {
  networkId: string;
  programId: string;
  pairId: string;
  session: SessionView;
  partner: string;
  me: string | undefined;
  canWrite: boolean;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(false);
  const shareId = useId();
  const [error, setError] = useState<string>();
  const noteId = useId();
  const headingId = useId();
  const add = useMutation({
    mutationFn: () => postNote(networkId, programId, pairId, session.id, note.trim(), shared),
    onSuccess: () => {
      // the answer carries no note text (see the API): read the pair's sessions again
      void queryClient.invalidateQueries({
        queryKey: programKeys.sessions(networkId, programId, pairId),
      });
      setNote('');
      setShared(false);
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
              {n.authorId === me
                ? ` · ${tp(n.shared ? 'programs.sessions.sharedNote' : 'programs.sessions.ownNote')}`
                : null}
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
          <div className="field checkbox">
            <input
              id={shareId}
              type="checkbox"
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
            <label htmlFor={shareId}>{tp('programs.sessions.share', { partner })}</label>
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
