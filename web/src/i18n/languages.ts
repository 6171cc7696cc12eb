import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@sisi/domain/languages';

/*
 * The languages the SPA speaks are Sisi's: `languages` in `@sisi/domain/languages`
 * (`packages/domain/src/languages.ts`). Adding one: a directory `locales/<code>/` with every
 * namespace translated from `locales/en/`, the same for the domain's catalogs, and its code
 * in that list. Nothing else.
 */
export { DEFAULT_LANGUAGE, isLanguage, type Language };

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
