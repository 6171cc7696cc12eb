import { describe, expect, it } from 'vitest';
import { catalogProblems } from './completeness.ts';

const en = {
  title: 'Mentorships',
  shown_one: '{{count}} mentorship shown',
  shown_other: '{{count}} mentorships shown',
  hello: 'Hello {{name}}',
  brand: 'Sisi',
  total: 'Total',
};

describe('catalogProblems', () => {
  const fr = {
    title: 'Mentorats',
    shown_one: '{{count}} mentorat affiché',
    shown_many: '{{count}} de mentorats affichés',
    shown_other: '{{count}} mentorats affichés',
    hello: 'Bonjour {{name}}',
    brand: 'Sisi',
    total: 'Total',
  };

  it('finds nothing wrong in a complete translation', () => {
    expect(catalogProblems(en, fr, 'fr', new Set(['brand', 'total']))).toEqual([]);
  });

  it('names a missing key, an extra key and a missing plural form of the language', () => {
    const { title: _, shown_many: __, ...rest } = fr;
    expect(catalogProblems(en, { ...rest, extra: 'x' }, 'fr', new Set(['brand', 'total']))).toEqual(
      ['missing: title', 'missing: shown_many', 'not in English: extra'],
    );
  });

  it('names changed placeholders and a text left in English', () => {
    expect(
      catalogProblems(
        en,
        { ...fr, hello: 'Bonjour {{nom}}', total: 'Total' },
        'fr',
        new Set(['brand']),
      ),
    ).toEqual(['placeholders differ from English: hello', 'left in English: total']);
  });

  it('asks English-only plural forms only of languages that have them', () => {
    const pt = { ...fr, shown_many: undefined } as Record<string, string | undefined>;
    delete pt.shown_many;
    // Portuguese has `many` too (CLDR 42+); Japanese would have only `other`
    expect(catalogProblems(en, pt as never, 'pt', new Set(['brand', 'total']))).toContain(
      'missing: shown_many',
    );
  });
});
