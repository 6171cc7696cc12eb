import { isActiveOrganization } from '@sisi/domain';
/** The form to nominate a peer for a program, with the referees who vouch for them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { idempotencyKey } from '../../api/client.ts';
import { allMembersQuery, allOrganizationsQuery } from '../../api/queries.ts';
import { Form, type FormErrors, refusal, sendWith, useForm } from '../../components/form/index.ts';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf, type ProgramPartProps } from './coaching-program-parts.tsx';
import { postNomination, programKeys } from './coaching-program-queries.ts';

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
          {(orgs.data ?? []).filter(isActiveOrganization).map((o) => (
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

/** Nominates a person of an organization, with one referee or more. */
export function NominateForm({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const home = program.organizationId;
  const fresh = () => ({ nominee: emptyChoice(home), referees: [emptyChoice(home)], reason: '' });
  const form = useForm({ initial: fresh });
  const { nominee, referees, reason } = form.value;
  const errors = form.errors;
  const setReferees = (change: (all: Choice[]) => Choice[]) =>
    form.update((v) => ({ ...v, referees: change(v.referees) }));
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
      form.succeed();
      form.reset(fresh());
      setKey(idempotencyKey());
    },
    onError: (e) => form.setErrors(errorsOf(e, names, t)),
  });
  const send = sendWith(form, nominate, {
    body: (value) => {
      const local: FormErrors = { fields: {}, other: [] };
      if (!value.nominee.personId) local.fields.nomineeId = t('errors.isRequired');
      value.referees.forEach((r, i) => {
        if (!r.personId) local.fields[`refereeIds.${i}`] = t('errors.isRequired');
      });
      return (
        refusal(local) ?? {
          nomineeId: value.nominee.personId,
          refereeIds: value.referees.map((r) => r.personId),
          ...(value.reason.trim() ? { reason: value.reason.trim() } : {}),
        }
      );
    },
    label: tp('programs.nominations.submit'),
    busyLabel: tp('programs.nominations.submitting'),
  });
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
        form={form}
        id="nominate"
        ids="name"
        labelledBy="nominate-heading"
        labels={labels}
        {...send}
      >
        <PersonChoice
          networkId={networkId}
          formId="nominate"
          name="nomineeId"
          labels={pickerLabels(tp('programs.nominations.nomineeOrganization'), labels.nomineeId!)}
          value={nominee}
          onChange={(c) => form.set('nominee', c)}
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
            onChange={(e) => form.set('reason', e.currentTarget.value)}
          />
        </div>
      </Form>
    </>
  );
}
