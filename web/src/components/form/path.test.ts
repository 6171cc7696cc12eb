import { describe, expect, it } from 'vitest';
import { getAt, keyedPath, newKey, setAt, valueAt } from './path.ts';

const plan = {
  startDate: '2026-01-01',
  objectives: [
    { _key: 'a', text: 'first', activities: [{ _key: 'x', what: 'one' }] },
    { _key: 'b', text: 'second', activities: [] },
  ],
};

describe('form paths', () => {
  it('reads a value by path, rows by their key', () => {
    expect(getAt(plan, 'startDate')).toBe('2026-01-01');
    expect(getAt(plan, 'objectives.b.text')).toBe('second');
    expect(getAt(plan, 'objectives.a.activities.x.what')).toBe('one');
    expect(getAt(plan, 'objectives.zz.text')).toBeUndefined();
    expect(getAt(plan, 'startDate.deeper')).toBeUndefined();
  });

  it('sets a value by path without touching the original', () => {
    const next = setAt(plan, 'objectives.a.activities.x.what', 'changed');
    expect(getAt(next, 'objectives.a.activities.x.what')).toBe('changed');
    expect(getAt(plan, 'objectives.a.activities.x.what')).toBe('one');
    // rows not on the path stay the same objects
    expect(next.objectives[1]).toBe(plan.objectives[1]);
  });

  it('creates missing objects on the way', () => {
    expect(setAt({}, 'answers.q1', 'yes')).toEqual({ answers: { q1: 'yes' } });
    expect(setAt({ a: 1 }, 'b', 2)).toEqual({ a: 1, b: 2 });
  });

  it('reads a body by an API path (indices)', () => {
    expect(valueAt(plan, 'objectives.1.text')).toBe('second');
    expect(valueAt(plan, 'objectives.5.text')).toBeUndefined();
  });

  it('turns API paths into keyed field paths', () => {
    expect(keyedPath(plan, 'objectives.0.activities.0.what')).toBe(
      'objectives.a.activities.x.what',
    );
    expect(keyedPath(plan, 'objectives.1.text')).toBe('objectives.b.text');
    // an index with no row stays an index
    expect(keyedPath(plan, 'objectives.7.text')).toBe('objectives.7.text');
    expect(keyedPath(plan, 'startDate')).toBe('startDate');
  });

  it('makes distinct row keys usable as ids', () => {
    const a = newKey();
    const b = newKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
