/** The languages an export's labels are written in. */
const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;

/**
 * The export language of a request's `Accept-Language`: the best-weighted tag whose language
 * (`pt-BR` → `pt`) is one of Sisi's four, else English. Tags weighted `q=0` are refused.
 *
 * @example requestLanguage('de-CH, pt-BR;q=0.8, fr;q=0.5') // 'pt'
 */
export function requestLanguage(header: string | undefined): 'en' | 'fr' | 'es' | 'pt' {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=(.*)$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q.trim() || Number.NaN);
      return { base: tag.trim().toLowerCase().split('-')[0]!, weight, index };
    })
    .filter((t) => Number.isFinite(t.weight) && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = ranked.find((t) => (LANGUAGES as readonly string[]).includes(t.base));
  return (found?.base as (typeof LANGUAGES)[number] | undefined) ?? 'en';
}
