import { type ReactNode, useEffect, useRef, useState } from 'react';
import { usePlanT } from '../i18n/en-plan.ts';
import { GroupError, getAt, type Row, Scope, useDomId, useFormContext } from './form/index.ts';

interface RepeatableListProps<R extends Row> {
  /** Field path of the list in the draft. */
  path: string;
  /** Names the list (a legend, or a heading with `heading`). */
  legend: string;
  /** Show the name as a heading of this level: for a section that is only this list. */
  heading?: 2 | 3;
  hint?: string | undefined;
  /** "Learning objective 2": names each row (its legend, and the scope of its fields). */
  itemLabel: (n: number) => string;
  /** "Add a learning objective". */
  addLabel: string;
  /** "Remove objective 2". */
  removeLabel: (n: number) => string;
  newRow: () => R;
  max: number;
  /**
   * Rows of one field: no fieldset per row, the field is labelled by `itemLabel` itself.
   */
  inline?: boolean;
  children: (row: R, rowPath: string, n: number) => ReactNode;
}

/**
 * A list of rows the user adds and removes with real buttons. A new row takes the focus
 * (its first field); after a removal the focus goes to the add button and a polite status
 * says what was removed, since the row itself is gone.
 */
export function RepeatableList<R extends Row>({
  path,
  legend,
  heading,
  hint,
  itemLabel,
  addLabel,
  removeLabel,
  newRow,
  max,
  inline = false,
  children,
}: RepeatableListProps<R>) {
  const tp = usePlanT();
  const form = useFormContext();
  const id = useDomId(path);
  const raw = getAt(form.value, path);
  const rows = (Array.isArray(raw) ? raw : []) as R[];
  const [status, setStatus] = useState('');
  // where the focus goes once the list has re-rendered: a new row's key, or 'add'
  const focusNext = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'add') {
      (addButton.current ?? listRef.current)?.focus();
      return;
    }
    document
      .getElementById(`${id}-${target}`)
      ?.querySelector<HTMLElement>('input, select, textarea')
      ?.focus();
  });

  const add = () => {
    const row = newRow();
    focusNext.current = row._key;
    form.set(path, [...rows, row]);
    setStatus(tp('s2s.form.addedMessage', { item: itemLabel(rows.length + 1) }));
  };
  const remove = (key: string, n: number) => {
    form.set(
      path,
      rows.filter((r) => r._key !== key),
    );
    setStatus(tp('s2s.form.removedMessage', { item: itemLabel(n) }));
    focusNext.current = 'add';
  };

  const Heading = heading === 2 ? 'h2' : 'h3';
  const headingId = `${id}-heading`;
  return (
    <fieldset
      id={id}
      ref={listRef}
      className="repeatable"
      aria-labelledby={heading ? headingId : undefined}
      tabIndex={-1}
    >
      {heading ? (
        <Heading id={headingId} className="repeatable-heading">
          {legend}
        </Heading>
      ) : (
        <legend>{legend}</legend>
      )}
      {hint ? <p className="hint">{hint}</p> : null}
      <GroupError path={path} label={legend} />
      {rows.length === 0 ? (
        <p className="empty">{tp('s2s.form.none')}</p>
      ) : (
        <ul className={inline ? 'rows inline-rows' : 'rows'}>
          {rows.map((row, i) => {
            const n = i + 1;
            const label = itemLabel(n);
            const rowPath = `${path}.${row._key}`;
            const removeButton = form.readOnly ? null : (
              <button type="button" className="remove" onClick={() => remove(row._key, n)}>
                {removeLabel(n)}
              </button>
            );
            return (
              <li key={row._key} id={`${id}-${row._key}`}>
                {inline ? (
                  <div className="inline-row">
                    {children(row, rowPath, n)}
                    {removeButton}
                  </div>
                ) : (
                  <fieldset className="row">
                    <legend>{label}</legend>
                    <GroupError path={rowPath} label={label} />
                    <Scope label={label}>{children(row, rowPath, n)}</Scope>
                    {removeButton ? <div className="row-actions">{removeButton}</div> : null}
                  </fieldset>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {form.readOnly ? null : rows.length < max ? (
        <button type="button" ref={addButton} className="add" onClick={add}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </button>
      ) : (
        <p className="hint">{tp('s2s.form.maxReached', { max })}</p>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </fieldset>
  );
}
