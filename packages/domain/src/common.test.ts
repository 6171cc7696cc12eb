import { describe, expect, it } from 'vitest';
import { unsafeTextFields, unsafeTextReason } from './common.ts';

describe('unsafe text', () => {
  it('refuses a NUL and a lone surrogate, keeps pairs and ordinary text', () => {
    expect(unsafeTextReason('Amina')).toBeUndefined();
    expect(unsafeTextReason('Well done 😀')).toBeUndefined();
    expect(unsafeTextReason('a\u0000b')).toBe('must not contain a NUL character');
    expect(unsafeTextReason('\ud800')).toBe('must not contain a lone UTF-16 surrogate');
    expect(unsafeTextReason('x\udc00')).toBe('must not contain a lone UTF-16 surrogate');
    // a low surrogate before a high one is not a pair
    expect(unsafeTextReason('\ude00\ud83d')).toBe('must not contain a lone UTF-16 surrogate');
  });

  it('names every bad string and key by its path', () => {
    expect(
      unsafeTextFields({
        name: 'ok',
        strengths: ['fine', 'bad\u0000'],
        answers: { 'q\ud800': 'yes', q2: { note: '\udfff' } },
      }),
    ).toEqual([
      { path: 'strengths.1', code: 'unsafe_text', params: { reason: 'nul' } },
      { path: 'answers.q\ud800', code: 'unsafe_text', params: { reason: 'surrogate' } },
      { path: 'answers.q2.note', code: 'unsafe_text', params: { reason: 'surrogate' } },
    ]);
    expect(unsafeTextFields('\u0000')).toEqual([
      { path: 'body', code: 'unsafe_text', params: { reason: 'nul' } },
    ]);
    expect(unsafeTextFields({ a: 1, b: true, c: null })).toEqual([]);
  });

  it('walks a body nested 100 000 deep without overflowing the stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = unsafeTextFields({ deep });
    expect(found).toHaveLength(1);
    expect(found[0]!.path.startsWith('deep.0.0.0')).toBe(true);
  });
});
