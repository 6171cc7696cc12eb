import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, api, call } from '../../api/client.ts';
import { EmailField, Form, refusal, sendWith, useForm } from '../../components/form/index.ts';
import { Page, StatusMessage } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { NewPasswordFields, passwordErrors } from './new-password.tsx';

/** What `/login` reads from the history entry after a reset: the account to sign in to. */
export interface PasswordResetDone {
  passwordReset: string;
}

/**
 * `/password-reset`: ask for a link by email. The page says the same thing whatever the
 * email, as the API answers the same: nobody learns here who has an account.
 */
export function AskPasswordResetPage() {
  const t = useT();
  const form = useForm({ initial: { email: '' } });
  const [sent, setSent] = useState(false);
  const ask = useMutation({
    mutationFn: (body: { email: string }) => call(api.auth['password-reset'].$post({ json: body })),
    onSuccess: () => setSent(true),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 429) {
        const message = error.retryAfter
          ? t('passwordReset.tooMany', { minutes: Math.ceil(error.retryAfter / 60) })
          : t('passwordReset.tooManySoon');
        form.setErrors({ message, fields: {}, other: [] });
      } else form.fail(error, { fields: ['email'] });
    },
  });
  const send = sendWith(form, ask, {
    required: ['email'],
    body: (value) => ({ email: value.email.trim() }),
    label: t('passwordReset.askSubmit'),
    busyLabel: t('passwordReset.askSubmitting'),
  });

  return (
    <Page title={t('passwordReset.askTitle')} heading={t('passwordReset.askHeading')}>
      <div className="narrow">
        <StatusMessage message={sent ? t('passwordReset.sent') : undefined} />
        {sent ? null : (
          <>
            <p>{t('passwordReset.askIntro')}</p>
            <Form form={form} id="password-reset" ids="name" {...send}>
              <EmailField label={t('passwordReset.email')} />
            </Form>
          </>
        )}
        <p>
          <Link href="/login">{t('passwordReset.backToSignIn')}</Link>
        </p>
      </div>
    </Page>
  );
}

/** `/password-reset/:token`: the page every reset mail links to; then sign in. */
export function ChoosePasswordPage() {
  const { token = '' } = useParams<{ token: string }>();
  const t = useT();
  const [unusable, setUnusable] = useState<'gone' | 'notFound'>();
  const form = useForm({ initial: { password: '', confirm: '' } });
  const choose = useMutation({
    mutationFn: (body: { password: string }): Promise<{ email: string }> =>
      call(api['password-reset'][':token'].$post({ param: { token }, json: body })),
    onSuccess: ({ email }) => {
      const done: PasswordResetDone = { passwordReset: email };
      navigate('/login', { replace: true, state: done });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 410) setUnusable('gone');
      else if (error instanceof ApiProblem && error.status === 404) setUnusable('notFound');
      else form.fail(error, { fields: ['password', 'confirm'] });
    },
  });
  const send = sendWith(form, choose, {
    body: (value) => {
      // sent exactly as typed: spaces may be part of it
      return refusal(passwordErrors(value)) ?? { password: value.password };
    },
    label: t('passwordReset.chooseSubmit'),
    busyLabel: t('passwordReset.chooseSubmitting'),
  });

  if (unusable) {
    const gone = unusable === 'gone';
    return (
      <Page title={t(gone ? 'passwordReset.goneTitle' : 'passwordReset.notFoundTitle')}>
        <p>{t(gone ? 'passwordReset.goneBody' : 'passwordReset.notFoundBody')}</p>
        <p>
          <Link href="/password-reset">{t('passwordReset.askAgain')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('passwordReset.chooseTitle')} heading={t('passwordReset.chooseHeading')}>
      <div className="narrow">
        <p>{t('passwordReset.chooseIntro')}</p>
        <Form form={form} id="choose-password" ids="name" {...send}>
          <NewPasswordFields
            label={t('passwordReset.password')}
            hint={t('passwordReset.passwordHint')}
            confirmLabel={t('passwordReset.confirm')}
          />
        </Form>
      </div>
    </Page>
  );
}
