/**
 * The SPA's one form system: a controlled form over a value object, every field bound by a
 * path into it (see `path.ts`), one error summary on top (focused after a failed submit,
 * each entry a link to its field) and, optionally, a draft kept on this device.
 *
 * @example
 * const form = useForm({ initial: { name: '', areas: [] as string[] } });
 * <Form form={form} id="org" onSubmit={(value) => create.mutate(toBody(value))}>
 *   <TextField path="name" label={t('org.name')} />
 *   <CheckboxGroup path="areas" legend={t('org.areas')} options={areaOptions} />
 * </Form>
 */
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { t as translate, useT } from '../../i18n/index.ts';
import { type Draft, type DraftSync, useDraftSync } from './draft.ts';
import { ErrorSummary } from './error-summary.tsx';
import {
  type FieldErrors,
  type FormErrors,
  fieldErrorsOf,
  fieldSentence,
  noErrors,
  type ProblemOptions,
  problemToErrors,
  type SafeParser,
  schemaProblems,
} from './errors.ts';
import { getAt, setAt } from './path.ts';

/** What `<Form>` needs of a form's state: `useForm` gives it, so does a versioned document. */
export interface FormModel<V> {
  value: V;
  update: (change: (value: V) => V) => void;
  errors: FormErrors;
}

export interface FormState<V> extends FormModel<V> {
  /** Sets the value at a path (see `setAt`). */
  set: (path: string, value: unknown) => void;
  /** Replaces the whole value, as the new clean state. */
  reset: (value: V) => void;
  setErrors: (errors: FormErrors) => void;
  /** The value differs from the initial (or last reset) one. */
  dirty: boolean;
  /** The draft of this form, if it has one. */
  draft: DraftSync;
  /**
   * After a failed submit: the API's problem as errors next to their fields (paths of rows
   * read in `submitted`, by default the value now).
   */
  fail: (error: unknown, options?: ProblemOptions) => void;
  /** After a successful submit: no errors, and the draft is dropped. */
  succeed: () => void;
}

interface UseFormOptions<V> {
  initial: V | (() => V);
  /** Keep the unsent value on this device (loaded on mount, saved on change, cleared on success). */
  draft?: Draft<V> | undefined;
  /** Called when the user changes the value (not on `reset`), e.g. to hide a "saved" message. */
  onEdit?: (() => void) | undefined;
}

/**
 * A form's state: its value, errors and draft.
 * @example const form = useForm({ initial: { email: '' }, draft: storedDraft('invite', localStorage) });
 */
export function useForm<V>({ initial, draft, onEdit }: UseFormOptions<V>): FormState<V> {
  const [value, setValue] = useState<V>(initial);
  const [clean, setClean] = useState<string>(() => JSON.stringify(value));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const edited = useRef(onEdit);
  edited.current = onEdit;
  const update = useCallback((change: (v: V) => V) => {
    setValue(change);
    edited.current?.();
  }, []);
  const set = useCallback(
    (path: string, next: unknown) => update((v) => setAt(v, path, next)),
    [update],
  );
  const dirty = useMemo(() => JSON.stringify(value) !== clean, [value, clean]);
  const sync = useDraftSync(draft, value, dirty, setValue);
  const reset = useCallback((next: V) => {
    setValue(next);
    setClean(JSON.stringify(next));
  }, []);
  return {
    value,
    update,
    set,
    reset,
    errors,
    setErrors,
    dirty,
    draft: sync,
    fail: (error, options) =>
      setErrors(problemToErrors(error, translate, { submitted: value, ...options })),
    succeed: () => {
      setErrors(noErrors);
      sync.clear();
    },
  };
}

/**
 * The schema's complaints about a body as form errors of `value` (the form's value the body
 * was made from), "is required" for what is left out; no errors when the body is valid.
 */
export function validate(schema: SafeParser, body: unknown, value: unknown = body): FormErrors {
  const problems = schemaProblems(schema, body, translate('errors.isRequired'));
  return { fields: fieldErrorsOf(problems, value) };
}

/** Texts of the read-only views of choices (the catalogs that have them pass them in). */
export interface ReadOnlyTexts {
  noneChosen: string;
  yes: string;
  no: string;
}

interface FormContextValue {
  formId: string;
  value: unknown;
  set: (path: string, value: unknown) => void;
  errors: FieldErrors;
  readOnly: boolean;
  readOnlyTexts: ReadOnlyTexts | undefined;
  autoComplete: string | undefined;
  domId: (path: string) => string;
  /** Fields are named after their path (`ids="name"`: flat forms, named for autofill). */
  named: boolean;
  /** Field path → its label with the rows and groups it sits in (for the error summary). */
  labels: Map<string, string>;
}

const FormContext = createContext<FormContextValue | null>(null);
const ScopeContext = createContext<readonly string[]>([]);

/** The form around a field. */
export function useFormContext(): FormContextValue {
  const form = useContext(FormContext);
  if (!form) throw new Error('a field must be inside a Form');
  return form;
}

/** Fields inside carry `label` in their full name ("Learning objective 1 › Now › …"). */
export function Scope({ label, children }: { label: string; children: ReactNode }) {
  const outer = useContext(ScopeContext);
  const scope = useMemo(() => [...outer, label], [outer, label]);
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** The DOM id of the element of a field path (rows and groups have one too). */
export function useDomId(path: string): string {
  return useFormContext().domId(path);
}

/** Registers the label of an error path, for the error summary's link. */
function useLabel(path: string, label: string) {
  const form = useFormContext();
  const scope = useContext(ScopeContext);
  form.labels.set(path, [...scope, label].join(' › '));
  return form;
}

interface FieldOptions {
  label: string;
  hint?: string | undefined;
  /** Where errors of this field are reported, when not at its path. */
  errorPath?: string | undefined;
  /** The element's id, when not derived from the path (kept from an earlier page). */
  id?: string | undefined;
  /** Its name in the error summary, when more than `label` (e.g. "KPI 1: Target"). */
  summaryLabel?: string | undefined;
  /** The `name` attribute, when not its path (flat forms) or none (document forms). */
  name?: string | undefined;
}

/**
 * Everything a field needs: its id, value and setter, its error (as a sentence with its
 * label) and the ARIA wiring (hint and error both describe the input).
 * @example const { id, value, set, describedBy, hintEl, errorEl } = useField<string>('name', { label });
 */
export function useField<T = unknown>(path: string, options: FieldOptions) {
  const { label, hint, errorPath = path, summaryLabel = label } = options;
  const form = useLabel(errorPath, summaryLabel);
  const id = options.id ?? form.domId(path);
  const raw = form.errors[errorPath];
  const error = raw ? fieldSentence(label, raw) : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const hintEl = hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const errorEl = error ? <FieldError id={`${id}-error`} text={error} /> : null;
  return {
    form,
    id,
    name: options.name ?? (form.named ? path : undefined),
    value: getAt(form.value, path) as T | undefined,
    set: (value: T) => form.set(path, value),
    readOnly: form.readOnly,
    error,
    invalid: error ? (true as const) : undefined,
    describedBy,
    hintEl,
    errorEl,
  };
}

/** A field's error, with "There is a problem" for screen readers. */
export function FieldError({ id, text }: { id: string; text: string }) {
  const t = useT();
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">{t('errors.summaryTitle')}: </span>
      {text}
    </p>
  );
}

/** An error shown for a list or group as a whole (e.g. "must not repeat an area"). */
export function GroupError({ path, label }: { path: string; label: string }) {
  const form = useLabel(path, label);
  const raw = form.errors[path];
  if (!raw) return null;
  return <FieldError id={`${form.domId(path)}-error`} text={fieldSentence(label, raw)} />;
}

/** A titled group of fields (a fieldset whose legend also names the fields inside). */
export function Group({
  legend,
  path,
  hint,
  className = 'group',
  children,
}: {
  legend: string;
  /** For an error reported on the group itself. */
  path?: string;
  hint?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {path ? <GroupError path={path} label={legend} /> : null}
      <Scope label={legend}>{children}</Scope>
    </fieldset>
  );
}

interface FormProps<V> {
  /** The state: from `useForm`, or a versioned document's `form`. */
  form: FormModel<V>;
  /** Prefix of the fields' ids; unique on the page. */
  id: string;
  /** The heading of the form, if it has its own (its id labels the form). */
  labelledBy?: string | undefined;
  /** Called with the value; not called when read only. */
  onSubmit: (value: V) => void;
  readOnly?: boolean;
  readOnlyTexts?: ReadOnlyTexts | undefined;
  className?: string | undefined;
  /**
   * `document`: a long document form (class `doc-form`, plus `read-only` when read only; text
   * inputs without browser autocomplete). Its page imports `components/doc-form.css`.
   */
  look?: 'document' | undefined;
  /**
   * How field ids are made from the form id and a path: `path` (default) gives
   * `<id>--<path, dots as dashes>`, `name` gives `<id>-<path>` (the ids of flat forms, whose
   * fields are also named after their path).
   */
  ids?: 'path' | 'name';
  /** The `autocomplete` of text inputs that do not say (e.g. `off` for documents). */
  autoComplete?: string | undefined;
  /** Labels for error paths no field registers (e.g. a custom fieldset). */
  labels?: Record<string, string> | undefined;
  /** A submit button (with a note, e.g. "unsaved changes") after the fields. */
  submit?: FormSubmit | undefined;
  children: ReactNode;
}

/** The submit button of a `Form`: its label, and what it says while the request runs. */
export interface FormSubmit {
  label: string;
  busy: boolean;
  busyLabel: string;
  /** A hint after the button, e.g. "unsaved changes". */
  note?: string | undefined;
}

/**
 * A form with an error summary on top and the browser's own validation bubbles turned off,
 * so errors look the same whether the form or the API found them.
 */
export function Form<V>({
  form,
  id,
  labelledBy,
  onSubmit,
  readOnly = false,
  readOnlyTexts,
  className: ownClassName,
  look,
  ids = 'path',
  autoComplete: ownAutoComplete,
  labels: fixedLabels,
  submit,
  children,
}: FormProps<V>) {
  const isDocument = look === 'document';
  const className = isDocument ? (readOnly ? 'doc-form read-only' : 'doc-form') : ownClassName;
  const autoComplete = isDocument ? 'off' : ownAutoComplete;
  const labels = useRef(new Map<string, string>()).current;
  for (const [path, label] of Object.entries(fixedLabels ?? {})) labels.set(path, label);
  const { value, update, errors } = form;
  const domId = useCallback(
    (path: string) =>
      ids === 'name' ? `${id}-${path}` : `${id}--${path.replace(/[^A-Za-z0-9_-]/g, '-')}`,
    [id, ids],
  );
  const state = useMemo<FormContextValue>(
    () => ({
      formId: id,
      value,
      set: (path, next) => update((v) => setAt(v, path, next)),
      errors: errors.fields,
      readOnly,
      readOnlyTexts,
      autoComplete,
      domId,
      named: ids === 'name',
      labels,
    }),
    [id, ids, value, update, errors, readOnly, readOnlyTexts, autoComplete, domId, labels],
  );
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!readOnly) onSubmit(value);
  };
  return (
    <FormContext.Provider value={state}>
      <form id={id} className={className} noValidate onSubmit={handle} aria-labelledby={labelledBy}>
        <ErrorSummary formId={id} errors={errors} labels={labels} domId={domId} />
        {children}
        {submit && !readOnly ? (
          <>
            <SubmitButton label={submit.label} busy={submit.busy} busyLabel={submit.busyLabel} />
            {submit.note ? <p className="hint">{submit.note}</p> : null}
          </>
        ) : null}
      </form>
    </FormContext.Provider>
  );
}

/**
 * The submit button. Its name never changes (tests and screen readers find it by name);
 * while `busy`, a polite status next to it says what is happening.
 */
export function SubmitButton({
  label,
  busy,
  busyLabel,
}: {
  label: string;
  busy: boolean;
  busyLabel: string;
}) {
  const statusId = useId();
  return (
    <div className="actions">
      <button
        type="submit"
        className="primary"
        aria-disabled={busy || undefined}
        aria-describedby={busy ? statusId : undefined}
      >
        {label}
      </button>
      <span id={statusId} className="busy" role="status">
        {busy ? busyLabel : ''}
      </span>
    </div>
  );
}
