import type { Role, Session } from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, api, call } from '../../api/client.ts';
import { signedInAs } from '../../api/queries.ts';
import { Form, refusal, sendWith, TextField, useForm } from '../../components/form/index.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { homePath } from '../../home.ts';
import { formatDate, type Translate, useT } from '../../i18n/index.ts';
import { setToken } from '../../session.ts';
import { NewPasswordFields, passwordErrors } from './new-password.tsx';

const FIELDS = ['name', 'password', 'confirm'] as const;

interface Invitation {
  email: string;
  name: string;
  roles: Role[];
  networkName?: string | undefined;
  expiresAt: string;
}

const roleNames = (roles: readonly Role[], t: Translate) =>
  roles.map((r) => t(`roles.${r}`)).join(', ');

/** `/invitations/:token`: the page every invitation email links to. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams<{ token: string }>();
  const t = useT();
  const invitation = useQuery({
    // not cached across visits: the answer changes once it is accepted
    queryKey: ['invitations', token],
    queryFn: (): Promise<Invitation> => call(api.invitations[':token'].$get({ param: { token } })),
    gcTime: 0,
  });
  const [gone, setGone] = useState(false);

  const status = invitation.error instanceof ApiProblem ? invitation.error.status : undefined;
  if (gone || status === 410) return <Unusable kind="gone" />;
  if (status === 404) return <Unusable kind="notFound" />;
  return (
    <Page title={t('invitation.title')} heading={t('invitation.heading')}>
      {invitation.data ? (
        <AcceptForm token={token} invitation={invitation.data} onGone={() => setGone(true)} />
      ) : invitation.isError ? (
        <LoadError error={invitation.error} retry={() => void invitation.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function Unusable({ kind }: { kind: 'gone' | 'notFound' }) {
  const t = useT();
  return (
    <Page title={t(kind === 'gone' ? 'invitation.goneTitle' : 'invitation.notFoundTitle')}>
      <p>{t(kind === 'gone' ? 'invitation.goneBody' : 'invitation.notFoundBody')}</p>
      <p>
        <Link href="/login">{t('invitation.signIn')}</Link>
      </p>
    </Page>
  );
}

function AcceptForm({
  token,
  invitation,
  onGone,
}: {
  token: string;
  invitation: Invitation;
  onGone: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm({ initial: { name: invitation.name, password: '', confirm: '' } });
  const accept = useMutation({
    mutationFn: (body: { name: string; password: string }): Promise<Session> =>
      call(api.invitations[':token'].accept.$post({ param: { token }, json: body })),
    onSuccess: ({ token: session, user }) => {
      setToken(session);
      queryClient.clear();
      signedInAs(queryClient, user);
      navigate(homePath(user), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 410) onGone();
      else form.fail(error, { fields: FIELDS });
    },
  });

  const send = sendWith(form, accept, {
    // the length and match checks show next to "is required" on the other fields
    body: (value) => {
      const found = passwordErrors(value, FIELDS);
      return refusal(found) ?? { name: value.name.trim(), password: value.password };
    },
    label: t('invitation.submit'),
    busyLabel: t('invitation.submitting'),
  });

  const role = roleNames(invitation.roles, t);
  return (
    <>
      <p>
        {invitation.networkName
          ? t('invitation.introNetwork', { network: invitation.networkName, role })
          : t('invitation.intro', { role })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('invitation.nameLabel')}</dt>
          <dd>{invitation.name}</dd>
        </div>
        <div>
          <dt>{t('invitation.emailLabel')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('invitation.roleLabel')}</dt>
          <dd>{role}</dd>
        </div>
        {invitation.networkName ? (
          <div>
            <dt>{t('invitation.networkLabel')}</dt>
            <dd>{invitation.networkName}</dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{t('invitation.expires', { date: formatDate(invitation.expiresAt) })}</p>
      <div className="narrow">
        <Form form={form} id="accept" ids="name" {...send}>
          {/* lets password managers save the new password under the right account */}
          <input
            type="email"
            name="username"
            autoComplete="username"
            value={invitation.email}
            readOnly
            hidden
          />
          <TextField path="name" label={t('invitation.yourName')} autoComplete="name" required />
          <NewPasswordFields
            label={t('invitation.password')}
            hint={t('invitation.passwordHint')}
            confirmLabel={t('invitation.confirm')}
          />
        </Form>
      </div>
    </>
  );
}
