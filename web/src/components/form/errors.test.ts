import { errorText } from '@sisi/domain/static';
import { describe, expect, it } from 'vitest';
import { i18n, type Translate } from '../../i18n/index.ts';
import { errorWords, loadErrorWords } from './error-words.ts';
import {
  fieldErrorsOf,
  fieldSentence,
  hasErrors,
  noErrors,
  optional,
  present,
  problemMessage,
  problemToErrors,
  requireValues,
  schemaProblems,
} from './errors.ts';

const t = ((key: string) => `<${key}>`) as Translate;

/** An `ApiProblem` as the client throws it (the class needs the browser's client). */
function problem(status: number, errors: { path: string; message: string }[] = [], detail = '') {
  return Object.assign(new Error(detail), { name: 'ApiProblem', status, title: 'Title', errors });
}

describe('form errors', () => {
  it('words a field error as a sentence with its label', () => {
    expect(fieldSentence('Email', 'is required')).toBe('Email is required');
    expect(fieldSentence('Areas', 'choose at least one')).toBe('Areas: choose at least one');
  });

  it('knows when there is something to show', () => {
    expect(hasErrors(noErrors)).toBe(false);
    expect(hasErrors({ fields: {}, message: 'x' })).toBe(true);
    expect(hasErrors({ fields: {}, other: ['x'] })).toBe(true);
    expect(hasErrors({ fields: { a: 'x' } })).toBe(true);
  });

  it('says what went wrong when it is not about a field', () => {
    expect(problemMessage(new Error('boom'), t)).toBe('<errors.server>');
    expect(problemMessage(problem(500), t)).toBe('<errors.server>');
    expect(problemMessage(problem(0), t)).toBe('<errors.network>');
    expect(problemMessage(problem(403), t)).toBe('<errors.forbidden>');
    expect(problemMessage(problem(404), t)).toBe('<errors.notFound>');
    expect(problemMessage(problem(422, [], 'Too early'), t)).toBe('Too early');
    expect(problemMessage(problem(422), t)).toBe('Title');
  });

  it('puts 400 errors next to their (keyed) fields', () => {
    const submitted = { rows: [{ _key: 'k1', name: '' }] };
    const errors = problemToErrors(
      problem(400, [
        { path: 'rows.0.name', message: 'is required' },
        { path: 'rows.0.name', message: 'second message' },
      ]),
      t,
      { submitted },
    );
    expect(errors).toEqual({ fields: { 'rows.k1.name': 'is required' } });
  });

  it('puts errors of flat forms on their top-level field, the rest aside', () => {
    const errors = problemToErrors(
      problem(400, [
        { path: 'menteeOrganizationIds.0', message: 'is unknown' },
        { path: 'body', message: 'is odd' },
      ]),
      t,
      { fields: ['menteeOrganizationIds'] },
    );
    expect(errors).toEqual({
      fields: { menteeOrganizationIds: 'is unknown' },
      other: ['body: is odd'],
    });
  });

  it('shows a conflict on a field next to it, and one on no field as a message', () => {
    expect(
      problemToErrors(problem(409, [{ path: 'email', message: 'is taken' }]), t, {
        fields: ['email'],
      }),
    ).toEqual({ fields: { email: 'is taken' }, other: [] });
    expect(
      problemToErrors(problem(409, [{ path: 'x', message: 'is taken' }], 'Conflict'), t, {
        fields: ['email'],
      }),
    ).toEqual({ fields: {}, other: ['x: is taken'], message: 'Conflict' });
    expect(problemToErrors(problem(0), t)).toEqual({ fields: {}, message: '<errors.network>' });
  });

  it('maps schema errors onto the submitted value', () => {
    expect(fieldErrorsOf([{ path: 'a.0.b', message: 'm' }], { a: [{ _key: 'r', b: '' }] })).toEqual(
      { 'a.r.b': 'm' },
    );
  });

  it('says "required" for a value left out, the schema’s words otherwise', () => {
    const schema = {
      safeParse: (value: unknown) => {
        const v = value as { date?: string; name?: string };
        const issues = [];
        if (v.date === undefined || v.date === 'bad')
          issues.push({ path: ['date'], message: 'must be a date', code: 'invalid_format' });
        if (v.name === undefined) issues.push({ path: [], message: 'is empty', code: 'custom' });
        return issues.length ? { success: false, error: { issues } } : { success: true };
      },
    };
    expect(schemaProblems(schema, {}, 'is required')).toEqual([
      { path: 'date', message: 'is required' },
      { path: 'body', code: 'invalid', message: 'is empty' },
    ]);
    expect(schemaProblems(schema, { date: 'bad', name: 'n' }, 'is required')).toEqual([
      { path: 'date', code: 'invalid_format', message: 'must be a date' },
    ]);
    expect(schemaProblems(schema, { date: '2026-01-01', name: 'n' }, 'is required')).toEqual([]);
  });

  it('checks required values: blank text, empty lists, absent', () => {
    expect(
      requireValues(
        { a: ' ', b: [], c: 'x', d: ['y'], e: { f: '' } },
        ['a', 'b', 'c', 'd', 'e.f', 'g'],
        'req',
      ),
    ).toEqual({ fields: { a: 'req', b: 'req', 'e.f': 'req', g: 'req' } });
  });

  it('trims optional and required text', () => {
    expect(optional('  x ')).toBe('x');
    expect(optional('  ')).toBeUndefined();
    expect(optional(undefined)).toBeUndefined();
    expect(present(' y ')).toBe('y');
    expect(present(' ')).toBeUndefined();
  });
});

describe('errors worded from their code', () => {
  const pairing = {
    path: 'pairingMode',
    code: 'not_one_of',
    params: { options: ['fixed', 'rotational'] },
    message: 'must be one of "fixed", "rotational"',
  };

  it('says the words of the code, never the options, standing alone under the field', async () => {
    await loadErrorWords();
    const words = errorWords(pairing);
    expect(words).toBe(errorText('not_one_of', {}, 'en'));
    expect(words).not.toMatch(/fixed|rotational/);
    expect(fieldErrorsOf([pairing], {})).toEqual({ pairingMode: words });
    expect(fieldSentence('Pairing', words)).toBe(words);
    expect(fieldSentence('Pairing', words, 'summary')).toBe(`Pairing: ${words}`);
    expect(
      fieldSentence(
        'Choose a password',
        errorWords({ path: 'password', code: 'too_short', params: { minimum: 12 }, message: '' }),
      ),
    ).toBe('Enter at least 12 characters.');
  });

  it('words them in the reader’s language once its catalog is loaded', async () => {
    await i18n.changeLanguage('fr');
    try {
      await loadErrorWords();
      expect(errorWords(pairing)).toBe(errorText('not_one_of', {}, 'fr'));
      expect(
        errorWords({ path: 'name', code: 'too_long', params: { maximum: 160 }, message: '' }),
      ).toBe('Utilisez au plus 160 caractères.');
      // a conflict's words are the API's own (already in the reader's language)
      expect(errorWords({ path: 'email', code: 'conflict', message: 'déjà pris' })).toBe(
        'déjà pris',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('keeps the message of an error without a code', () => {
    expect(errorWords({ path: 'x', message: 'is taken' })).toBe('is taken');
  });
});
