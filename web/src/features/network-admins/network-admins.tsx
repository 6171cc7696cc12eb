import type { InviteNetworkAdmin, NetworkAdmin } from '@sisi/domain';
import { languages } from '@sisi/domain/languages';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import {
  Form,
  optionsOf,
  problemMessage,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { Page, StatusMessage } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { PersonSummary } from '../../components/person-card.tsx';
import { useAdminsT } from '../../i18n/en-admins.ts';
import { formatDate, languageName, useT } from '../../i18n/index.ts';
import { EraseAction, ErasedCard, formerRoleText } from '../organizations/leaving.tsx';
import { adminKeys, adminsQuery, networkQuery } from './network-admins-queries.ts';
import './network-admins.css';

/**
 * A network's admins, managed by the operator and by the admins themselves: who they are
 * and their status, inviting another, deactivating (after a confirmation) or reactivating,
 * and sending an invitation again.
 */
export function NetworkAdminsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useAdminsT();
  const me = useQuery(meQuery());
  const network = useQuery(networkQuery(networkId));
  const [message, setMessage] = useState<string>();
  const isOperator = me.data?.roles.includes('operator') ?? false;
  return (
    <Page title={t('networkAdmins.title')}>
      {isOperator ? (
        <p>
          <Link href="/networks">{t('networkAdmins.backToNetworks')}</Link>
        </p>
      ) : null}
      <p>
        {network.data
          ? t('networkAdmins.introNetwork', { network: network.data.name })
          : t('networkAdmins.intro')}
      </p>
      <StatusMessage message={message} />
      <AdminList networkId={networkId} meId={me.data?.id} onDone={setMessage} />
      <InviteAdmin networkId={networkId} />
    </Page>
  );
}

function AdminList({
  networkId,
  meId,
  onDone,
}: {
  networkId: string;
  meId: string | undefined;
  onDone: (message: string | undefined) => void;
}) {
  const t = useAdminsT();
  const admins = useInfiniteQuery(adminsQuery(networkId));
  const items = admins.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="admins-list">
      <h2 id="admins-list">{t('networkAdmins.listHeading')}</h2>
      <PagedList
        query={admins}
        items={items}
        empty={t('networkAdmins.empty')}
        className="cards people"
      >
        {(a) => (
          <AdminCard
            key={a.id}
            admin={a}
            networkId={networkId}
            isMe={a.id === meId}
            onDone={onDone}
          />
        )}
      </PagedList>
    </section>
  );
}

/** The date that goes with a status: when invited, active since, or deactivated. */
const sinceOf = (a: NetworkAdmin): string =>
  (a.status === 'deactivated' ? a.deactivatedAt : a.status === 'active' ? a.activatedAt : null) ??
  a.createdAt;

function AdminCard({
  admin,
  networkId,
  isMe,
  onDone,
}: {
  admin: NetworkAdmin;
  networkId: string;
  isMe: boolean;
  onDone: (message: string | undefined) => void;
}) {
  const t = useAdminsT();
  const tl = useT();
  const nameId = useId();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const param = { networkId, personId: admin.id };
  const refresh = () => client.invalidateQueries({ queryKey: adminKeys.admins(networkId) });
  const setStatus = (status: 'active' | 'deactivated') =>
    call(api.networks[':networkId'].admins[':personId'].$patch({ param, json: { status } }));

  const deactivate = useMutation({
    mutationFn: () => setStatus('deactivated'),
    onMutate: () => onDone(undefined),
    onSuccess: async (a) => {
      setConfirming(false);
      onDone(t('networkAdmins.deactivated', { name: a.name }));
      await refresh();
    },
  });
  const reactivate = useMutation({
    mutationFn: () => setStatus('active'),
    onMutate: () => onDone(undefined),
    onSuccess: async (a) => {
      onDone(
        t(
          a.status === 'active' ? 'networkAdmins.reactivated' : 'networkAdmins.reactivatedInvited',
          {
            name: a.name,
          },
        ),
      );
      await refresh();
    },
  });
  const resend = useMutation({
    mutationFn: () =>
      call(api.networks[':networkId'].admins[':personId'].invitation.$post({ param })),
    onMutate: () => onDone(undefined),
    onSuccess: async (a) => {
      onDone(t('networkAdmins.resent', { email: a.email }));
      await refresh();
    },
  });
  const cancel = useCallback(() => {
    setConfirming(false);
    deactivate.reset();
  }, [deactivate.reset]);

  const failed = reactivate.error ?? resend.error;
  const status = t(`networkAdmins.status.${admin.status}`);
  if (admin.erasedAt) {
    // a tombstone (ADR 0034): no name, no email, nothing left to do
    return (
      <ErasedCard
        title={<h3 className="card-title">{formerRoleText(tl, 'network-admin')}</h3>}
        erasedAt={admin.erasedAt}
      />
    );
  }
  return (
    <li className="card">
      <PersonSummary person={admin} nameId={nameId} heading statusText={status}>
        {isMe ? <span className="badge">{t('networkAdmins.you')}</span> : null}
        {admin.language ? <span className="badge">{languageName(admin.language)}</span> : null}
      </PersonSummary>
      <p className="hint">
        {t(`networkAdmins.since.${admin.status}`, { date: formatDate(sinceOf(admin)) })}
      </p>
      {failed ? (
        <p className="notice error" role="alert">
          {problemMessage(failed, t)}
        </p>
      ) : null}
      <div className="actions admin-actions">
        {admin.status === 'invited' ? (
          <ActionButton
            label={t('networkAdmins.resend')}
            who={admin.name}
            busyLabel={t('networkAdmins.resending')}
            busy={resend.isPending}
            onClick={() => resend.mutate()}
          />
        ) : null}
        {admin.status === 'deactivated' ? (
          <ActionButton
            label={t('networkAdmins.reactivate')}
            who={admin.name}
            busyLabel={t('networkAdmins.reactivating')}
            busy={reactivate.isPending}
            onClick={() => reactivate.mutate()}
          />
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('networkAdmins.deactivate')}
            <Whom name={admin.name} />
          </button>
        )}
        {isMe ? null : (
          <EraseAction
            networkId={networkId}
            personId={admin.id}
            name={admin.name}
            former={formerRoleText(tl, 'network-admin')}
            describedBy={nameId}
            queryKey={adminKeys.admins(networkId)}
            onErased={onDone}
          />
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('networkAdmins.confirmTitle', { name: admin.name })}
        confirmLabel={t('networkAdmins.confirmAction', { name: admin.name })}
        busyLabel={t('networkAdmins.confirming')}
        cancelLabel={t('networkAdmins.cancel')}
        busy={deactivate.isPending}
        error={deactivate.error ? problemMessage(deactivate.error, t) : undefined}
        onConfirm={() => deactivate.mutate()}
        onCancel={cancel}
      >
        <p>
          {admin.status === 'invited'
            ? t('networkAdmins.confirmInvitedBody', { name: admin.name, email: admin.email })
            : t('networkAdmins.confirmBody', { name: admin.name })}
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** Whom a card's button acts on, for screen readers: "Deactivate" → "Deactivate Amina". */
function Whom({ name }: { name: string }) {
  return <span className="visually-hidden"> {name}</span>;
}

/** A button that does nothing while its request runs, with a polite status beside it. */
function ActionButton({
  label,
  who,
  busyLabel,
  busy,
  onClick,
}: {
  label: string;
  who: string;
  busyLabel: string;
  busy: boolean;
  onClick: () => void;
}) {
  return (
    <>
      <button
        type="button"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onClick();
        }}
      >
        {label}
        <Whom name={who} />
      </button>
      <span role="status" className="busy">
        {busy ? busyLabel : ''}
      </span>
    </>
  );
}

const INVITE_FIELDS = ['name', 'email', 'language'] as const;
const NO_INVITE = { name: '', email: '', language: 'en' };

function InviteAdmin({ networkId }: { networkId: string }) {
  const t = useAdminsT();
  const client = useQueryClient();
  const form = useForm({ initial: NO_INVITE });
  const [invited, setInvited] = useState<string>();
  // one key per intended invitation: a retried submit cannot invite twice
  const [key, setKey] = useState(idempotencyKey);
  const invite = useMutation({
    mutationFn: (body: InviteNetworkAdmin) =>
      call(
        api.networks[':networkId'].admins.$post(
          { param: { networkId }, json: body },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    onMutate: () => setInvited(undefined),
    onSuccess: (admin) => {
      form.reset(NO_INVITE);
      setKey(idempotencyKey());
      setInvited(admin.email);
      return client.invalidateQueries({ queryKey: adminKeys.admins(networkId) });
    },
    onError: (error) => form.fail(error, { fields: INVITE_FIELDS }),
  });

  const send = sendWith(form, invite, {
    required: ['name', 'email'],
    body: (value) => ({
      name: value.name.trim(),
      email: value.email.trim(),
      language: value.language as InviteNetworkAdmin['language'],
    }),
    label: t('networkAdmins.submit'),
    busyLabel: t('networkAdmins.submitting'),
  });

  return (
    <section aria-labelledby="invite-admin">
      <h2 id="invite-admin">{t('networkAdmins.inviteHeading')}</h2>
      <p>{t('networkAdmins.inviteIntro')}</p>
      <StatusMessage
        message={invited ? t('networkAdmins.invitedMessage', { email: invited }) : undefined}
      />
      <div className="narrow">
        <Form form={form} id="invite-admin-form" ids="name" labelledBy="invite-admin" {...send}>
          <TextField path="name" label={t('networkAdmins.name')} autoComplete="off" required />
          <TextField
            path="email"
            label={t('networkAdmins.email')}
            type="email"
            autoComplete="off"
            required
          />
          <SelectField
            path="language"
            label={t('networkAdmins.language')}
            hint={t('networkAdmins.languageHint')}
            options={optionsOf(languages, languageName)}
          />
        </Form>
      </div>
    </section>
  );
}
