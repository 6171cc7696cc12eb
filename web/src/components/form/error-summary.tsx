/** The error summary of the form system, on top of every form. */
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { type FormErrors, fieldSentence, hasErrors } from './errors.ts';

/**
 * The summary of a form's errors, focused each time a submit fails: each field's error a link
 * to it (by its label), the rest as text.
 */
export function ErrorSummary({
  formId,
  errors,
  labels,
  domId,
}: {
  formId: string;
  errors: FormErrors;
  labels: Map<string, string>;
  domId: (path: string) => string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // a new errors object per failed submit: focus the summary each time
  useEffect(() => {
    if (hasErrors(errors)) ref.current?.focus();
  }, [errors]);
  const entries = Object.entries(errors.fields);
  // Fields register their labels while rendering, after this summary: when a label changed
  // in this render (rows renumbered after a removal), render once more with the new one.
  const shown = entries.map(([path]) => labels.get(path) ?? '').join('\n');
  const rendered = useRef(shown);
  rendered.current = shown;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    if (entries.map(([path]) => labels.get(path) ?? '').join('\n') !== rendered.current) rerender();
  });
  if (!hasErrors(errors)) return null;
  const other = errors.other ?? [];
  const headingId = `${formId}-error-summary`;
  const focusField = (path: string) => {
    const target = document.getElementById(domId(path));
    const focusable =
      target && ['FIELDSET', 'DIV'].includes(target.tagName)
        ? target.querySelector<HTMLElement>('input, select, textarea, button')
        : target;
    (focusable ?? target)?.focus();
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('errors.summaryTitle')}</h2>
      {errors.message ? <p>{errors.message}</p> : null}
      {entries.length || other.length ? (
        <ul>
          {entries.map(([path, message]) => {
            const label = labels.get(path);
            return (
              <li key={path}>
                {label ? (
                  <a
                    href={`#${domId(path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(path);
                    }}
                  >
                    {fieldSentence(label, message, 'summary')}
                  </a>
                ) : (
                  `${path}: ${message}`
                )}
              </li>
            );
          })}
          {other.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
