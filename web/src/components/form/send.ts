/**
 * How a form sends: every form that sends a mutation goes through `sendWith`, so what
 * happens to a submission (checks, errors, one request at a time) lives in one place.
 */
import { t as translate } from '../../i18n/index.ts';
import { type FormErrors, hasErrors, noErrors, requireValues } from './errors.ts';
import type { FormSubmit } from './form.tsx';

/** A form's body could not be made: these errors are shown and nothing is sent. */
export class Refused {
  constructor(readonly errors: FormErrors) {}
}

/** Refuse to send, showing `errors` (e.g. `refuse(missing)` after `requireValues`). */
export const refuse = (errors: FormErrors) => new Refused(errors);

/** A form's errors, or `undefined` when there are none: `refuse` them, or send. */
export const refusal = (errors: FormErrors): Refused | undefined =>
  hasErrors(errors) ? new Refused(errors) : undefined;

/** What `sendWith` gives a `Form`: spread it in (`<Form form={form} id="x" {...send}>`). */
export interface Sending<V> {
  onSubmit: (value: V) => void;
  submit: FormSubmit;
}

/**
 * How a form sends one mutation: not while it is pending; "is required" next to each blank
 * `required` path, or the body made from the value (`refuse` shows other errors instead);
 * the errors cleared when it goes. Every form that sends goes through here, so what happens
 * to a submission lives in one place.
 *
 * @example
 * const send = sendWith(form, create, {
 *   required: ['name', 'region'],
 *   body: (value) => ({ name: value.name.trim(), region: value.region.trim() }),
 *   label: t('networks.submit'),
 *   busyLabel: t('networks.submitting'),
 * });
 * <Form form={form} id="network" {...send}>…</Form>
 */
export function sendWith<V, B>(
  form: { value: V; setErrors: (errors: FormErrors) => void },
  mutation: { isPending: boolean; mutate: (body: B) => void },
  options: {
    body: (value: V) => B | Refused;
    required?: readonly string[];
    label: string;
    busyLabel: string;
    note?: string | undefined;
  },
): Sending<V> {
  const { body, required = [], label, busyLabel, note } = options;
  return {
    onSubmit: (value) => {
      if (mutation.isPending) return;
      const missing = requireValues(
        value as Record<string, unknown>,
        required,
        translate('errors.isRequired'),
      );
      const made = hasErrors(missing) ? refuse(missing) : body(value);
      if (made instanceof Refused) return form.setErrors(made.errors);
      form.setErrors(noErrors);
      mutation.mutate(made);
    },
    submit: { label, busy: mutation.isPending, busyLabel, note },
  };
}
