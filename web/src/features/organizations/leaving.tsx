import type { Organization } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { isProblem, problemMessage } from '../../components/form/index.ts';
import { formatDate, type Translate, useT } from '../../i18n/index.ts';

/**
 * What stands where an erased person's name was: "A former coordinator of …" (or member, or
 * network admin), from the catalog (ADR 0034).
 */
export function formerRoleText(
  t: Translate,
  formerRole: string | undefined,
  organization?: string,
): string {
  if (formerRole === 'network-admin' || organization === undefined) return t('leaving.formerAdmin');
  return t(formerRole === 'coordinator' ? 'leaving.formerCoordinator' : 'leaving.formerMember', {
    organization,
  });
}

/**
 * An erased person's card (ADR 0034): `title` is the former role where the name was, and the
 * date their data was erased; nothing else is left to show or do.
 */
export function ErasedCard({ title, erasedAt }: { title: ReactNode; erasedAt: string }) {
  const t = useT();
  return (
    <li className="card">
      {title}
      <p className="hint">{t('leaving.erasedOn', { date: formatDate(erasedAt) })}</p>
    </li>
  );
}

/**
 * "Erase this person's data", for a network's admins: a confirmation that says what is
 * removed and what stays, then `POST …/people/{personId}/erasure`. `queryKey`: the list to
 * refresh once done.
 */
export function EraseAction({
  networkId,
  personId,
  name,
  former,
  describedBy,
  queryKey,
  onErased,
}: {
  networkId: string;
  personId: string;
  name: string;
  /** What their filed work will be attributed to. */
  former: string;
  describedBy: string;
  queryKey: readonly unknown[];
  /**
   * Told the message to announce once erased: the card then becomes a tombstone without
   * this action, so the list's own status line says it.
   */
  onErased: (message: string) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const erase = useMutation({
    mutationFn: () =>
      call(
        api.networks[':networkId'].people[':personId'].erasure.$post({
          param: { networkId, personId },
          json: {},
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      onErased(t('leaving.erasedMessage'));
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  const error = erase.error
    ? isProblem(erase.error) && erase.error.status === 422
      ? t('leaving.eraseRefused')
      : problemMessage(erase.error, t)
    : undefined;
  return (
    <>
      <button
        type="button"
        aria-describedby={describedBy}
        onClick={() => {
          erase.reset();
          setOpen(true);
        }}
      >
        {t('leaving.erase')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('leaving.eraseTitle', { name })}
        confirmLabel={t('leaving.eraseYes')}
        busyLabel={t('leaving.erasing')}
        cancelLabel={t('members.cancel')}
        busy={erase.isPending}
        error={error}
        onConfirm={() => erase.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('leaving.eraseRemoved')}</p>
        <p>{t('leaving.eraseKept', { former })}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * "Organization leaves the network", for its network's admins: a confirmation listing the
 * consequences, then `POST …/organizations/{organizationId}/departure`.
 */
export function LeaveNetworkAction({
  networkId,
  organization,
}: {
  networkId: string;
  organization: Organization;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const leave = useMutation({
    mutationFn: () =>
      call(
        api.networks[':networkId'].organizations[':organizationId'].departure.$post({
          param: { networkId, organizationId: organization.id },
          json: {},
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      // the organization, its people and its mentorships all changed
      await queryClient.invalidateQueries({ queryKey: ['networks', networkId] });
    },
  });
  const name = organization.name;
  return (
    <section aria-labelledby="leave-network" className="leave-network">
      <h2 id="leave-network">{t('leaving.leave')}</h2>
      <button
        type="button"
        onClick={() => {
          leave.reset();
          setOpen(true);
        }}
      >
        {t('leaving.leave')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('leaving.leaveTitle', { name })}
        confirmLabel={t('leaving.leaveYes')}
        busyLabel={t('leaving.leaving')}
        cancelLabel={t('members.cancel')}
        busy={leave.isPending}
        error={leave.error ? problemMessage(leave.error, t) : undefined}
        onConfirm={() => leave.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('leaving.leaveIntro', { name })}</p>
        <ul>
          <li>{t('leaving.leaveArchived')}</li>
          <li>{t('leaving.leavePeople')}</li>
          <li>{t('leaving.leaveMentors')}</li>
          <li>{t('leaving.leaveMentee')}</li>
          <li>{t('leaving.leaveKept')}</li>
        </ul>
      </ConfirmDialog>
    </section>
  );
}

/** "Left the network on …" for an archived organization; nothing for an active one. */
export function LeftNotice({ organization }: { organization: Organization }) {
  const t = useT();
  if (organization.status !== 'archived') return null;
  return (
    <p className="notice">
      <span className="badge status-deactivated">{t('leaving.archived')}</span>{' '}
      {organization.leftAt ? t('leaving.leftOn', { date: formatDate(organization.leftAt) }) : null}
    </p>
  );
}
