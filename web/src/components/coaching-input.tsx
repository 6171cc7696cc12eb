/**
 * A plain input of the coaching forms, bound to a path of the form system: its error is
 * shown as these forms always showed it ("Date: must be a date", or the message alone),
 * without the inputs' "There is a problem" prefix.
 */
import { useField } from './form/index.ts';

interface CoachingInputProps {
  path: string;
  label: string;
  hint?: string | undefined;
  /** Its name in the error summary, when not `label` (e.g. the KPI's name). */
  summaryLabel?: string;
  type?: 'text' | 'date';
  inputMode?: 'decimal';
  className?: string;
  /** The error as shown under the label (default: "Label: message"). */
  errorText?: (message: string) => string;
}

/**
 * A labelled input bound to `path`.
 * @example <CoachingInput path="date" type="date" label={t('sessions.date')} className="short" />
 */
export function CoachingInput({
  path,
  label,
  hint,
  summaryLabel = label,
  type = 'text',
  inputMode,
  className,
  errorText = (message) => `${label}: ${message}`,
}: CoachingInputProps) {
  const f = useField<string>(path, { label: summaryLabel, hint });
  const error = f.form.errors[path];
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={f.id}>{label}</label>
      {f.hintEl}
      {error ? (
        <p className="field-error" id={`${f.id}-error`}>
          {errorText(error)}
        </p>
      ) : null}
      <input
        type={type}
        inputMode={inputMode}
        id={f.id}
        name={path}
        className={className}
        value={f.value ?? ''}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        onChange={(event) => f.set(event.currentTarget.value)}
      />
    </div>
  );
}

/** A date input of the coaching forms. */
export const CoachingDateField = (props: Omit<CoachingInputProps, 'type'>) => (
  <CoachingInput {...props} type="date" />
);
