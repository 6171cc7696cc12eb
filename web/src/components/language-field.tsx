import { DEFAULT_LANGUAGE, isLanguage, type Language, languages } from '@sisi/domain/languages';
import { useQuery } from '@tanstack/react-query';
import { networkQuery } from '../api/queries.ts';
import { languageName, useT } from '../i18n/index.ts';
import { optionsOf, SelectField } from './form/index.ts';

/**
 * The language an invitation is written in (and later mail to the invitee), as every
 * invitation form asks it: the four languages named in the reader's, with a hint that mail
 * goes in it. While the form's value is empty the select shows, and the form sends,
 * `fallback`: the network's default language for people of a network (`useNetworkLanguage`),
 * English for a new network and for a donor (API.md).
 *
 * @example
 * const fallback = useNetworkLanguage(networkId);
 * <LanguageField path="language" fallback={fallback} />
 * // body: language: chosenLanguage(value.language, fallback)
 */
export function LanguageField({
  path,
  fallback,
  network = false,
}: {
  path: string;
  fallback: Language;
  /** The field is a new network's default language, not one invitation's. */
  network?: boolean;
}) {
  const t = useT();
  return (
    <SelectField
      path={path}
      label={t(network ? 'inviteLanguage.networkLabel' : 'inviteLanguage.label')}
      hint={t(network ? 'inviteLanguage.networkHint' : 'inviteLanguage.hint')}
      options={optionsOf(languages, languageName)}
      fallback={fallback}
    />
  );
}

/** The language a form's field names, or `fallback` while it names none. */
export const chosenLanguage = (value: unknown, fallback: Language): Language =>
  isLanguage(value) ? value : fallback;

/** A network's default language, English until the network is read (or if it cannot be). */
export function useNetworkLanguage(networkId: string): Language {
  const network = useQuery(networkQuery(networkId));
  return network.data?.defaultLanguage ?? DEFAULT_LANGUAGE;
}
