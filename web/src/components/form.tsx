/**
 * The uncontrolled (FormData) forms, on their way to the one form system in `./form/`.
 */
import { createContext, type FormEvent, type ReactNode, useContext } from 'react';
import { ApiProblem } from '../api/client.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import { ErrorSummary } from './form/error-summary.tsx';
import { fieldSentence, problemMessage } from './form/errors.ts';
import { FieldError } from './form/form.tsx';

export { fieldSentence, problemMessage } from './form/errors.ts';
export { SubmitButton } from './form/form.tsx';

/** What a form shows after a failed submit: one message and/or errors per field. */
export interface FormErrors {
  message?: string;
  /** Field name (the API's path, first segment) → message. */
  fields: Record<string, string>;
  /** Errors the API reported for paths no field of the form shows. */
  other: string[];
}

export const noErrors: FormErrors = { fields: {}, other: [] };

export const hasErrors = (e: FormErrors) =>
  Boolean(e.message) || e.other.length > 0 || Object.keys(e.fields).length > 0;

/**
 * Turns an API problem into form errors: validation errors (400) and conflicts on a
 * field (409, e.g. an email already taken) go next to their field.
 */
export function problemToErrors(
  error: unknown,
  fieldNames: readonly string[],
  t: Translate,
): FormErrors {
  const result: FormErrors = { fields: {}, other: [] };
  if (error instanceof ApiProblem && error.errors.length > 0) {
    for (const e of error.errors) {
      const field = e.path.split('.')[0] ?? '';
      if (fieldNames.includes(field)) result.fields[field] ??= e.message;
      else result.other.push(`${e.path}: ${e.message}`);
    }
    if (error.status !== 400 && Object.keys(result.fields).length === 0) {
      result.message = problemMessage(error, t);
    }
    return result;
  }
  result.message = problemMessage(error, t);
  return result;
}

/** Client-side check of required text fields; the API checks everything again. */
export function requireFields(data: FormData, names: readonly string[], t: Translate): FormErrors {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = data.get(name);
    if (typeof value !== 'string' || value.trim() === '') fields[name] = t('errors.isRequired');
  }
  return { fields, other: [] };
}

interface FormState {
  id: string;
  errors: FormErrors;
}

const FormContext = createContext<FormState>({ id: 'form', errors: noErrors });

const fieldId = (formId: string, name: string) => `${formId}-${name}`;

interface FormProps {
  /** Prefix of the fields' ids; unique on the page. */
  id: string;
  /** The heading of the form, if it has its own (its id labels the form). */
  labelledBy?: string;
  errors: FormErrors;
  /** Field name → label, for the error summary's links. */
  labels: Record<string, string>;
  onSubmit: (data: FormData, form: HTMLFormElement) => void;
  children: ReactNode;
}

/**
 * A form with an error summary on top (focused after a failed submit, each entry a link
 * to its field) and the browser's own validation bubbles turned off so errors look the
 * same whether the browser or the API found them.
 */
export function Form({ id, labelledBy, errors, labels, onSubmit, children }: FormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget), event.currentTarget);
  };
  return (
    <FormContext.Provider value={{ id, errors }}>
      <form id={id} noValidate onSubmit={submit} aria-labelledby={labelledBy}>
        <ErrorSummary
          formId={id}
          errors={errors}
          labels={new Map(Object.entries(labels))}
          domId={(name) => fieldId(id, name)}
        />
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** Ids and ARIA wiring shared by every field: hint and error both describe the input. */
function useField(name: string, label: string, hint?: string) {
  const { id: formId, errors } = useContext(FormContext);
  const id = fieldId(formId, name);
  const raw = errors.fields[name];
  const error = raw ? fieldSentence(label, raw) : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const hintEl = hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const errorEl = error ? <FieldError id={`${id}-error`} text={error} /> : null;
  return { id, error, describedBy, hintEl, errorEl };
}

interface TextFieldProps {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  /** Renders a textarea with this many rows. */
  rows?: number;
  maxLength?: number;
}

/** A labelled text input (or textarea with `rows`). */
export function TextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  defaultValue,
  required,
  rows,
  maxLength,
}: TextFieldProps) {
  const { id, error, describedBy, hintEl, errorEl } = useField(name, label, hint);
  const common = {
    id,
    name,
    defaultValue,
    required,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      {rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={autoComplete}
          spellCheck={type === 'email' ? false : undefined}
        />
      )}
    </div>
  );
}

interface SelectFieldProps {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  /** The first, empty option ("Choose a country"). */
  placeholder: string;
  options: readonly { value: string; label: string }[];
}

/** A labelled select. */
export function SelectField({
  name,
  label,
  hint,
  defaultValue,
  required,
  placeholder,
  options,
}: SelectFieldProps) {
  const { id, error, describedBy, hintEl, errorEl } = useField(name, label, hint);
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required}
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

interface CheckboxGroupProps {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: readonly string[];
}

/** Several checkboxes sharing one name, in a fieldset whose legend names the group. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  defaultValue = [],
}: CheckboxGroupProps) {
  const { id, error, describedBy, hintEl, errorEl } = useField(name, legend, hint);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field checkboxes invalid' : 'field checkboxes'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hintEl}
      {errorEl}
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={defaultValue.includes(o.value)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

interface CheckboxProps {
  name: string;
  label: string;
  hint?: string;
  defaultChecked?: boolean;
}

/** One yes/no checkbox; `FormData` has `name` = "on" when checked. */
export function Checkbox({ name, label, hint, defaultChecked }: CheckboxProps) {
  const { id, error, describedBy, hintEl, errorEl } = useField(name, label, hint);
  return (
    <div className={error ? 'field checkbox invalid' : 'field checkbox'}>
      <input
        type="checkbox"
        id={id}
        name={name}
        defaultChecked={defaultChecked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
    </div>
  );
}

/** Form data as a trimmed string (empty when absent). */
export const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** Checkbox group values of a form. */
export const values = (data: FormData, name: string): string[] =>
  data.getAll(name).filter((v): v is string => typeof v === 'string');

/** Labels of a form's fields, from catalog keys. */
export const labelsOf = (t: Translate, map: Record<string, MessageKey>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).map(([name, key]) => [name, t(key)]));
