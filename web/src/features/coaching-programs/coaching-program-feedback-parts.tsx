/**
 * What the self-assessment and the survey share: names and scales in the reader's language,
 * and their error summary.
 */
import { coachingCompetencies } from '@sisi/domain/static';
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
