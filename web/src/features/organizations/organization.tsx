import type { InviteMember as InviteMemberInput, Organization, Role } from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { keys, membersQuery, meQuery, organizationQuery } from '../../api/queries.ts';
import { Form, sendWith, TextField, useForm } from '../../components/form/index.ts';
import {
  chosenLanguage,
  LanguageField,
  useNetworkLanguage,
} from '../../components/language-field.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { countryName, formatDate, languageName, useT } from '../../i18n/index.ts';
import { LeaveNetworkAction, LeftNotice } from './leaving.tsx';
import { useOrganizationParams } from './organization-params.ts';
import { Person } from './people.tsx';

/** History state a page may pass on navigation: a message to show once arrived. */
export interface FlashState {
  flash?: string;
}

/**
 * One organization: its profile and its people. A network admin may edit it; an admin
 * or the organization's own coordinator may invite members.
 */
export function OrganizationPage() {
  const { networkId, organizationId } = useOrganizationParams();
  const t = useT();
  const organization = useQuery(organizationQuery(networkId, organizationId));
  const me = useQuery(meQuery());
  const flash = useHistoryState<FlashState | null>()?.flash;
  const roles: readonly Role[] = me.data?.roles ?? [];
  const isAdmin = roles.includes('network-admin') && me.data?.networkId === networkId;
  const org = organization.data;
  const archived = org?.status === 'archived';
  // an organization that left the network has no one left to invite or manage
  const canInvite =
    !archived &&
    (isAdmin || (roles.includes('coordinator') && me.data?.organizationId === organizationId));

  return (
    <Page title={org?.name ?? t('organizations.title')}>
      <StatusMessage message={flash} />
      {org ? (
        <>
          <p className="links">
            {isAdmin ? (
              <>
                <Link href={`/networks/${networkId}/organizations`}>{t('organizations.back')}</Link>
                <Link
                  href={`/networks/${networkId}/organizations/${organizationId}/edit`}
                  className="button"
                >
                  {t('organizations.edit')}
                </Link>
              </>
            ) : null}
            <Link href={`/networks/${networkId}/organizations/${organizationId}/capacity`}>
              {t('organizations.capacity')}
            </Link>
          </p>
          <LeftNotice organization={org} />
          <Profile organization={org} />
          <Members
            networkId={networkId}
            organization={org}
            canManage={canInvite}
            canErase={isAdmin}
            meId={me.data?.id}
          />
          {canInvite ? (
            <InviteMember networkId={networkId} organizationId={organizationId} />
          ) : null}
          {isAdmin && !archived ? (
            <LeaveNetworkAction networkId={networkId} organization={org} />
          ) : null}
        </>
      ) : organization.isError ? (
        <LoadError error={organization.error} retry={() => void organization.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TextList({ items }: { items: readonly string[] }) {
  const t = useT();
  if (items.length === 0) return <>{t('app.none')}</>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Profile({ organization: o }: { organization: Organization }) {
  const t = useT();
  const yesNo = (value: boolean) => t(value ? 'app.yes' : 'app.no');
  const none = t('app.none');
  const areas = o.technicalAreas.filter((a) => a !== 'other').map((a) => t(`technicalAreas.${a}`));
  if (o.otherTechnicalArea) areas.push(o.otherTechnicalArea);
  else if (o.technicalAreas.includes('other')) areas.push(t('technicalAreas.other'));
  return (
    <section aria-labelledby="profile">
      <h2 id="profile">{t('organizations.profileHeading')}</h2>
      <dl className="facts">
        <Fact term={t('organizations.country')}>{countryName(o.country)}</Fact>
        <Fact term={t('organizations.languages')}>
          {o.languages.length ? o.languages.map(languageName).join(', ') : none}
        </Fact>
        <Fact term={t('organizations.keyPopulations')}>
          {o.keyPopulations.map((k) => t(`keyPopulations.${k}`)).join(', ')}
        </Fact>
        <Fact term={t('organizations.kpLed')}>{yesNo(o.kpLed)}</Fact>
        <Fact term={t('organizations.technicalAreas')}>
          <TextList items={areas} />
        </Fact>
        <Fact term={t('organizations.strengthsOffered')}>
          <TextList items={o.strengthsOffered} />
        </Fact>
        <Fact term={t('organizations.priorityNeeds')}>
          <TextList items={o.priorityNeeds} />
        </Fact>
        <Fact term={t('organizations.highSpeedInternet')}>{yesNo(o.highSpeedInternet)}</Fact>
        <Fact term={t('organizations.nameVisibleToDonors')}>{yesNo(o.nameVisibleToDonors)}</Fact>
      </dl>
      <p className="hint">{t('organizations.updated', { date: formatDate(o.updatedAt) })}</p>
    </section>
  );
}

function Members({
  networkId,
  organization,
  canManage,
  canErase,
  meId,
}: {
  networkId: string;
  organization: Organization;
  canManage: boolean;
  canErase: boolean;
  meId: string | undefined;
}) {
  const t = useT();
  const members = useInfiniteQuery(membersQuery(networkId, organization.id));
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const [erased, setErased] = useState<string>();
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('members.heading')}</h2>
      <p className="busy" role="status">
        {erased ?? ''}
      </p>
      <PagedList query={members} items={items} empty={t('members.empty')} className="cards people">
        {(m) => (
          <Person
            key={m.id}
            networkId={networkId}
            organizationId={organization.id}
            organizationName={organization.name}
            member={m}
            canManage={canManage}
            canErase={canErase && m.id !== meId}
            onErased={setErased}
          />
        )}
      </PagedList>
    </section>
  );
}

const INVITE_REQUIRED = ['name', 'email'] as const;
const INVITE_FIELDS = [...INVITE_REQUIRED, 'language'] as const;
// no language chosen: the network's default
const NO_INVITE = { name: '', email: '', language: '' };

function InviteMember({
  networkId,
  organizationId,
}: {
  networkId: string;
  organizationId: string;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm({ initial: NO_INVITE });
  const fallback = useNetworkLanguage(networkId);
  const [invited, setInvited] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const invite = useMutation({
    mutationFn: (body: InviteMemberInput) =>
      call(
        api.networks[':networkId'].organizations[':organizationId'].members.$post(
          { param: { networkId, organizationId }, json: body },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    onMutate: () => setInvited(undefined),
    onSuccess: (member) => {
      form.reset(NO_INVITE);
      setKey(idempotencyKey());
      setInvited(member.email);
      return queryClient.invalidateQueries({ queryKey: keys.members(networkId, organizationId) });
    },
    onError: (error) => form.fail(error, { fields: INVITE_FIELDS }),
  });

  const send = sendWith(form, invite, {
    required: INVITE_REQUIRED,
    body: (value) => ({
      name: value.name.trim(),
      email: value.email.trim(),
      language: chosenLanguage(value.language, fallback),
    }),
    label: t('members.submit'),
    busyLabel: t('members.submitting'),
  });

  return (
    <section aria-labelledby="invite">
      <h2 id="invite">{t('members.inviteHeading')}</h2>
      <p>{t('members.inviteIntro')}</p>
      <StatusMessage
        message={invited ? t('members.invitedMessage', { email: invited }) : undefined}
      />
      <div className="narrow">
        <Form form={form} id="invite-form" ids="name" labelledBy="invite" {...send}>
          <TextField path="name" label={t('members.name')} autoComplete="off" required />
          <TextField
            path="email"
            label={t('members.email')}
            type="email"
            autoComplete="off"
            required
          />
          <LanguageField path="language" fallback={fallback} />
        </Form>
      </div>
    </section>
  );
}
