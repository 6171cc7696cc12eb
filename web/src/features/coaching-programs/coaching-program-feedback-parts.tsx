/**
 * What the self-assessment and the survey share: names and scales in the reader's language,
 * and their form with its error summary.
 */
import { coachingCompetencies } from '@sisi/domain/static';
import type { ReactNode } from 'react';
import { type FormErrors, refuse, type Sending } from '../../components/form/index.ts';
import { tProgramText } from '../../i18n/en-programs.ts';
import { t as translate, useT } from '../../i18n/index.ts';

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
 * Sending with nothing rated says the first question (`firstPath`) is required, before any
 * request; what else is missing the API says.
 * @example body: (r) => unrated(r, 'ratings.active-listening') ?? { kind, ratings: r }
 */
export const unrated = (ratings: Record<string, number>, firstPath: string) =>
  Object.keys(ratings).length > 0
    ? undefined
    : refuse({ fields: { [firstPath]: translate('errors.isRequired') }, other: [] });

/**
 * A rating form (the self-assessment, the survey) under its section's heading: the error
 * summary, the questions, and the submit button with its busy status; it sends `value`
 * as `sendWith` says.
 * @example
 * const send = sendWith({ value: ratings, setErrors }, save, { body, label, busyLabel });
 * <RatingsForm headingId={id} errors={errors} labels={labels} value={ratings} {...send}>
 *   {questions}
 * </RatingsForm>
 */
export function RatingsForm<V>({
  headingId,
  errors,
  labels,
  value,
  onSubmit,
  submit,
  children,
}: {
  headingId: string;
  errors: FormErrors;
  labels: Record<string, string>;
  value: V;
  children: ReactNode;
} & Sending<V>) {
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <Summary errors={errors} labels={labels} />
      {children}
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
          {submit.label}
        </button>
        <span className="busy" role="status">
          {submit.busy ? submit.busyLabel : ''}
        </span>
      </div>
    </form>
  );
}
