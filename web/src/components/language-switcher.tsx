import { languages } from '@sisi/domain/languages';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useLanguage, useT } from '../i18n/index.ts';
import { endonym, isLanguage } from '../i18n/languages.ts';
import { chooseLanguage } from '../language.ts';

/**
 * The language switcher of every page (the sign-in page included): each language named in
 * itself, so a reader finds theirs whatever the page speaks now.
 */
export function LanguageSwitcher() {
  const t = useT();
  const lng = useLanguage();
  const queryClient = useQueryClient();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('app.language')}
      </label>
      <select
        id={id}
        value={lng}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) void chooseLanguage(next, queryClient);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {endonym(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
