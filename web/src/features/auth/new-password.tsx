/**
 * Choosing a password, as accepting an invitation and resetting a forgotten one both ask
 * it: the password (its hint says the rules) and the same again, checked alike.
 */
import {
  errorWords,
  type FormErrors,
  requireValues,
  TextField,
} from '../../components/form/index.ts';
import { t } from '../../i18n/index.ts';

/** The API's minimum; its other rules (not only spaces, not too easy to guess) are its own. */
const MIN_PASSWORD = 12;

/**
 * The form's errors: "is required" for each blank field of `required`, "too short" for the
 * password, "differs" for the confirmation; all at once, next to their fields.
 *
 * @example const found = passwordErrors(value, ['name', 'password', 'confirm']);
 */
export function passwordErrors(
  value: { password: string; confirm: string } & Record<string, unknown>,
  required: readonly string[] = ['password', 'confirm'],
): FormErrors {
  const found = requireValues(value, required, t('errors.isRequired'));
  if (!found.fields.password && value.password.length < MIN_PASSWORD) {
    // the words of the API's `too_short`, a sentence of its own under the field
    found.fields.password = errorWords({
      path: 'password',
      code: 'too_short',
      params: { minimum: MIN_PASSWORD },
      message: t('errors.passwordTooShort'),
    });
  }
  if (!found.fields.confirm && value.confirm !== value.password) {
    found.fields.confirm = t('errors.passwordsDiffer');
  }
  return found;
}

/** The two fields, at the paths `password` and `confirm`. */
export function NewPasswordFields({
  label,
  hint,
  confirmLabel,
}: {
  label: string;
  hint: string;
  confirmLabel: string;
}) {
  return (
    <>
      <TextField
        path="password"
        label={label}
        hint={hint}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField
        path="confirm"
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
