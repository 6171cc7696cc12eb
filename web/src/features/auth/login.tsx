import type { Session } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Redirect, useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, api, call } from '../../api/client.ts';
import { signedInAs } from '../../api/queries.ts';
import {
  EmailField,
  Form,
  type FormErrors,
  problemToErrors,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { Page, StatusMessage } from '../../components/page.tsx';
import { homePath, safeNext } from '../../home.ts';
import { type Translate, useT } from '../../i18n/index.ts';
import { getToken, setToken } from '../../session.ts';
import type { PasswordResetDone } from './password-reset.tsx';

const FIELDS = ['email', 'password'] as const;

function loginErrors(error: unknown, t: Translate): FormErrors {
  if (error instanceof ApiProblem && error.status === 401) {
    return { message: t('login.wrongCredentials'), fields: {}, other: [] };
  }
  if (error instanceof ApiProblem && error.status === 429) {
    const message = error.retryAfter
      ? t('login.tooMany', { seconds: error.retryAfter })
      : t('login.tooManySoon');
    return { message, fields: {}, other: [] };
  }
  return problemToErrors(error, t, { fields: FIELDS });
}

/**
 * Sign in with email and password; the bearer token lives in this tab's sessionStorage, the
 * sign-in itself in the refresh cookie (ADR 0042).
 */
export function LoginPage() {
  const t = useT();
  const search = useSearch();
  const queryClient = useQueryClient();
  // read once: signing in below must not re-render this page into a redirect
  const [signedIn] = useState(() => getToken() !== null);
  // after a password reset: the account whose password was just set
  const [reset] = useState(
    () => (history.state as Partial<PasswordResetDone> | null)?.passwordReset,
  );
  // after the server ended the session (a 401 on a signed-in call, see app.tsx)
  const [ended] = useState(
    () => (history.state as { sessionEnded?: boolean } | null)?.sessionEnded === true,
  );
  // after signing out everywhere (the account screen)
  const [everywhere] = useState(
    () => (history.state as { signedOutEverywhere?: boolean } | null)?.signedOutEverywhere === true,
  );
  const form = useForm({ initial: { email: reset ?? '', password: '' } });
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }): Promise<Session> =>
      call(api.auth.login.$post({ json: body })),
    onSuccess: ({ token, user }) => {
      setToken(token);
      signedInAs(queryClient, user);
      navigate(safeNext(search) ?? homePath(user), { replace: true });
    },
    onError: (error) => form.setErrors(loginErrors(error, t)),
  });

  if (signedIn) return <Redirect to={safeNext(search) ?? '/'} replace />;

  const send = sendWith(form, login, {
    required: FIELDS,
    // the password is sent exactly as typed: spaces may be part of it
    body: (value) => ({ email: value.email.trim(), password: value.password }),
    label: t('login.submit'),
    busyLabel: t('login.submitting'),
  });

  return (
    <Page title={t('login.title')} heading={t('login.heading')}>
      <div className="narrow">
        <StatusMessage
          message={
            reset
              ? t('login.passwordChanged')
              : ended
                ? t('login.sessionEnded')
                : everywhere
                  ? t('login.signedOutEverywhere')
                  : undefined
          }
        />
        <Form form={form} id="login" ids="name" {...send}>
          <EmailField label={t('login.email')} />
          <TextField
            path="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            required
          />
        </Form>
        <p>
          <Link href="/password-reset">{t('login.forgotPassword')}</Link>
        </p>
        <p className="hint">{t('login.invitedHint')}</p>
      </div>
    </Page>
  );
}
