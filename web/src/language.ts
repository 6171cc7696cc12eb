/**
 * The reader's language, chosen (the switcher) or given by their profile (`GET /me`'s
 * `language`), kept on this device and, when signed in, in the profile (`PATCH /me`).
 *
 * A choice made while signed out (on the sign-in page) is a choice the person just made at
 * this device: when they then sign in, it wins over the profile's and is saved to it.
 * Otherwise, signing in speaks the profile's language.
 */
import type { QueryClient } from '@tanstack/react-query';
import { keys } from './api/queries.ts';
import { changeLanguage, currentLanguage, rememberLanguage } from './i18n/index.ts';
import { isLanguage, type Language } from './i18n/languages.ts';
import { getToken } from './session.ts';

const CHOSEN_SIGNED_OUT = 'sisi.languageChosenSignedOut';

function chosenSignedOut(value?: boolean): boolean {
  try {
    if (value === true) sessionStorage.setItem(CHOSEN_SIGNED_OUT, '1');
    else if (value === false) sessionStorage.removeItem(CHOSEN_SIGNED_OUT);
    return sessionStorage.getItem(CHOSEN_SIGNED_OUT) === '1';
  } catch {
    return false;
  }
}

/**
 * Saves `lng` as the signed-in person's language (`PATCH /me`). A failure changes nothing
 * here: the choice stays on this device.
 */
async function saveToProfile(lng: Language, queryClient: QueryClient): Promise<void> {
  const token = getToken();
  if (!token) return;
  queryClient.setQueryData(keys.me, (me: object | undefined) =>
    me ? { ...me, language: lng } : me,
  );
  try {
    await fetch('/api/v1/me', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: lng }),
    });
  } catch {
    // offline: the choice stays on this device
  }
}

/**
 * The switcher's choice: speak `lng` now, remember it on this device, and keep it in the
 * profile when signed in.
 */
export async function chooseLanguage(lng: Language, queryClient: QueryClient): Promise<void> {
  await changeLanguage(lng);
  rememberLanguage(lng);
  if (getToken()) await saveToProfile(lng, queryClient);
  else chosenSignedOut(true);
}

/**
 * The signed-in person's profile says `profile` (`GET /me`'s `language`, when the API has
 * it): speak it, unless a choice was made on this device just before signing in, which is
 * then saved to the profile instead.
 */
export async function followProfileLanguage(
  profile: unknown,
  queryClient: QueryClient,
): Promise<void> {
  if (!isLanguage(profile)) return;
  if (chosenSignedOut()) {
    chosenSignedOut(false);
    if (profile !== currentLanguage()) await saveToProfile(currentLanguage(), queryClient);
    return;
  }
  if (profile === currentLanguage()) return;
  await changeLanguage(profile);
  rememberLanguage(profile);
}
