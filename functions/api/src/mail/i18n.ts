import i18next, { type TFunction } from 'i18next';
import { mailLanguages, mailMessages } from './messages.ts';

const instance = i18next.createInstance();
// initAsync is not needed: resources are inline, so init completes synchronously.
void instance.init({
  resources: Object.fromEntries(
    Object.entries(mailMessages).map(([lng, messages]) => [lng, { mail: messages }]),
  ),
  ns: ['mail'],
  defaultNS: 'mail',
  fallbackLng: 'en',
  supportedLngs: mailLanguages,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * A translator for one language; unknown languages fall back to English.
 *
 * @example mailT('fr')('invitation.action') // "Accepter l'invitation"
 */
export function mailT(language: string | undefined): TFunction {
  const lng = language && (mailLanguages as string[]).includes(language) ? language : 'en';
  return instance.getFixedT(lng, 'mail');
}
