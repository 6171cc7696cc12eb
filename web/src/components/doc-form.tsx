/**
 * The document form of the form system (`./form/`): a `Form` over a draft held by its page
 * (the mentoring plan, the orientation meeting, the capacity forms), read only when the
 * reader may not change it, with its styles. Kept for pages not yet on `useForm`.
 */
import { type ReactNode, useMemo } from 'react';
import { usePlanT } from '../i18n/en-plan.ts';
import { t } from '../i18n/index.ts';
import {
  Form,
  type FormErrors,
  type FormModel,
  type ReadOnlyTexts,
  type SafeParser,
  schemaProblems,
  useFormContext,
} from './form/index.ts';
import './doc-form.css';

export {
  CheckboxField,
  CheckboxGroup,
  type ChoiceOption,
  type FieldErrors,
  fieldErrorsOf,
  Group,
  GroupError,
  getAt,
  keyedPath,
  newKey,
  optional,
  optionsOf,
  present,
  RadioGroup,
  type Row,
  Scope,
  SelectField,
  setAt,
  TextField,
  useDomId,
} from './form/index.ts';

export type DocErrors = FormErrors;
export const noDocErrors: DocErrors = { fields: {} };

/** The form around a field, with its value as `draft`. */
export function useDocForm() {
  const form = useFormContext();
  return { ...form, draft: form.value };
}

/**
 * The schema's complaints about a body, with paths as the API reports them. A value left
 * out is "required", whatever the schema would say about a wrong one ("must be a date").
 */
export const validate = (schema: SafeParser, body: unknown) =>
  schemaProblems(schema, body, t('errors.isRequired'));

/** The read-only texts of choices, from the plan catalog. */
export function useReadOnlyTexts(): ReadOnlyTexts {
  const tp = usePlanT();
  return useMemo(
    () => ({
      noneChosen: tp('s2s.form.noneChosen'),
      yes: tp('s2s.form.yes'),
      no: tp('s2s.form.no'),
    }),
    [tp],
  );
}

interface DocFormProps<D> {
  /** Prefix of the fields' ids; unique on the page. */
  id: string;
  labelledBy?: string;
  draft: D;
  onChange: (update: (draft: D) => D) => void;
  errors: DocErrors;
  readOnly?: boolean;
  onSubmit: () => void;
  submit?: { label: string; busy: boolean; busyLabel: string; note?: string | undefined };
  children: ReactNode;
}

/** A form over a draft document, with an error summary on top and its submit button below. */
export function DocForm<D>({
  id,
  labelledBy,
  draft,
  onChange,
  errors,
  readOnly = false,
  onSubmit,
  submit,
  children,
}: DocFormProps<D>) {
  const form = useMemo<FormModel<D>>(
    () => ({ value: draft, update: onChange, errors }),
    [draft, onChange, errors],
  );
  return (
    <Form
      form={form}
      id={id}
      labelledBy={labelledBy}
      onSubmit={onSubmit}
      readOnly={readOnly}
      readOnlyTexts={useReadOnlyTexts()}
      className={readOnly ? 'doc-form read-only' : 'doc-form'}
      autoComplete="off"
      submit={submit}
    >
      {children}
    </Form>
  );
}
