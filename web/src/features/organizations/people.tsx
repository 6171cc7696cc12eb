import type { ChangeMember, Member } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { isProblem, problemMessage } from '../../components/form/index.ts';
import { PersonSummary } from '../../components/person-card.tsx';
import { useT } from '../../i18n/index.ts';
import { EraseAction, ErasedCard, formerRoleText } from './leaving.tsx';

/** A change that takes something away: asked to be confirmed before it is sent. */
type Destructive = 'deactivate' | 'demote';

/**
 * One person of an organization's People list. For its coordinators and the network's
 * admins (`canManage`): make coordinator or member, deactivate or reactivate, and send an
 * invited person's invitation again. Taking a role away and deactivating ask first, in the
 * card itself (focus moves to the question and back).
 */
export function Person({
  networkId,
  organizationId,
  organizationName,
  member,
  canManage,
  canErase = false,
  onErased = () => {},
}: {
  networkId: string;
  organizationId: string;
  organizationName: string;
  member: Member;
  canManage: boolean;
  /** A network admin, not this person: may erase their data (ADR 0034). */
  canErase?: boolean;
  /** The list's status line, told once the person is erased. */
  onErased?: (message: string) => void;
}) {
  const t = useT();
  const nameId = useId();
  const coordinator = member.roles.includes('coordinator');
  if (member.erasedAt) {
    // a tombstone: no name, no email, no actions; what they filed is theirs by this label
    return (
      <ErasedCard
        title={
          <p className="person-name">{formerRoleText(t, member.formerRole, organizationName)}</p>
        }
        erasedAt={member.erasedAt}
      />
    );
  }
  const former = formerRoleText(t, coordinator ? 'coordinator' : 'member', organizationName);
  return (
    <li className="card">
      <PersonSummary
        person={member}
        nameId={nameId}
        statusText={t(`members.status.${member.status}`)}
      >
        {coordinator ? <span className="badge">{t('organizations.coordinator')}</span> : null}
      </PersonSummary>
      {canManage ? (
        <PersonActions
          networkId={networkId}
          organizationId={organizationId}
          member={member}
          nameId={nameId}
        />
      ) : null}
      {canErase ? (
        <div className="actions">
          <EraseAction
            networkId={networkId}
            personId={member.id}
            name={member.name}
            former={former}
            describedBy={nameId}
            queryKey={keys.members(networkId, organizationId)}
            onErased={onErased}
          />
        </div>
      ) : null}
    </li>
  );
}

function PersonActions({
  networkId,
  organizationId,
  member,
  nameId,
}: {
  networkId: string;
  organizationId: string;
  member: Member;
  nameId: string;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Destructive>();
  const [done, setDone] = useState<string>();
  const questionId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  // the question replaces the buttons: after a cancel, focus goes back to the one that asked
  const [returnTo, setReturnTo] = useState<Destructive>();
  const demoteButton = useRef<HTMLButtonElement>(null);
  const deactivateButton = useRef<HTMLButtonElement>(null);
  const params = { networkId, organizationId, personId: member.id };
  const person = api.networks[':networkId'].organizations[':organizationId'].members[':personId'];

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.members(networkId, organizationId) }),
      // a coordinator who stepped down loses these actions: their roles are read afresh
      queryClient.invalidateQueries({ queryKey: keys.me }),
    ]);

  const change = useMutation({
    mutationFn: (body: ChangeMember) => call(person.$patch({ param: params, json: body })),
    onMutate: () => setDone(undefined),
    onSuccess: (changed, body) => {
      setAsking(undefined);
      setDone(
        changed.status === 'deactivated'
          ? t('members.deactivatedMessage', { name: changed.name })
          : body.status === 'active'
            ? t('members.reactivatedMessage', { name: changed.name })
            : changed.roles.includes('coordinator')
              ? t('members.coordinatorMessage', { name: changed.name })
              : t('members.memberMessage', { name: changed.name }),
      );
      return refresh();
    },
    // refused (the last coordinator, say): the question closes and the reason is shown
    onError: () => {
      setReturnTo(asking);
      setAsking(undefined);
    },
  });
  const resend = useMutation({
    mutationFn: () => call(person.invitation.$post({ param: params })),
    onMutate: () => setDone(undefined),
    onSuccess: () => setDone(t('members.resentMessage', { email: member.email })),
  });

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (returnTo === 'demote') demoteButton.current?.focus();
    else if (returnTo === 'deactivate') deactivateButton.current?.focus();
  }, [asking, returnTo]);

  const ask = (what: Destructive) => () => {
    change.reset();
    setReturnTo(undefined);
    setAsking(what);
  };
  const cancel = () => {
    setReturnTo(asking);
    setAsking(undefined);
  };
  const busy = change.isPending || resend.isPending;
  const coordinator = member.roles.includes('coordinator');
  const error = change.error ?? resend.error;

  return (
    <>
      {asking ? (
        <fieldset className="confirm" aria-labelledby={questionId}>
          <p id={questionId} ref={question} tabIndex={-1}>
            {t(asking === 'deactivate' ? 'members.confirmDeactivate' : 'members.confirmDemote', {
              name: member.name,
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              aria-disabled={busy}
              onClick={() => {
                if (!busy)
                  change.mutate(
                    asking === 'deactivate' ? { status: 'deactivated' } : { role: 'member' },
                  );
              }}
            >
              {asking === 'deactivate' ? t('members.deactivateYes') : t('members.demoteYes')}
            </button>
            <button type="button" onClick={cancel}>
              {t('members.cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          {member.status !== 'deactivated' ? (
            coordinator ? (
              <button
                type="button"
                ref={demoteButton}
                aria-describedby={nameId}
                onClick={ask('demote')}
              >
                {t('members.makeMember')}
              </button>
            ) : (
              <button
                type="button"
                aria-describedby={nameId}
                aria-disabled={busy}
                onClick={() => {
                  if (!busy) change.mutate({ role: 'coordinator' });
                }}
              >
                {t('members.makeCoordinator')}
              </button>
            )
          ) : null}
          {member.status === 'invited' ? (
            <button
              type="button"
              aria-describedby={nameId}
              aria-disabled={busy}
              onClick={() => {
                if (!busy) resend.mutate();
              }}
            >
              {t('members.resend')}
            </button>
          ) : null}
          {member.status === 'deactivated' ? (
            <button
              type="button"
              aria-describedby={nameId}
              aria-disabled={busy}
              onClick={() => {
                if (!busy) change.mutate({ status: 'active' });
              }}
            >
              {t('members.reactivate')}
            </button>
          ) : (
            <button
              type="button"
              ref={deactivateButton}
              aria-describedby={nameId}
              onClick={ask('deactivate')}
            >
              {t('members.deactivate')}
            </button>
          )}
        </div>
      )}
      <p className="busy" role="status">
        {busy ? t('members.saving') : (done ?? '')}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {isProblem(error) && error.status === 422
            ? t('members.lastCoordinator')
            : problemMessage(error, t)}
        </p>
      ) : null}
    </>
  );
}
