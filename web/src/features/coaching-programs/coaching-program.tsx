/**
 * One peer coaching program: its design (objectives, KPIs, pilot, pairing), the reader's
 * part in it (consent, pairs, self-assessment, survey), its figures for its coordinator,
 * and the peer nominations with their references — a referee confirms their own, the
 * coordinator accepts a referenced nominee as a participant.
 *
 * `/networks/:networkId/coaching-programs/:programId`
 */
import { kpiReached } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import { KpiValues, kpiText } from './coaching-program-kpis.tsx';
import { Nominations } from './coaching-program-nominations.tsx';
import {
  FiguresList,
  ProgramBadges,
  ProgramGate,
  type ProgramPartProps,
  programBase,
  programsBase,
  useProgram,
} from './coaching-program-parts.tsx';
import { type ProgramView, programSummaryQuery } from './coaching-program-queries.ts';

export function ProgramPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const flash = useHistoryState<FlashState | null>()?.flash;
  const [done, setDone] = useState<string>();
  return (
    <Page title={query.data?.name ?? tp('programs.title')}>
      <p>
        <Link href={programsBase(networkId)}>← {tp('programs.title')}</Link>
      </p>
      <StatusMessage message={done ?? flash} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <ProgramBadges program={program} />
            {program.description ? <p className="break">{program.description}</p> : null}
            <Design program={program} />
            <YourPart networkId={networkId} program={program} />
            {program.viewer.manages ? (
              <Management networkId={networkId} program={program} onDone={setDone} />
            ) : null}
            <Nominations networkId={networkId} program={program} onDone={setDone} />
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

function Design({ program }: { program: ProgramView }) {
  const tp = useProgramT();
  return (
    <>
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{tp('programs.program.objectives')}</h2>
        <ul>
          {program.objectives.map((o) => (
            <li key={o} className="break">
              {o}
            </li>
          ))}
        </ul>
      </section>
      {program.kpis.length ? (
        <section aria-labelledby="kpis-heading">
          <h2 id="kpis-heading">{tp('programs.program.kpis')}</h2>
          <ul>
            {program.kpis.map((k) => {
              const reached = kpiReached(k);
              return (
                <li key={k.id} className="break">
                  {kpiText(k, tp)}
                  {' – '}
                  {k.current === undefined
                    ? tp('programs.program.kpiNoValue')
                    : tp('programs.program.kpiCurrent', { current: k.current })}{' '}
                  {reached === undefined ? null : (
                    <span className={reached ? 'badge status-active' : 'badge status-failed'}>
                      {reached ? tp('programs.program.reached') : tp('programs.program.notReached')}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function YourPart({ networkId, program }: { networkId: string; program: ProgramView }) {
  const tp = useProgramT();
  const v = program.viewer;
  if (v.relations.length === 0) return null;
  const base = programBase(networkId, program.id);
  return (
    <section aria-labelledby="part-heading">
      <h2 id="part-heading">{tp('programs.program.yourPart')}</h2>
      {v.relations.includes('referee') ? <p>{tp('programs.program.referee')}</p> : null}
      {v.relations.includes('nominee') && !v.participant ? (
        <p>{tp('programs.program.nominee')}</p>
      ) : null}
      {v.participant ? (
        <>
          <p>{tp('programs.program.participant')}</p>
          {v.consent ? (
            <p>{tp('programs.program.consentSigned', { date: formatDate(v.consent.signedAt) })}</p>
          ) : (
            <div className="notice warning">
              <p>{tp('programs.program.consentToSign')}</p>
              <p>
                <Link href={`${base}/consent`}>{tp('programs.program.signConsent')}</Link>
              </p>
            </div>
          )}
          <ProgramLinks base={base} />
        </>
      ) : null}
    </section>
  );
}

/** The program's own pages: its pairs, the self-assessment and the survey. */
function ProgramLinks({ base }: { base: string }) {
  const tp = useProgramT();
  return (
    <ul className="links">
      <li>
        <Link href={`${base}/pairs`}>{tp('programs.program.pairs')}</Link>
      </li>
      <li>
        <Link href={`${base}/self-assessment`}>{tp('programs.program.selfAssessment')}</Link>
      </li>
      <li>
        <Link href={`${base}/survey`}>{tp('programs.program.survey')}</Link>
      </li>
    </ul>
  );
}

function Management({ networkId, program, onDone }: ProgramPartProps) {
  const tp = useProgramT();
  const figures = useQuery(programSummaryQuery(networkId, program.id));
  const base = programBase(networkId, program.id);
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{tp('programs.program.figures')}</h2>
      {figures.isError ? (
        <LoadError error={figures.error} retry={() => void figures.refetch()} />
      ) : figures.data ? (
        <FiguresList figures={figures.data} />
      ) : (
        <Loading />
      )}
      <ProgramLinks base={base} />
      {program.kpis.length ? (
        <KpiValues networkId={networkId} program={program} onDone={onDone} />
      ) : null}
    </section>
  );
}
