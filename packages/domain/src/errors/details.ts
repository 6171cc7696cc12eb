/**
 * The API's problem details by key (ADR 0040): each route-specific sentence of a 403, 409,
 * 410 or 422 is a key of `locales/{lng}/details.json` with its parameters, worded in the
 * reader's language when the answer is made. Server-side only: the SPA shows the `detail`
 * the API sends, so these catalogs never reach its first page.
 */
import en from '../../locales/en/details.json' with { type: 'json' };
import es from '../../locales/es/details.json' with { type: 'json' };
import fr from '../../locales/fr/details.json' with { type: 'json' };
import pt from '../../locales/pt/details.json' with { type: 'json' };
import type { ErrorParams } from './codes.ts';
import { catalogText, type ErrorCatalog } from './text.ts';

/** The catalogs by language, as read from `locales/{lng}/details.json`. */
export const detailCatalogs: Readonly<Record<'en' | 'fr' | 'es' | 'pt', ErrorCatalog>> = {
  en,
  fr,
  es,
  pt,
};

type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** A key of the details catalog (a plural key without its `_one`/`_other` suffix). */
export type DetailKey = Base<keyof typeof en>;

/** A problem detail as thrown: its key and parameters, worded when the answer is made. */
export interface DetailWording {
  key: DetailKey;
  params?: ErrorParams;
}

/** Whether `key` names a detail of the catalog (e.g. one carried by a storage conflict). */
export const isDetailKey = (key: unknown): key is DetailKey =>
  typeof key === 'string' && (Object.hasOwn(en, key) || Object.hasOwn(en, `${key}_other`));

/**
 * The words of a problem detail in `lng` (`en`, `fr`, `es` or `pt`; anything else reads
 * English), plurals by `params.count`, numbers and dates the reader's way.
 *
 * @example detailText('conflict_organization_accepted', {}, 'fr') // 'cette organisation a déjà accepté'
 */
export function detailText(key: DetailKey, params: ErrorParams = {}, lng = 'en'): string {
  const language = lng in detailCatalogs ? (lng as keyof typeof detailCatalogs) : 'en';
  return (
    catalogText(detailCatalogs[language], key, params, language) ??
    catalogText(en, key, params, 'en') ??
    key
  );
}
