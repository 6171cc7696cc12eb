import { describe, expect, it } from 'vitest';
import { requestLanguage } from './language.ts';

describe('requestLanguage', () => {
  it('takes the best-weighted of the four languages, by its base language', () => {
    expect(requestLanguage('pt-BR')).toBe('pt');
    expect(requestLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(requestLanguage('en;q=0.4, es-MX;q=0.9')).toBe('es');
    expect(requestLanguage('de-CH, de;q=0.9, pt;q=0.3')).toBe('pt');
  });

  it('keeps the header’s order between equal weights', () => {
    expect(requestLanguage('es, fr')).toBe('es');
    expect(requestLanguage('FR, es')).toBe('fr');
  });

  it('answers English when nothing fits', () => {
    expect(requestLanguage(undefined)).toBe('en');
    expect(requestLanguage('')).toBe('en');
    expect(requestLanguage('*')).toBe('en');
    expect(requestLanguage('de, sw;q=0.5')).toBe('en');
    expect(requestLanguage('fr;q=0, de')).toBe('en');
    expect(requestLanguage('fr;q=abc')).toBe('en');
  });
});
