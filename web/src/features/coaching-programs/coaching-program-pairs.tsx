/**
 * A program's pairs: the fixed pairs, or the rotation schedule (a round every N weeks that
 * avoids repeating a pair until every pairing was used; a bye when the number is odd), and
 * the coordinator's forms to form pairs or schedule rounds. A pair's own page
 * (`coaching-program-pair-sessions.tsx`) holds its sessions and its confidential notes.
 *
 * `/networks/:networkId/coaching-programs/:programId/pairs`
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { meQuery } from '../../api/queries.ts';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate } from '../../i18n/index.ts';
import { FixedPairForm, RotationForm } from './coaching-program-pair-forms.tsx';
import {
  BackToProgram,
  ProgramGate,
  programBase,
  today,
  useProgram,
} from './coaching-program-parts.tsx';
import { type PairView, type ProgramView, pairsQuery } from './coaching-program-queries.ts';

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
