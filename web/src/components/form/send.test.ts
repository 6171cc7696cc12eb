import { beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../../i18n/index.ts';
import { type FormErrors, noErrors } from './errors.ts';
import { refusal, refuse, sendWith } from './send.ts';

/** A mutation that records what it was asked to send. */
function mutation(isPending = false) {
  const sent: unknown[] = [];
  return { isPending, mutate: (body: unknown) => sent.push(body), sent };
}

/** A form that records the errors it was given. */
function form<V>(value: V) {
  const shown: FormErrors[] = [];
  return { value, setErrors: (e: FormErrors) => shown.push(e), shown };
}

// the messages it shows are the English catalog's
beforeAll(() => startI18n('en'));

const words = { label: 'Save', busyLabel: 'Saving…' };

describe('sendWith', () => {
  it('sends the body made from the value, and clears the errors', () => {
    const f = form({ name: ' Ubuntu ' });
    const m = mutation();
    const send = sendWith(f, m, { ...words, body: (v) => ({ name: v.name.trim() }) });
    send.onSubmit(f.value);
    expect(m.sent).toEqual([{ name: 'Ubuntu' }]);
    expect(f.shown).toEqual([noErrors]);
    expect(send.submit).toEqual({ label: 'Save', busy: false, busyLabel: 'Saving…' });
  });

  it('sends nothing, and says so next to each field, while a required one is blank', () => {
    const f = form({ name: '  ', region: '', tags: [] as string[], note: '' });
    const m = mutation();
    const send = sendWith(f, m, {
      ...words,
      required: ['name', 'region', 'tags'],
      body: (v) => v,
    });
    send.onSubmit(f.value);
    expect(m.sent).toEqual([]);
    expect(f.shown[0]?.fields).toEqual({
      name: 'is required',
      region: 'is required',
      tags: 'is required',
    });
  });

  it('shows what the body refuses, and sends nothing', () => {
    const f = form({ from: '2026-02-01', to: '2026-01-01' });
    const m = mutation();
    const late = { fields: { to: 'must be after the start' } };
    const send = sendWith(f, m, {
      ...words,
      body: (v) => (v.to < v.from ? refuse(late) : v),
    });
    send.onSubmit(f.value);
    expect(m.sent).toEqual([]);
    expect(f.shown).toEqual([late]);
  });

  it('sends once: not again while the first is pending, and says it is busy', () => {
    const f = form({ name: 'A' });
    const m = mutation(true);
    const send = sendWith(f, m, { ...words, body: (v) => v });
    send.onSubmit(f.value);
    expect(m.sent).toEqual([]);
    expect(f.shown).toEqual([]);
    expect(send.submit.busy).toBe(true);
  });
});

describe('refusal', () => {
  it('is a refusal only when there are errors', () => {
    expect(refusal(noErrors)).toBeUndefined();
    expect(refusal({ fields: { a: 'is required' } })?.errors.fields).toEqual({ a: 'is required' });
    expect(refusal({ message: 'offline', fields: {} })).toBeDefined();
  });
});
