/**
 * Pieces shared by the mentorship screens: who the reader is, organization names, and
 * form fields the shared form module does not have (date, number, radio group), wired the
 * same way (`${formId}-${name}` ids for the error summary, hint and error described-by).
 */
import type { Mentorship, Organization, User } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import type { ChangeEvent, ReactNode } from 'react';
import { allOrganizationsQuery, meQuery, organizationQuery } from '../../api/queries.ts';
import { type FormErrors, fieldSentence } from '../../components/form.tsx';
import { type MentorshipTranslate, useMT } from '../../i18n/en-mentorships.ts';
import '../../pages/mentorships.css';

/** The signed-in person and what they may do in a network. */
export function useViewer(networkId: string) {
  const me = useQuery(meQuery());
  const user: User | undefined = me.data;
  const inNetwork = user?.networkId === networkId;
  const isAdmin = inNetwork && !!user?.roles.includes('network-admin');
  const coordinatorOf =
    inNetwork && user?.roles.includes('coordinator') ? user.organizationId : undefined;
  return {
    me,
    user,
    isAdmin,
    coordinatorOf,
    /** Network admins, and the coordinators of its organizations, run a mentorship. */
    canManage: (m: Mentorship) =>
      isAdmin || (!!coordinatorOf && involved(m).includes(coordinatorOf)),
    /** An organization accepts the rights and responsibilities by its coordinator or an admin. */
    canAcceptFor: (organizationId: string) => isAdmin || coordinatorOf === organizationId,
  };
}

/** The mentor first, then the mentees. */
export const involved = (m: Pick<Mentorship, 'mentorOrganizationId' | 'menteeOrganizationIds'>) => [
  m.mentorOrganizationId,
  ...m.menteeOrganizationIds,
];

/**
 * Names of the network's organizations the reader may see: all of them for an admin,
 * their own for anyone else, plus the names the API gives on each mentorship (`known`),
 * so a coordinator sees who their partners are without reading their profiles.
 */
export function useOrganizations(
  networkId: string,
  isAdmin: boolean,
  ownId: string | undefined,
  known: readonly { id: string; name: string }[] = [],
) {
  const t = useMT();
  const all = useQuery({ ...allOrganizationsQuery(networkId), enabled: isAdmin });
  const own = useQuery({
    ...organizationQuery(networkId, ownId ?? ''),
    enabled: !isAdmin && !!ownId,
  });
  const list: Organization[] = isAdmin ? (all.data ?? []) : own.data ? [own.data] : [];
  const byId = new Map<string, { name: string }>(known.filter((o) => o.name).map((o) => [o.id, o]));
  for (const o of list) byId.set(o.id, o);
  return {
    list,
    isPending: isAdmin ? all.isPending : !!ownId && own.isPending,
    error: isAdmin ? all.error : null,
    name: (id: string) => byId.get(id)?.name ?? t('mentorships.unknownOrganization'),
  };
}

export const stageLabel = (t: MentorshipTranslate, stage: Mentorship['stage']) =>
  t(`mentorships.stages.${stage}`);

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
export const today = () => new Date().toISOString().slice(0, 10);

interface FieldBase {
  formId: string;
  errors: FormErrors;
  name: string;
  label: string;
  hint?: string | undefined;
}

function wiring({ formId, errors, name, label, hint }: FieldBase) {
  const id = `${formId}-${name}`;
  const raw = errors.fields[name];
  const error = raw ? fieldSentence(label, raw) : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const t = useMT();
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('errors.summaryTitle')}: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

interface InputFieldProps extends FieldBase {
  type: 'date' | 'number' | 'text';
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  min?: number;
  max?: number;
  required?: boolean;
  /** A narrow input (dates, numbers). */
  short?: boolean;
}

/** A labelled input of a type the shared `TextField` does not offer. */
export function InputField(props: InputFieldProps) {
  const { id, error, describedBy } = wiring(props);
  const { type, name, label, hint, value, defaultValue, onChange, min, max, required, short } =
    props;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        className={short ? 'short' : undefined}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={value}
        defaultValue={defaultValue}
        onChange={
          onChange ? (e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value) : undefined
        }
        min={min}
        max={max}
        step={type === 'number' ? 1 : undefined}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

interface RadioGroupProps extends FieldBase {
  options: readonly { value: string; label: string; hint?: string }[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
}

/** Radio buttons in a fieldset whose legend names the choice. */
export function RadioGroup(props: RadioGroupProps) {
  const { id, error, describedBy } = wiring(props);
  const { name, label, hint, options, value, defaultValue, onChange } = props;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field radios invalid' : 'field radios'}
      aria-describedby={describedBy}
    >
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={o.value}
              checked={value === undefined ? undefined : value === o.value}
              defaultChecked={defaultValue === undefined ? undefined : defaultValue === o.value}
              onChange={onChange ? () => onChange(o.value) : undefined}
              aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
            {o.hint ? (
              <p className="hint" id={`${optionId}-hint`}>
                {o.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A term and its description in a `dl.facts`. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface SelectInputProps extends FieldBase {
  placeholder: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}

/** A labelled select whose value the screen keeps. */
export function SelectInput(props: SelectInputProps) {
  const { id, error, describedBy } = wiring(props);
  const { name, label, hint, placeholder, options, value, onChange } = props;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxListProps extends FieldBase {
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** Checkboxes in a fieldset whose legend names the group; the screen keeps the values. */
export function CheckboxList(props: CheckboxListProps) {
  const { id, error, describedBy } = wiring(props);
  const { name, label, hint, options, values, onChange } = props;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field checkboxes invalid' : 'field checkboxes'}
      aria-describedby={describedBy}
    >
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        const checked = values.includes(o.value);
        return (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={o.value}
              checked={checked}
              onChange={() =>
                onChange(checked ? values.filter((v) => v !== o.value) : [...values, o.value])
              }
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
