/**
 * The forms of Sisi Kwa Sisi (add a coach, the needs assessment, the plan, a session, a
 * write-up): the form system in the documents' look, and what a failed or done send shows.
 */
import { type ReactNode, useState } from 'react';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import {
  Form,
  type FormErrors,
  type FormModel,
  fieldErrorsOf,
  problemMessage,
  type Sending,
  useForm,
} from '../../components/form/index.ts';
import { useReadOnlyTexts } from '../../components/read-only-texts.ts';
import type { Translate } from '../../i18n/index.ts';
import '../../components/doc-form.css';

interface SisiFormProps<V> extends Sending<V> {
  form: FormModel<V>;
  /** Prefix of the fields' ids; unique on the page. */
  id: string;
  /** The id of the form's heading. */
  labelledBy: string;
  readOnly?: boolean;
  children: ReactNode;
}

/**
 * A form with its error summary on top and its submit button below, in the documents' look
 * (read only: choices as text, no button).
 * @example
 * const send = sendWith(form, record, { body: toBody, label: 'Record', busyLabel: 'Recording…' });
 * <SisiForm form={form} id="coaching-session" labelledBy="record-heading" {...send}>…</SisiForm>
 */
export function SisiForm<V>({
  form,
  id,
  labelledBy,
  readOnly = false,
  onSubmit,
  submit,
  children,
}: SisiFormProps<V>) {
  return (
    <Form
      form={form}
      id={id}
      labelledBy={labelledBy}
      onSubmit={onSubmit}
      readOnly={readOnly}
      readOnlyTexts={useReadOnlyTexts()}
      look="document"
      submit={submit}
    >
      {children}
    </Form>
  );
}

/**
 * A form that adds something, again and again: its state, the idempotency key of the next
 * send, and the "added" status, which any edit hides. `created(message)` empties the form.
 * @example const { form, key, done, created } = useCreateForm(emptySession);
 */
export function useCreateForm<V>(empty: () => V) {
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const form = useForm<V>({ initial: empty, onEdit: () => setDone(undefined) });
  const created = (message: string) => {
    setDone(message);
    form.reset(empty());
    form.succeed();
    setKey(idempotencyKey());
  };
  return { form, key, done, created };
}

/**
 * The errors of a failed send: the API's errors next to the fields of the value `sent`
 * (its paths first mapped by `paths`), `conflict` for a 409, else one message.
 */
export function sendErrors(
  error: unknown,
  t: Translate,
  sent: unknown,
  options: {
    conflict?: FormErrors;
    paths?: (errors: readonly { path: string; message: string }[]) => {
      path: string;
      message: string;
    }[];
  } = {},
): FormErrors {
  const { conflict, paths = (errors) => [...errors] } = options;
  if (conflict && error instanceof ApiProblem && error.status === 409) return conflict;
  if (error instanceof ApiProblem && error.errors.length > 0) {
    return { fields: fieldErrorsOf(paths(error.errors), sent) };
  }
  return { message: problemMessage(error, t), fields: {} };
}
