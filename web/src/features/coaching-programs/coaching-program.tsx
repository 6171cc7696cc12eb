/**
 * One peer coaching program: its design (objectives, KPIs, pilot, pairing), the reader's
 * part in it (consent, pairs, self-assessment, survey), its figures for its coordinator,
 * and the peer nominations with their references — a referee confirms their own, the
 * coordinator accepts a referenced nominee as a participant.
 *
 * `/networks/:networkId/coaching-programs/:programId`
 */
import type { Kpi } from '@sisi/domain';
import { kpiReached } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { idempotencyKey } from '../../api/client.ts';
import { allMembersQuery, allOrganizationsQuery, meQuery } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  noErrors,
  problemMessage,
  SubmitButton,
} from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../../pages/organization.tsx';
import {
  errorsOf,
  FiguresList,
  ProgramBadges,
  ProgramGate,
  programBase,
  programsBase,
  useProgram,
} from './coaching-program-parts.tsx';
import {
  acceptParticipant,
  confirmReference,
  type NominationView,
  nominationsQuery,
  type ProgramView,
  patchProgram,
  postNomination,
  programKeys,
  programSummaryQuery,
} from './coaching-program-queries.ts';

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

function kpiText(k: Kpi, tp: ReturnType<typeof useProgramT>) {
  return tp('programs.program.kpiLine', {
    name: k.name,
    direction:
      k.direction === 'at-most'
        ? tp('programs.program.kpiAtMost')
        : tp('programs.program.kpiAtLeast'),
    target: k.target,
    unit: k.unit,
  });
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
        </>
      ) : null}
    </section>
  );
}

function Management({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (message: string) => void;
}) {
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
      {program.kpis.length ? (
        <KpiValues networkId={networkId} program={program} onDone={onDone} />
      ) : null}
    </section>
  );
}

/** The KPIs' current values, updated at the version read. */
function KpiValues({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (kpis: Kpi[]) =>
      patchProgram(networkId, program.id, { version: program.version, kpis }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      onDone(tp('programs.program.kpisSaved'));
    },
    onError: (error) =>
      setErrors(
        errorsOf(
          error,
          program.kpis.map((_, i) => `kpis.${i}.current`),
          t,
        ),
      ),
  });
  const labels = Object.fromEntries(program.kpis.map((k, i) => [`kpis.${i}.current`, k.name]));
  return (
    <details>
      <summary>{tp('programs.program.updateKpis')}</summary>
      <Form
        id="kpi-values"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const local: FormErrors = { fields: {}, other: [] };
          const kpis = program.kpis.map((k, i) => {
            const raw = String(data.get(`kpis.${i}.current`) ?? '')
              .trim()
              .replace(',', '.');
            const { current: _old, ...rest } = k;
            if (raw === '') return rest;
            const value = Number(raw);
            if (Number.isNaN(value))
              local.fields[`kpis.${i}.current`] = tp('programs.form.notANumber');
            return { ...rest, current: value };
          });
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate(kpis);
        }}
      >
        {program.kpis.map((k, i) => (
          <KpiInput key={k.id} kpi={k} index={i} errors={errors} label={kpiText(k, tp)} />
        ))}
        <SubmitButton
          label={tp('programs.program.saveKpis')}
          busy={save.isPending}
          busyLabel={tp('programs.program.savingKpis')}
        />
      </Form>
    </details>
  );
}

function KpiInput({
  kpi,
  index,
  errors,
  label,
}: {
  kpi: Kpi;
  index: number;
  errors: FormErrors;
  label: string;
}) {
  const name = `kpis.${index}.current`;
  const id = `kpi-values-${name}`;
  const error = errors.fields[name];
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        type="text"
        inputMode="decimal"
        id={id}
        name={name}
        defaultValue={kpi.current === undefined ? '' : String(kpi.current)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

function Nominations({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (message: string) => void;
}) {
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

interface Choice {
  organizationId: string;
  personId: string;
}
const emptyChoice = (organizationId = ''): Choice => ({ organizationId, personId: '' });

/** An organization, then one of its people: the API lets a coordinator or member list their own. */
function PersonChoice({
  networkId,
  formId,
  name,
  labels,
  value,
  onChange,
  error,
}: {
  networkId: string;
  formId: string;
  name: string;
  labels: {
    organization: string;
    person: string;
    chooseOrganization: string;
    choosePerson: string;
  };
  value: Choice;
  onChange: (c: Choice) => void;
  error?: string | undefined;
}) {
  const orgs = useQuery(allOrganizationsQuery(networkId));
  const members = useQuery({
    ...allMembersQuery(networkId, value.organizationId),
    enabled: !!value.organizationId,
  });
  const id = `${formId}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-organization`}>{labels.organization}</label>
        <select
          id={`${id}-organization`}
          value={value.organizationId}
          onChange={(e) => onChange(emptyChoice(e.currentTarget.value))}
        >
          <option value="">{labels.chooseOrganization}</option>
          {(orgs.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className={error ? 'field invalid' : 'field'}>
        <label htmlFor={id}>{labels.person}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {labels.person}: {error}
          </p>
        ) : null}
        <select
          id={id}
          value={value.personId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...value, personId: e.currentTarget.value })}
        >
          <option value="">{labels.choosePerson}</option>
          {(members.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

function NominateForm({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const home = program.organizationId;
  const [nominee, setNominee] = useState<Choice>(() => emptyChoice(home));
  const [referees, setReferees] = useState<Choice[]>(() => [emptyChoice(home)]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [key, setKey] = useState(idempotencyKey);
  const reasonId = 'nominate-reason';
  const names = ['nomineeId', 'refereeIds', ...referees.map((_, i) => `refereeIds.${i}`), 'reason'];
  const labels: Record<string, string> = {
    nomineeId: tp('programs.nominations.nomineePerson'),
    refereeIds: tp('programs.nominations.referees'),
    reason: tp('programs.nominations.reasonLabel'),
    ...Object.fromEntries(
      referees.map((_, i) => [
        `refereeIds.${i}`,
        tp('programs.nominations.refereeN', { n: i + 1 }),
      ]),
    ),
  };
  const nominate = useMutation({
    mutationFn: (body: unknown) => postNomination(networkId, program.id, body, key),
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      onDone(tp('programs.nominations.nominated', { name: n.nomineeName }));
      setNominee(emptyChoice(home));
      setReferees([emptyChoice(home)]);
      setReason('');
      setErrors(noErrors);
      setKey(idempotencyKey());
    },
    onError: (e) => setErrors(errorsOf(e, names, t)),
  });
  const submit = () => {
    if (nominate.isPending) return;
    const local: FormErrors = { fields: {}, other: [] };
    if (!nominee.personId) local.fields.nomineeId = t('errors.isRequired');
    referees.forEach((r, i) => {
      if (!r.personId) local.fields[`refereeIds.${i}`] = t('errors.isRequired');
    });
    if (Object.keys(local.fields).length) return setErrors(local);
    nominate.mutate({
      nomineeId: nominee.personId,
      refereeIds: referees.map((r) => r.personId),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };
  const pickerLabels = (organization: string, person: string) => ({
    organization,
    person,
    chooseOrganization: tp('programs.nominations.chooseOrganization'),
    choosePerson: tp('programs.nominations.choosePerson'),
  });
  return (
    <>
      <h3 id="nominate-heading">{tp('programs.nominations.form')}</h3>
      <Form
        id="nominate"
        labelledBy="nominate-heading"
        errors={errors}
        labels={labels}
        onSubmit={submit}
      >
        <PersonChoice
          networkId={networkId}
          formId="nominate"
          name="nomineeId"
          labels={pickerLabels(tp('programs.nominations.nomineeOrganization'), labels.nomineeId!)}
          value={nominee}
          onChange={setNominee}
          error={errors.fields.nomineeId}
        />
        {referees.map((r, i) => (
          <fieldset className="row-group" key={`referee-${i.toString()}`}>
            <legend>{tp('programs.nominations.refereeN', { n: i + 1 })}</legend>
            <PersonChoice
              networkId={networkId}
              formId="nominate"
              name={`refereeIds.${i}`}
              labels={pickerLabels(
                tp('programs.nominations.refereeOrganization', { n: i + 1 }),
                tp('programs.nominations.refereePerson', { n: i + 1 }),
              )}
              value={r}
              onChange={(c) => setReferees((all) => all.map((x, j) => (j === i ? c : x)))}
              error={
                errors.fields[`refereeIds.${i}`] ?? (i === 0 ? errors.fields.refereeIds : undefined)
              }
            />
            {referees.length > 1 ? (
              <p>
                <button
                  type="button"
                  onClick={() => setReferees((all) => all.filter((_, j) => j !== i))}
                >
                  {tp('programs.nominations.removeReferee', { n: i + 1 })}
                </button>
              </p>
            ) : null}
          </fieldset>
        ))}
        {referees.length < 3 ? (
          <p>
            <button type="button" onClick={() => setReferees((all) => [...all, emptyChoice(home)])}>
              {tp('programs.nominations.addReferee')}
            </button>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={reasonId}>{labels.reason}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <SubmitButton
          label={tp('programs.nominations.submit')}
          busy={nominate.isPending}
          busyLabel={tp('programs.nominations.submitting')}
        />
      </Form>
    </>
  );
}
