/** Choices of the form system: checkbox groups and radio groups, bound by path. */
import type { ReactNode } from 'react';
import { useField, useFormContext } from './form.tsx';
import { type ChoiceOption, TextField, wrapper } from './inputs.tsx';
import { getAt } from './path.ts';

interface GroupProps {
  path: string;
  legend: string;
  hint?: string | undefined;
  options: readonly ChoiceOption[];
  id?: string;
  name?: string;
  /** The class of the fieldset, besides `field` (default `checkboxes`). */
  className?: string;
  /** The class of each option's row (default `checkbox`). */
  itemClassName?: string;
}

/** The chosen options of a read-only group, as a list. */
function ReadOnlyChoices({
  id,
  legend,
  chosen,
  hintEl,
  none,
}: {
  id: string;
  legend: string;
  chosen: readonly ChoiceOption[];
  hintEl: ReactNode;
  none: string;
}) {
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
        <p>{none}</p>
      )}
    </fieldset>
  );
}

/**
 * Checkboxes or radio buttons in a fieldset whose legend names the group (focusable from the
 * error summary); read only, the chosen options as a list.
 */
function ChoiceList({
  type,
  field,
  legend,
  options,
  name,
  className = 'checkboxes',
  itemClassName = 'checkbox',
  isChosen,
  toggle,
}: Pick<GroupProps, 'legend' | 'options' | 'name' | 'className' | 'itemClassName'> & {
  type: 'checkbox' | 'radio';
  field: Omit<ReturnType<typeof useField>, 'value' | 'set'>;
  isChosen: (value: string) => boolean;
  toggle: (value: string, on: boolean) => void;
}) {
  const { form, id, invalid, describedBy, hintEl, errorEl } = field;
  if (form.readOnly) {
    return (
      <ReadOnlyChoices
        id={id}
        legend={legend}
        hintEl={hintEl}
        none={form.readOnlyTexts?.noneChosen ?? ''}
        chosen={options.filter((o) => isChosen(o.value))}
      />
    );
  }
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={wrapper('field', className, invalid)}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hintEl}
      {errorEl}
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div className={itemClassName} key={o.value}>
            <input
              type={type}
              id={optionId}
              name={name}
              value={o.value}
              checked={isChosen(o.value)}
              aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              aria-invalid={invalid}
              onChange={(event) => toggle(o.value, event.currentTarget.checked)}
            />
            <label htmlFor={optionId}>{o.label}</label>
            {o.hint ? (
              <p className="hint" id={`${optionId}-hint`}>
                {o.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Checkboxes bound to a list of strings, in the options' order or in the order chosen. */
export function CheckboxGroup({
  path,
  legend,
  hint,
  id,
  order = 'options',
  ...rest
}: GroupProps & { order?: 'options' | 'chosen' }) {
  const field = useField<string[]>(path, { label: legend, hint, id, name: rest.name });
  const chosen = Array.isArray(field.value) ? field.value : [];
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...chosen, option] : chosen.filter((v) => v !== option);
    field.set(
      order === 'chosen' ? next : rest.options.map((o) => o.value).filter((v) => next.includes(v)),
    );
  };
  return (
    <ChoiceList
      {...rest}
      type="checkbox"
      field={field}
      legend={legend}
      name={field.name}
      isChosen={(v) => chosen.includes(v)}
      toggle={toggle}
    />
  );
}

/** Radio buttons bound to a string. */
export function RadioGroup({ path, legend, hint, id, ...rest }: GroupProps) {
  const field = useField<string>(path, { label: legend, hint, id, name: rest.name });
  const value = String(field.value ?? '');
  return (
    <ChoiceList
      {...rest}
      type="radio"
      field={field}
      legend={legend}
      name={field.name ?? field.id}
      isChosen={(v) => v === value}
      toggle={(v) => field.set(v)}
    />
  );
}

/**
 * Checkboxes with their "other" answer: the text field asking what it is shows once the
 * option `other` is ticked.
 *
 * @example
 * <CheckboxGroupWithOther path="services" otherPath="otherService" legend={…} otherLabel={…} options={…} />
 */
export function CheckboxGroupWithOther({
  otherPath,
  otherLabel,
  maxLength = 200,
  ...group
}: GroupProps & { otherPath: string; otherLabel: string; maxLength?: number }) {
  const form = useFormContext();
  const chosen = getAt(form.value, group.path);
  return (
    <>
      <CheckboxGroup {...group} />
      {Array.isArray(chosen) && chosen.includes('other') ? (
        <TextField path={otherPath} label={otherLabel} maxLength={maxLength} />
      ) : null}
    </>
  );
}
