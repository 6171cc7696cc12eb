/**
 * Words Sisi writes into what it stores, in the network's language (its `defaultLanguage`):
 * the free text around them was written in that network (ADR 0034, 0040). Catalogs
 * `locales/{lng}/records.json`; server-side only.
 */
import en from '../../locales/en/records.json' with { type: 'json' };
import es from '../../locales/es/records.json' with { type: 'json' };
import fr from '../../locales/fr/records.json' with { type: 'json' };
import pt from '../../locales/pt/records.json' with { type: 'json' };
import type { ErrorParams } from '../errors/codes.ts';
import { catalogText, type ErrorCatalog } from '../errors/text.ts';
import { isLanguage, type Language } from '../languages.ts';

/** The catalogs by language, as read from `locales/{lng}/records.json`. */
export const recordsCatalogs: Readonly<Record<Language, ErrorCatalog>> = { en, fr, es, pt };

/**
 * What stands where an erased person's name was, in what Sisi stores (reports, stage
 * history, agreements): their former role, never who they were, in `lng` (the network's
 * language; English when it is none of Sisi's). People listed by the API carry the role
 * itself (`formerRole`), which the SPA words in its reader's language.
 *
 * @example
 * formerRoleLabel('coordinator', 'Rainbow Health') // 'a former coordinator of Rainbow Health'
 * formerRoleLabel('coordinator', 'Arc-en-ciel', 'fr') // 'un·e ancien·ne coordonnateur·rice de Arc-en-ciel'
 * formerRoleLabel('network-admin') // 'a former network admin'
 */
export function formerRoleLabel(
  role: string | undefined,
  organizationName?: string,
  lng: string = 'en',
): string {
  const language: Language = isLanguage(lng) ? lng : 'en';
  const who = role === 'coordinator' ? 'former_coordinator' : 'former_member';
  const key =
    role === 'network-admin' ? 'former_network_admin' : organizationName ? `${who}_of` : who;
  const params: ErrorParams = organizationName ? { organization: organizationName } : {};
  return catalogText(recordsCatalogs[language], key, params, language) ?? key;
}
