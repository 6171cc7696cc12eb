/**
 * Pieces shared by the peer coaching program screens: who the reader is, the program's
 * header and links, API errors mapped onto fields by full path, a 1-5 rating group and the
 * status figures of a program.
 */
import type { ProgramFigures, User } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiProblem } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { Facts } from '../../components/coaching-facts.tsx';
import { errorWords, type FormErrors, problemMessage } from '../../components/form/index.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, type Translate } from '../../i18n/index.ts';
import { type ProgramView, programQuery } from './coaching-program-queries.ts';
import './coaching-programs.css';

export const programsBase = (networkId: string) => `/networks/${networkId}/coaching-programs`;
export const programBase = (networkId: string, programId: string) =>
  `${programsBase(networkId)}/${programId}`;
export const overviewPath = (networkId: string) => `/networks/${networkId}/coaching-overview`;

/** Who the reader is on the program screens. */
export function useProgramRoles(networkId: string) {
  const me = useQuery(meQuery());
  const user: User | undefined = me.data;
  const inNetwork = user?.networkId === networkId;
  const isAdmin = inNetwork && !!user?.roles.includes('network-admin');
  const isCoordinator = inNetwork && !!user?.roles.includes('coordinator');
  return { me, user, isAdmin, isCoordinator, oversees: isAdmin || isCoordinator };
}

/**
 * Form errors from an API problem, keyed by the full path when a field of the form has it
 * (`objectives.1`), else by its first segment (`kpis`); the rest listed as other.
 */
export function errorsOf(
  error: unknown,
  fieldNames: readonly string[],
  t: Translate,
): FormErrors & { other: string[] } {
  const out: FormErrors & { other: string[] } = { fields: {}, other: [] };
  if (error instanceof ApiProblem && error.errors.length > 0) {
    for (const e of error.errors) {
      const first = e.path.split('.')[0] ?? '';
      if (fieldNames.includes(e.path)) out.fields[e.path] ??= errorWords(e);
      else if (fieldNames.includes(first)) out.fields[first] ??= errorWords(e);
      else out.other.push(`${e.path}: ${errorWords(e)}`);
    }
    if (error.status !== 400 && Object.keys(out.fields).length === 0) {
      out.message = problemMessage(error, t);
    }
    return out;
  }
  out.message = problemMessage(error, t);
  return out;
}

/** What a part of a program's page is given: the program, and a way to say what it did. */
export interface ProgramPartProps {
  networkId: string;
  program: ProgramView;
  /** Shows a message at the top of the page ("Saved."). */
  onDone: (message: string) => void;
}

/** The program, or the page's loading / error state. */
export function useProgram(networkId: string, programId: string) {
  return useQuery(programQuery(networkId, programId));
}

export function ProgramGate({
  query,
  children,
}: {
  query: ReturnType<typeof useProgram>;
  children: (program: ProgramView) => ReactNode;
}) {
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  return children(query.data);
}

/** The pilot and pairing badges of a program. */
export function ProgramBadges({
  program,
}: {
  program: Pick<ProgramView, 'pilot' | 'pairingMode' | 'rotationWeeks'>;
}) {
  const tp = useProgramT();
  return (
    <p>
      {program.pilot ? (
        <span className="badge status-provisioning">{tp('programs.badges.pilot')}</span>
      ) : null}
      <span className="badge">
        {program.pairingMode === 'fixed'
          ? tp('programs.badges.fixed')
          : tp('programs.badges.rotational', { count: program.rotationWeeks ?? 0 })}
      </span>
    </p>
  );
}

/** The way back to the program from one of its screens. */
export function BackToProgram({ networkId, program }: { networkId: string; program: ProgramView }) {
  return (
    <p>
      <Link href={programBase(networkId, program.id)}>← {program.name}</Link>
    </p>
  );
}

/** A 1-5 choice as radio buttons in a fieldset (keyboard and screen reader friendly). */
export function RatingGroup({
  name,
  legend,
  hint,
  scale,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  scale: readonly { value: number; label: string }[];
  value: number | undefined;
  onChange: (value: number) => void;
  error?: string | undefined;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset
      id={name}
      tabIndex={-1}
      className={error ? 'field rating invalid' : 'field rating'}
      aria-describedby={
        [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="rating-options">
        {scale.map((s) => {
          const id = `${name}-${s.value}`;
          return (
            <div className="checkbox" key={s.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={s.value}
                checked={value === s.value}
                onChange={() => onChange(s.value)}
              />
              <label htmlFor={id}>
                {s.value} – {s.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

const percent = (rate: number) => Math.round(rate * 100);

/** A program's status figures as a definition list. */
export function FiguresList({ figures }: { figures: ProgramFigures }) {
  const tp = useProgramT();
  const rows: [string, string][] = [
    [tp('programs.figures.participants'), String(figures.participants)],
    [
      tp('programs.figures.consent'),
      tp('programs.figures.ofTotal', { n: figures.consentSigned, total: figures.participants }),
    ],
    [tp('programs.figures.nominations'), String(figures.nominationsAwaitingReference)],
    [tp('programs.figures.referenced'), String(figures.nominationsReferenced)],
    [tp('programs.figures.pairs'), String(figures.pairs)],
    ...(figures.currentRound
      ? [[tp('programs.figures.currentRound'), String(figures.currentRound)] as [string, string]]
      : []),
    [tp('programs.figures.sessions'), String(figures.sessionsHeld)],
    [
      tp('programs.figures.pairsWithSessions'),
      tp('programs.figures.ofTotal', { n: figures.pairsWithSessions, total: figures.pairs }),
    ],
    [
      tp('programs.figures.assessment'),
      `${figures.selfAssessment.baseline} / ${figures.selfAssessment.followUp}`,
    ],
    [
      tp('programs.figures.change'),
      figures.selfAssessment.meanChange === undefined
        ? tp('programs.figures.changeWithheld')
        : signed(figures.selfAssessment.meanChange),
    ],
    [
      tp('programs.figures.survey'),
      figures.survey
        ? tp('programs.figures.rate', {
            percent: percent(figures.survey.responseRate),
            responses: figures.survey.responses,
            participants: figures.survey.participants,
            round: figures.survey.round,
          })
        : tp('programs.figures.surveyNone'),
    ],
    [
      tp('programs.figures.kpis'),
      tp('programs.figures.ofTotal', { n: figures.kpis.reached, total: figures.kpis.total }),
    ],
  ];
  return <Facts rows={rows} />;
}

/** "+1.5", "−0.5", "0". */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** "12 March 2025 to 25 March 2025". */
export const dateRange = (start?: string, end?: string) =>
  start && end ? { start: formatDate(start), end: formatDate(end) } : undefined;

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
export { today } from '../../clock.ts';
