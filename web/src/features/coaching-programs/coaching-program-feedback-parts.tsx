/**
 * What the self-assessment and the survey share: names and scales in the reader's language,
 * and their form with its error summary.
 */
import { coachingCompetencies } from '@sisi/domain/static';
import type { ReactNode } from 'react';
import type { FormErrors } from '../../components/form/index.ts';
import { tProgramText } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';

/** A competency's name in the reader's language, or its id if unknown. */
export const competencyName = (id: string) => {
  const c = coachingCompetencies.find((x) => x.id === id);
  return c ? tProgramText(`competencies.${c.id}.name`, c.name) : id;
};
/** A rating scale with its labels in the reader's language. */
export const scaleOf = (scale: readonly { value: number; label: string }[], prefix: string) =>
  scale.map((s) => ({ value: s.value, label: tProgramText(`${prefix}.${s.value}`, s.label) }));

/** An error summary for the rating forms (their fields are radio groups). */
export function Summary({
  errors,
  labels,
}: {
  errors: FormErrors;
  labels: Record<string, string>;
}) {
  const t = useT();
  const entries = Object.entries(errors.fields);
  if (!errors.message && entries.length === 0 && (errors.other?.length ?? 0) === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('errors.summaryTitle')}</h2>
      {errors.message ? <p>{errors.message}</p> : null}
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${path}`}>
              {labels[path] ?? path}: {message}
            </a>
          </li>
        ))}
        {(errors.other ?? []).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A rating form (the self-assessment, the survey) under its section's heading: the error
 * summary, the questions, and the submit button with its busy status. Sending with nothing
 * rated says the first question (`firstPath`) is required, before any request.
 * @example
 * <RatingsForm headingId={id} errors={errors} setErrors={setErrors} labels={labels}
 *   rated={Object.keys(answers).length > 0} firstPath="answers.q1" busy={save.isPending}
 *   onSend={() => save.mutate()} label={…} busyLabel={…}>{questions}</RatingsForm>
 */
export function RatingsForm({
  headingId,
  errors,
  setErrors,
  labels,
  rated,
  firstPath,
  busy,
  onSend,
  label,
  busyLabel,
  children,
}: {
  headingId: string;
  errors: FormErrors;
  setErrors: (errors: FormErrors) => void;
  labels: Record<string, string>;
  rated: boolean;
  firstPath: string;
  busy: boolean;
  onSend: () => void;
  label: string;
  busyLabel: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        if (!rated)
          return setErrors({ fields: { [firstPath]: t('errors.isRequired') }, other: [] });
        onSend();
      }}
    >
      <Summary errors={errors} labels={labels} />
      {children}
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {label}
        </button>
        <span className="busy" role="status">
          {busy ? busyLabel : ''}
        </span>
      </div>
    </form>
  );
}
