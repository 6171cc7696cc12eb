import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../common.ts';
import { createOrganizationSchema } from '../organization.ts';
import { errorCatalogs } from './catalogs.ts';
import { coded, errorCodes, fieldIssues } from './codes.ts';
import { errorLanguage, errorText, hasErrorCatalog, loadErrorCatalog } from './text.ts';

const issuesOf = (schema: z.ZodType, input: unknown) =>
  fieldIssues(schema.safeParse(input).error?.issues ?? [], { input });

describe('fieldIssues', () => {
  const org = {
    name: 'Amani',
    country: 'KE',
    keyPopulations: ['sex-workers'],
    kpLed: true,
    coordinatorEmail: 'c@example.org',
    coordinatorName: 'C',
  };

  it('codes the kinds of mistakes zod finds, with their parameters', () => {
    const { name: _, ...noName } = org;
    expect(issuesOf(createOrganizationSchema, noName)).toEqual([
      { path: 'name', code: 'required' },
    ]);
    expect(issuesOf(createOrganizationSchema, { ...org, name: 'x'.repeat(161) })).toEqual([
      { path: 'name', code: 'too_long', params: { maximum: 160 } },
    ]);
    expect(issuesOf(createOrganizationSchema, { ...org, keyPopulations: [] })).toEqual([
      { path: 'keyPopulations', code: 'required' },
    ]);
    expect(
      issuesOf(createOrganizationSchema, { ...org, keyPopulations: ['a', 'b', 'c', 'd', 'e'] })
        .map((i) => i.code)
        .at(-1),
    ).toBe('too_many_items');
    expect(issuesOf(createOrganizationSchema, { ...org, colour: 1, kpLed: 'yes' })).toEqual([
      { path: 'kpLed', code: 'invalid_type', params: { expected: 'boolean' } },
      { path: 'colour', code: 'not_a_known_field' },
    ]);
    expect(issuesOf(z.object({ n: z.number().int().positive() }), { n: 1.5 })).toEqual([
      { path: 'n', code: 'not_an_integer' },
    ]);
    expect(issuesOf(z.object({ n: z.number().positive() }), { n: 0 })).toEqual([
      { path: 'n', code: 'not_greater', params: { minimum: 0 } },
    ]);
    expect(issuesOf(z.object({ d: z.iso.date() }), { d: '2025-02-30' })).toEqual([
      { path: 'd', code: 'invalid_format', params: { format: 'date' } },
    ]);
  });

  it('takes a refinement’s own code, and calls one without a code `invalid`', () => {
    const dated = z.string().refine((v) => v < '2025', {
      message: 'too late',
      ...coded('date_order', { max: '2024-12-31' }),
    });
    expect(issuesOf(dated, '2026')).toEqual([
      { path: 'body', code: 'date_order', params: { max: '2024-12-31' } },
    ]);
    expect(
      issuesOf(
        z.string().refine(() => false, 'no'),
        'x',
      ),
    ).toEqual([{ path: 'body', code: 'invalid' }]);
  });

  it('prefixes header paths, and lists no code a plural suffix would swallow', () => {
    expect(
      fieldIssues(z.object({ a: z.string() }).safeParse({}).error!.issues, {
        prefix: 'header',
        input: {},
      }),
    ).toEqual([{ path: 'header.a', code: 'required' }]);
    expect(errorCodes.filter((c) => /_(zero|one|two|few|many|other)$/.test(c))).toEqual([]);
  });
});

describe('errorText', () => {
  it('words a code in each language, plurals by Intl.PluralRules', () => {
    expect(errorText('too_long', { maximum: 1 }, 'en')).toBe('Use at most 1 character.');
    expect(errorText('too_long', { maximum: 200 }, 'en')).toBe('Use at most 200 characters.');
    expect(errorText('too_long', { maximum: 1 }, 'fr')).toBe(
      errorCatalogs.fr.too_long_one.replace('{{count}}', '1'),
    );
    expect(errorText('too_long', { maximum: 1_000_000 }, 'fr')).toBe(
      'Utilisez au plus 1 000 000 caractères.'.replace(/ (?=000)/g, '\u202f'),
    );
    expect(errorText('required', {}, 'pt-BR')).toBe(errorCatalogs.pt.required);
    expect(errorText('required', {}, 'de')).toBe(errorCatalogs.en.required);
  });

  it('picks the variant its parameters name, and writes dates the reader’s way', () => {
    expect(errorText('invalid_format', { format: 'email' }, 'en')).toBe(
      errorCatalogs.en.invalid_format_email,
    );
    expect(errorText('invalid_format', { format: 'nothing-known' }, 'en')).toBe(
      errorCatalogs.en.invalid_format,
    );
    expect(errorText('date_order', { min: '2025-02-03' }, 'en')).toBe(
      'Choose a date on or after February 3, 2025.',
    );
    expect(errorText('date_order', { min: '2025-02-03', max: '2025-03-01' }, 'fr')).toBe(
      'Choisissez une date entre le 3 février 2025 et le 1 mars 2025.',
    );
    expect(errorText('not_one_of', { options: ['fixed', 'rotational'] }, 'es')).not.toMatch(
      /fixed|rotational/,
    );
  });

  it('words each rule of the domain it knows, any other in general words', () => {
    expect(errorText('domain_rule', { rule: 'ended' }, 'es')).toBe(
      errorCatalogs.es.domain_rule_ended,
    );
    expect(errorText('domain_rule', { rule: 'no-such-rule' }, 'es')).toBe(
      errorCatalogs.es.domain_rule,
    );
  });

  it('tells the language of a tag', () => {
    expect(errorLanguage('pt-BR')).toBe('pt');
    expect(errorLanguage('FR_ca')).toBe('fr');
    expect(errorLanguage('sw')).toBe('en');
    expect(errorLanguage(undefined)).toBe('en');
  });

  it('loads a language’s words lazily', async () => {
    expect(await loadErrorCatalog('es-MX')).toBe('es');
    expect(hasErrorCatalog('es')).toBe(true);
  });
});
