/**
 * A program's peer nominations with their references: a referee confirms their own, the
 * coordinator accepts a referenced nominee as a participant, and anyone may nominate.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { meQuery } from '../../api/queries.ts';
import { problemMessage } from '../../components/form/index.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { NominateForm } from './coaching-program-nominate.tsx';
import type { ProgramPartProps } from './coaching-program-parts.tsx';
import {
  acceptParticipant,
  confirmReference,
  type NominationView,
  nominationsQuery,
  type ProgramView,
  programKeys,
} from './coaching-program-queries.ts';

/** The program's nominations, each with its references, and the form to nominate. */
export function Nominations({ networkId, program, onDone }: ProgramPartProps) {
  const tp = useProgramT();
  const list = useQuery(nominationsQuery(networkId, program.id));
  return (
    <section aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{tp('programs.nominations.heading')}</h2>
      <p>{tp('programs.nominations.intro')}</p>
      {list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p>{tp('programs.nominations.empty')}</p>
      ) : (
        <ul className="cards">
          {list.data.map((n) => (
            <NominationCard
              key={n.id}
              networkId={networkId}
              program={program}
              n={n}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
      <NominateForm networkId={networkId} program={program} onDone={onDone} />
    </section>
  );
}

function NominationCard({
  networkId,
  program,
  n,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  n: NominationView;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const me = program.viewer;
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string>();
  const statementId = useId();
  const user = useQuery(meQuery()).data;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
  const myReference = n.referees.find(
    (r) => !r.confirmedAt && me.relations.includes('referee') && r.personId === user?.id,
  );
  const confirm = useMutation({
    mutationFn: () =>
      confirmReference(networkId, program.id, n.id, user?.id ?? '', statement.trim() || undefined),
    onSuccess: () => {
      void refresh();
      onDone(tp('programs.nominations.confirmedFlash', { name: n.nomineeName }));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const accept = useMutation({
    mutationFn: () => acceptParticipant(networkId, program.id, n.id),
    onSuccess: () => {
      void refresh();
      onDone(tp('programs.nominations.acceptedFlash', { name: n.nomineeName }));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  return (
    <li className="card">
      <h3>{n.nomineeName}</h3>
      <p>
        <span
          className={
            n.state === 'awaiting-reference' ? 'badge status-provisioning' : 'badge status-active'
          }
        >
          {tp(`programs.nominations.states.${n.state}`)}
        </span>
      </p>
      <p>{tp('programs.nominations.by', { name: n.nominatedByName })}</p>
      {n.reason ? (
        <p className="break">{tp('programs.nominations.reason', { reason: n.reason })}</p>
      ) : null}
      <p>{tp('programs.nominations.referees')}</p>
      <ul>
        {n.referees.map((r) => (
          <li key={r.personId}>
            {r.confirmedAt
              ? tp('programs.nominations.confirmed', {
                  name: r.name,
                  date: formatDate(r.confirmedAt),
                })
              : tp('programs.nominations.awaiting', { name: r.name })}
            {r.statement ? <span className="break"> – “{r.statement}”</span> : null}
          </li>
        ))}
      </ul>
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {myReference ? (
        <div>
          <div className="field">
            <label htmlFor={statementId}>{tp('programs.nominations.statement')}</label>
            <textarea
              id={statementId}
              rows={2}
              maxLength={1000}
              value={statement}
              onChange={(e) => setStatement(e.currentTarget.value)}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              aria-disabled={confirm.isPending || undefined}
              onClick={() => !confirm.isPending && confirm.mutate()}
            >
              {tp('programs.nominations.confirm', { name: n.nomineeName })}
            </button>
            <span className="busy" role="status">
              {confirm.isPending ? tp('programs.nominations.confirming') : ''}
            </span>
          </div>
        </div>
      ) : null}
      {me.manages && n.state === 'referenced' ? (
        <div className="actions">
          <button
            type="button"
            className="primary"
            aria-disabled={accept.isPending || undefined}
            onClick={() => !accept.isPending && accept.mutate()}
          >
            {tp('programs.nominations.accept', { name: n.nomineeName })}
          </button>
          <span className="busy" role="status">
            {accept.isPending ? tp('programs.nominations.accepting') : ''}
          </span>
        </div>
      ) : null}
    </li>
  );
}
