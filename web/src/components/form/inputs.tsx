/**
 * The inputs of the form system, each bound to a path of the form's value (see `form.tsx`).
 * Read only (a saved document the reader may not change), choices show as text.
 */
import type { ReactNode } from 'react';
import { useField } from './form.tsx';

interface TextFieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'date' | 'time' | 'number';
  /** A textarea with this many rows. */
  rows?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  /** For `type="number"`: the increment (e.g. 0.25); a fractional step asks for a decimal keypad. */
  step?: number;
  autoComplete?: string;
  required?: boolean;
  /** Where the API reports errors of this field, when not at `path`. */
  errorPath?: string;
  /** The element's id, when not derived from the path. */
  id?: string;
  /** The `name` attribute (for the browser's autofill), when not the path of a flat form. */
  name?: string;
  /** The class of the field's wrapper, besides `field`. */
  className?: string;
  /** A narrow input (dates, numbers). */
  short?: boolean;
  /** Its name in the error summary, when more than `label`. */
  summaryLabel?: string;
}

/** A labelled input or textarea bound to a string (or number) of the value. */
export function TextField({
  path,
  label,
  hint,
  type = 'text',
  rows,
  maxLength,
  min,
  max,
  step,
  autoComplete,
  required,
  errorPath,
  id: fixedId,
  name,
  className,
  short,
  summaryLabel,
}: TextFieldProps) {
  const field = useField<string | number>(path, {
    label,
    hint,
    errorPath,
    id: fixedId,
    summaryLabel,
    name,
  });
  const { form, id, value, set, invalid, describedBy, hintEl, errorEl } = field;
  const common = {
    id,
    name: field.name,
    value: typeof value === 'string' || typeof value === 'number' ? String(value) : '',
    readOnly: form.readOnly || undefined,
    required,
    maxLength,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    onChange: (event: { currentTarget: { value: string } }) => set(event.currentTarget.value),
  };
  return (
    <div className={wrapper('field', className, invalid)}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      {rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input
          {...common}
          type={type}
          className={short ? 'short' : undefined}
          min={min}
          max={max}
          step={step}
          inputMode={
            type === 'number'
              ? step && !Number.isInteger(step)
                ? 'decimal'
                : 'numeric'
              : undefined
          }
          autoComplete={autoComplete ?? form.autoComplete}
          spellCheck={type === 'email' ? false : undefined}
        />
      )}
    </div>
  );
}

/** The email a person signs in with (at `email`): required, and the browser may fill it in. */
export function EmailField({ label }: { label: string }) {
  return <TextField path="email" label={label} type="email" autoComplete="username" required />;
}

/**
 * A run of long answers of one size, one after the other: each `[path, label]` a textarea of
 * `rows` lines and at most `maxLength` characters.
 *
 * @example
 * <TextAreas rows={3} maxLength={4000} fields={[['successes', q('successes')], ['challenges', q('challenges')]]} />
 */
export function TextAreas({
  fields,
  rows,
  maxLength,
}: {
  fields: readonly (readonly [path: string, label: string])[];
  rows: number;
  maxLength: number;
}) {
  return fields.map(([path, label]) => (
    <TextField key={path} path={path} label={label} rows={rows} maxLength={maxLength} />
  ));
}

export const wrapper = (base: string, extra: string | undefined, invalid: true | undefined) =>
  [base, extra, invalid ? 'invalid' : ''].filter(Boolean).join(' ');

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** Plain text of the label (for the read-only view and the summary). */
  text?: string;
  /** A hint under the option (radio buttons). */
  hint?: string;
}

const optionText = (o: ChoiceOption) => o.text ?? (typeof o.label === 'string' ? o.label : o.value);

/** Translated options from a list of ids. */
export const optionsOf = <K extends string>(
  ids: readonly K[],
  label: (id: K) => string,
): ChoiceOption[] => ids.map((value) => ({ value, label: label(value) }));

interface SelectFieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  /** The first, empty option; without it, the select always has a value. */
  placeholder?: string;
  options: readonly ChoiceOption[];
  required?: boolean;
  id?: string;
  name?: string;
  className?: string;
  /** Besides setting the value (e.g. dropping what the new choice rules out). */
  onChange?: (value: string) => void;
  /** Its name in the error summary, when more than `label`. */
  summaryLabel?: string;
  /** What the select shows (and the form means) while the value is empty. */
  fallback?: string | undefined;
}

/** A labelled select bound to a string; read only, a read-only text box with the choice. */
export function SelectField({
  path,
  label,
  hint,
  placeholder,
  options,
  required,
  id: fixedId,
  name,
  className,
  onChange,
  summaryLabel,
  fallback = '',
}: SelectFieldProps) {
  const { form, id, value, set, invalid, describedBy, hintEl, errorEl, ...field } =
    useField<string>(path, { label, hint, id: fixedId, summaryLabel, name });
  const current = String(value ?? '') || fallback;
  const known = options.some((o) => o.value === current);
  return (
    <div className={wrapper('field', className, invalid)}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      {form.readOnly ? (
        <input
          id={id}
          type="text"
          readOnly
          value={
            current
              ? optionText(
                  options.find((o) => o.value === current) ?? { value: current, label: current },
                )
              : ''
          }
          aria-describedby={describedBy}
        />
      ) : (
        <select
          id={id}
          name={field.name}
          value={current}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            set(event.currentTarget.value);
            onChange?.(event.currentTarget.value);
          }}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {current && !known ? <option value={current}>{current}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {optionText(o)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** One checkbox bound to a boolean. */
export function CheckboxField({
  path,
  label,
  text,
  hint,
  id: fixedId,
  name,
}: {
  path: string;
  label: ReactNode;
  /** Plain text of the label, when `label` has markup. */
  text?: string;
  hint?: string | undefined;
  id?: string;
  name?: string;
}) {
  const plain = text ?? (typeof label === 'string' ? label : path);
  const { form, id, value, set, invalid, describedBy, hintEl, errorEl, ...field } =
    useField<boolean>(path, { label: plain, hint, id: fixedId, name });
  const checked = value === true;
  if (form.readOnly) {
    const texts = form.readOnlyTexts;
    return (
      <div className="field read-only-check">
        <p>
          <span id={`${id}-label`}>{label}</span>{' '}
          <strong className="answer">{checked ? texts?.yes : texts?.no}</strong>
        </p>
        {hintEl}
      </div>
    );
  }
  return (
    <div className={wrapper('field checkbox', undefined, invalid)}>
      <input
        type="checkbox"
        id={id}
        name={field.name}
        checked={checked}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => set(event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
    </div>
  );
}
