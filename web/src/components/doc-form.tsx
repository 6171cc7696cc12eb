/**
 * Controlled forms for nested documents (the mentoring plan, the orientation meeting, the
 * capacity forms). Every field is bound by a *path* into the draft: `startDate`,
 * `learningObjectives.<rowKey>.now.capacity`. Rows of lists carry a `_key` (never sent), so
 * the path of a field stays the same when rows before it are removed. The API's error
 * paths use indices (`learningObjectives.0.objective`); `keyedPath` turns them into field
 * paths, using the draft that was submitted.
 */
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import { usePlanT } from '../i18n/en-plan.ts';
import { t, useT } from '../i18n/index.ts';
import { fieldSentence, SubmitButton } from './form.tsx';
import './doc-form.css';

/** A row of a repeatable list. */
export interface Row {
  _key: string;
}

/** Field path → message. */
export type FieldErrors = Record<string, string>;

export interface DocErrors {
  /** One message for the whole form (network failure, 403…). */
  message?: string | undefined;
  fields: FieldErrors;
}

export const noDocErrors: DocErrors = { fields: {} };

let counter = 0;
/** A key for a new row, usable as a plan item id (`[A-Za-z0-9_-]`). */
export function newKey(): string {
  counter += 1;
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID().replaceAll('-', '').slice(0, 16)
      : Math.random().toString(36).slice(2, 14);
  return `r${counter.toString(36)}${random}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const rowKey = (row: unknown): string | undefined =>
  isObject(row) && typeof row._key === 'string' ? row._key : undefined;

/** The value at a field path (rows found by their `_key`). */
export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(node)) node = node.find((row) => rowKey(row) === segment);
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** A copy of `root` with `value` at the path; missing objects on the way are created. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return root;
  const apply = (current: unknown) =>
    rest.length === 0 ? value : setAt(current, rest.join('.'), value);
  if (Array.isArray(root)) {
    return root.map((row) => (rowKey(row) === head ? apply(row) : row)) as T;
  }
  const base: Record<string, unknown> = isObject(root) ? root : {};
  return { ...base, [head]: apply(base[head]) } as T;
}

/**
 * An API path (`learningObjectives.0.activities.1.description`) as a field path
 * (`learningObjectives.<key>.activities.<key>.description`), walking the draft that was sent.
 */
export function keyedPath(root: unknown, apiPath: string): string {
  let node: unknown = root;
  const out: string[] = [];
  for (const segment of apiPath.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const row = node[Number(segment)];
      out.push(rowKey(row) ?? segment);
      node = row;
    } else {
      out.push(segment);
      node = isObject(node) ? node[segment] : undefined;
    }
  }
  return out.join('.');
}

/** `{path, message}` errors (from zod or the API) as field errors of the submitted draft. */
export function fieldErrorsOf(
  errors: readonly { path: string; message: string }[],
  submitted: unknown,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const e of errors) fields[keyedPath(submitted, e.path)] ??= e.message;
  return fields;
}

interface SafeParser {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] };
  };
}

/** The value at an API path (`learningObjectives.0.objective`) of a body. */
function valueAt(body: unknown, apiPath: string): unknown {
  let node: unknown = body;
  for (const segment of apiPath.split('.')) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * The schema's complaints about a body, with paths as the API reports them. A value left
 * out is "required", whatever the schema would say about a wrong one ("must be a date").
 */
export function validate(schema: SafeParser, body: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(body);
  if (result.success || !result.error) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || 'body';
    const missing =
      issue.path.length > 0 &&
      ['invalid_type', 'invalid_value', 'invalid_format'].includes(issue.code ?? '') &&
      valueAt(body, path) === undefined;
    return { path, message: missing ? t('errors.isRequired') : issue.message };
  });
}

/** Trimmed text, or `undefined` when empty (optional fields are then left out). */
export const optional = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v : undefined;
};

/**
 * A required value: trimmed, or left out when empty so that the schema (and the API) say
 * "is required" rather than "must be a date" or "must be one of …". Typed as present
 * because the schema, not the type, is what checks it.
 */
export const present = <T extends string = string>(value: string): T =>
  (value.trim() || undefined) as T;

const domId = (formId: string, path: string) =>
  `${formId}--${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface DocFormState {
  formId: string;
  draft: unknown;
  set: (path: string, value: unknown) => void;
  errors: FieldErrors;
  readOnly: boolean;
  /** Field path → its label with the rows and groups it sits in (for the error summary). */
  labels: Map<string, string>;
}

const DocFormContext = createContext<DocFormState | null>(null);
const ScopeContext = createContext<readonly string[]>([]);

export function useDocForm(): DocFormState {
  const form = useContext(DocFormContext);
  if (!form) throw new Error('a field must be inside a DocForm');
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
  return domId(useDocForm().formId, path);
}

function useField(path: string, label: string, hint?: string, errorPath = path) {
  const form = useDocForm();
  const scope = useContext(ScopeContext);
  const id = domId(form.formId, path);
  form.labels.set(errorPath, [...scope, label].join(' › '));
  const raw = form.errors[errorPath];
  const error = raw ? fieldSentence(label, raw) : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const hintEl = hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const errorEl = error ? <ErrorText id={`${id}-error`} text={error} /> : null;
  return { form, id, error, describedBy, hintEl, errorEl };
}

function ErrorText({ id, text }: { id: string; text: string }) {
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
  const form = useDocForm();
  const scope = useContext(ScopeContext);
  form.labels.set(path, [...scope, label].join(' › '));
  const raw = form.errors[path];
  if (!raw) return null;
  return <ErrorText id={`${domId(form.formId, path)}-error`} text={fieldSentence(label, raw)} />;
}

interface TextFieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  type?: 'text' | 'date' | 'time' | 'number';
  /** A textarea with this many rows. */
  rows?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For `type="number"`: the increment (e.g. 0.25); a fractional step asks for a decimal keypad. */
  step?: number;
  autoComplete?: string;
  /** Where the API reports errors of this field, when not at `path`. */
  errorPath?: string;
}

/** A labelled input or textarea bound to a string in the draft. */
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
  errorPath,
}: TextFieldProps) {
  const { form, id, error, describedBy, hintEl, errorEl } = useField(path, label, hint, errorPath);
  const raw = getAt(form.draft, path);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const common = {
    id,
    value,
    readOnly: form.readOnly,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { currentTarget: { value: string } }) =>
      form.set(path, event.currentTarget.value),
  };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      {rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input
          {...common}
          type={type}
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
          autoComplete={autoComplete ?? 'off'}
        />
      )}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** Plain text of the label (for the read-only view and the summary). */
  text?: string;
}

const optionText = (o: ChoiceOption) => o.text ?? (typeof o.label === 'string' ? o.label : o.value);

interface SelectFieldProps {
  path: string;
  label: string;
  hint?: string | undefined;
  /** The first, empty option; without it, the select always has a value. */
  placeholder?: string;
  options: readonly ChoiceOption[];
}

/** A labelled select bound to a string; read only, a read-only text box with the choice. */
export function SelectField({ path, label, hint, placeholder, options }: SelectFieldProps) {
  const { form, id, error, describedBy, hintEl, errorEl } = useField(path, label, hint);
  const value = String(getAt(form.draft, path) ?? '');
  const known = options.some((o) => o.value === value);
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
      {form.readOnly ? (
        <input
          id={id}
          type="text"
          readOnly
          value={
            value
              ? optionText(options.find((o) => o.value === value) ?? { value, label: value })
              : ''
          }
          aria-describedby={describedBy}
        />
      ) : (
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => form.set(path, event.currentTarget.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {value && !known ? <option value={value}>{value}</option> : null}
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

interface GroupProps {
  path: string;
  legend: string;
  hint?: string | undefined;
  options: readonly ChoiceOption[];
}

/** The chosen options of a read-only group, as a list. */
function ReadOnlyChoices({
  id,
  legend,
  chosen,
  hintEl,
}: {
  id: string;
  legend: string;
  chosen: readonly ChoiceOption[];
  hintEl: ReactNode;
}) {
  const tp = usePlanT();
  return (
    <fieldset id={id} className="field read-only-choices">
      <legend>{legend}</legend>
      {hintEl}
      {chosen.length ? (
        <ul>
          {chosen.map((o) => (
            <li key={o.value}>{o.label}</li>
          ))}
        </ul>
      ) : (
        <p>{tp('s2s.form.noneChosen')}</p>
      )}
    </fieldset>
  );
}

/** Checkboxes bound to a list of strings. */
export function CheckboxGroup({ path, legend, hint, options }: GroupProps) {
  const { form, id, error, describedBy, hintEl, errorEl } = useField(path, legend, hint);
  const raw = getAt(form.draft, path);
  const chosen = Array.isArray(raw) ? (raw as string[]) : [];
  if (form.readOnly) {
    return (
      <ReadOnlyChoices
        id={id}
        legend={legend}
        hintEl={hintEl}
        chosen={options.filter((o) => chosen.includes(o.value))}
      />
    );
  }
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    // keep the options' order
    form.set(
      path,
      options.map((o) => o.value).filter((v) => next.includes(v)),
    );
  };
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field checkboxes invalid' : 'field checkboxes'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hintEl}
      {errorEl}
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              checked={chosen.includes(o.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(o.value, event.currentTarget.checked)}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Radio buttons bound to a string. */
export function RadioGroup({ path, legend, hint, options }: GroupProps) {
  const { form, id, error, describedBy, hintEl, errorEl } = useField(path, legend, hint);
  const value = String(getAt(form.draft, path) ?? '');
  if (form.readOnly) {
    return (
      <ReadOnlyChoices
        id={id}
        legend={legend}
        hintEl={hintEl}
        chosen={options.filter((o) => o.value === value)}
      />
    );
  }
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field checkboxes invalid' : 'field checkboxes'}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hintEl}
      {errorEl}
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div className="checkbox" key={o.value}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={o.value}
              checked={value === o.value}
              aria-invalid={error ? true : undefined}
              onChange={() => form.set(path, o.value)}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** One checkbox bound to a boolean. */
export function CheckboxField({
  path,
  label,
  hint,
  text,
}: {
  path: string;
  label: ReactNode;
  /** Plain text of the label, when `label` has markup. */
  text?: string;
  hint?: string | undefined;
}) {
  const plain = text ?? (typeof label === 'string' ? label : path);
  const { form, id, error, describedBy, hintEl, errorEl } = useField(path, plain, hint);
  const tp = usePlanT();
  const checked = getAt(form.draft, path) === true;
  if (form.readOnly) {
    return (
      <div className="field read-only-check">
        <p>
          <span id={`${id}-label`}>{label}</span>{' '}
          <strong className="answer">{checked ? tp('s2s.form.yes') : tp('s2s.form.no')}</strong>
        </p>
        {hintEl}
      </div>
    );
  }
  return (
    <div className={error ? 'field checkbox invalid' : 'field checkbox'}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => form.set(path, event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hintEl}
      {errorEl}
    </div>
  );
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

function ErrorSummary({
  formId,
  errors,
  labels,
}: {
  formId: string;
  errors: DocErrors;
  labels: Map<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.message || Object.keys(errors.fields).length) ref.current?.focus();
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
  if (!errors.message && entries.length === 0) return null;
  const headingId = `${formId}-error-summary`;
  const focusField = (path: string) => {
    const target = document.getElementById(domId(formId, path));
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
      {entries.length ? (
        <ul>
          {entries.map(([path, message]) => {
            const label = labels.get(path);
            return (
              <li key={path}>
                {label ? (
                  <a
                    href={`#${domId(formId, path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(path);
                    }}
                  >
                    {fieldSentence(label, message)}
                  </a>
                ) : (
                  `${path}: ${message}`
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
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
  const labels = useRef(new Map<string, string>()).current;
  const state = useMemo<DocFormState>(
    () => ({
      formId: id,
      draft,
      set: (path, value) => onChange((d) => setAt(d, path, value)),
      errors: errors.fields,
      readOnly,
      labels,
    }),
    [id, draft, onChange, errors, readOnly, labels],
  );
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!readOnly) onSubmit();
  };
  return (
    <DocFormContext.Provider value={state}>
      <form
        id={id}
        className={readOnly ? 'doc-form read-only' : 'doc-form'}
        noValidate
        onSubmit={handle}
        aria-labelledby={labelledBy}
      >
        <ErrorSummary formId={id} errors={errors} labels={labels} />
        {children}
        {submit && !readOnly ? (
          <>
            <SubmitButton label={submit.label} busy={submit.busy} busyLabel={submit.busyLabel} />
            {submit.note ? <p className="hint">{submit.note}</p> : null}
          </>
        ) : null}
      </form>
    </DocFormContext.Provider>
  );
}

/** Translated options from a list of ids. */
export const optionsOf = <K extends string>(
  ids: readonly K[],
  label: (id: K) => string,
): ChoiceOption[] => ids.map((value) => ({ value, label: label(value) }));
