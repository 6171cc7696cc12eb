/**
 * The languages the SPA speaks. Adding one: a directory `locales/<code>/` with every
 * namespace translated from `locales/en/`, and its code in `LANGUAGES`. Nothing else.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;

/** A language the SPA speaks, e.g. `'fr'`. */
export type Language = (typeof LANGUAGES)[number];

/** The language of a reader who has said nothing and whose browser asks for none of ours. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** True when `value` is one of `LANGUAGES`. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages (`navigator.languages`, most wanted first) whose
 * base is one of ours (`fr-FR` → `fr`), else null.
 *
 * @example
 * languageOfBrowser(['de-DE', 'pt-BR', 'en']) // 'pt'
 */
export function languageOfBrowser(wanted: readonly string[]): Language | null {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * A language named in itself, as a switcher lists it: "Français", "Español".
 *
 * @example
 * endonym('pt') // 'Português'
 */
export function endonym(code: Language): string {
  let name: string = code;
  try {
    name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    // an engine without DisplayNames: the code
  }
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
