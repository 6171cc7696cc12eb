import { describe, expect, it } from 'vitest';
import { requestLanguage } from './accept-language.ts';

describe('requestLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['pt-BR', 'pt'],
    ['es-419,es;q=0.9', 'es'],
    ['de', 'en'],
    ['de-DE, fr;q=0.8, en;q=0.5', 'fr'],
    ['en;q=0.4, pt;q=0.9', 'pt'],
    ['fr;q=0, es', 'es'],
    ['*', 'en'],
    ['FR-ca', 'fr'],
    [';q=1, ,', 'en'],
    ['xx;q=abc, fr', 'fr'],
  ])('%j → %s', (header, expected) => {
    expect(requestLanguage(header)).toBe(expected);
  });
});
