/**
 * The peer coaching groups a reader is in or oversees, with where each stands, and the form
 * that creates one (003: "a group of usually 4-7 people"; outside that the form warns, and
 * shows 004's other figures beside it).
 *
 * `/networks/:networkId/coaching-groups` and `/networks/:networkId/coaching-groups/new`
 */
import type { Member } from '@sisi/domain';
import { isActiveOrganization } from '@sisi/domain';
import {
  groupSizeAdvice,
  groupSizeGuidance,
  peerCoachingGroupDefinition,
} from '@sisi/domain/static';
import {
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { idempotencyKey } from '../../api/client.ts';
import { allMembersQuery, allOrganizationsQuery, meQuery } from '../../api/queries.ts';
import {
  Form,
  refusal,
  requireValues,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { useT } from '../../i18n/index.ts';
import { GroupFigures, SourceLine } from './coaching-group-parts.tsx';
import { coachingGroupsQuery, groupKeys, postCoachingGroup } from './coaching-group-queries.ts';

/** `/networks/:networkId/coaching-groups` */
export function CoachingGroupsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tc = useCoachingT();
  const me = useQuery(meQuery());
  const list = useInfiniteQuery(coachingGroupsQuery(networkId));
  const canCreate = me.data?.roles.some((r) => r === 'network-admin' || r === 'coordinator');
  return (
    <Page title={tc('coachingGroups.title')}>
      <p>{tc('coachingGroups.intro')}</p>
      <div className="notice info">
        <p>{tc('coachingGroups.confidential')}</p>
      </div>
      {canCreate ? (
        <p>
          <Link href={`/networks/${networkId}/coaching-groups/new`} className="button primary">
            {tc('coachingGroups.create')}
          </Link>
        </p>
      ) : null}
      <PagedCards
        query={list}
        empty={tc('coachingGroups.empty')}
        className="cards group-cards"
        card={(g) => (
          <li key={g.id} className="card">
            <h2 className="card-title">
              <Link href={`/networks/${networkId}/coaching-groups/${g.id}`}>{g.name}</Link>
            </h2>
            <p>
              <span className="badge">{tc(`coachingGroups.access.${g.access}`)}</span>
            </p>
            <GroupFigures status={g.status} headingLevel={3} />
          </li>
        )}
      />
    </Page>
  );
}

/** `/networks/:networkId/coaching-groups/new` */
export function CoachingGroupNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const organizations = useQuery(allOrganizationsQuery(networkId));
  const orgs = (organizations.data ?? []).filter(isActiveOrganization);
  const people = useQueries({
    queries: orgs.map((o) => ({ ...allMembersQuery(networkId, o.id), retry: false })),
  });
  const form = useForm({ initial: { name: '', memberIds: [] as string[], facilitatorId: '' } });
  const selected = form.value.memberIds;
  const [key] = useState(idempotencyKey);
  const labels = {
    name: tc('coachingGroups.new.name'),
    memberIds: tc('coachingGroups.new.members'),
    facilitatorId: tc('coachingGroups.new.facilitator'),
  };

  const create = useMutation({
    mutationFn: (body: { name: string; memberIds: string[]; facilitatorId: string }) =>
      postCoachingGroup(networkId, body, key),
    onSuccess: (group) => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.all(networkId) });
      navigate(`/networks/${networkId}/coaching-groups/${group.id}`);
    },
    onError: (error) => form.fail(error, { fields: Object.keys(labels) }),
  });

  const everyone: Member[] = people.flatMap((q) => q.data ?? []);
  const advice = groupSizeAdvice(selected.length);
  const send = sendWith(form, create, {
    body: (value) => {
      const errors = requireValues(value, ['name', 'facilitatorId'], t('errors.isRequired'));
      if (value.memberIds.length < 2) errors.fields.memberIds = t('errors.chooseOne');
      return (
        refusal(errors) ?? {
          name: value.name.trim(),
          memberIds: value.memberIds,
          facilitatorId: value.facilitatorId.trim(),
        }
      );
    },
    label: tc('coachingGroups.new.submit'),
    busyLabel: tc('coachingGroups.new.submitting'),
  });

  if (organizations.isError) {
    return (
      <Page title={tc('coachingGroups.new.title')}>
        <LoadError error={organizations.error} retry={() => void organizations.refetch()} />
      </Page>
    );
  }
  if (organizations.isPending || people.some((q) => q.isPending)) {
    return (
      <Page title={tc('coachingGroups.new.title')}>
        <Loading />
      </Page>
    );
  }
  const memberError = form.errors.fields.memberIds;
  return (
    <Page title={tc('coachingGroups.new.title')}>
      <p>{tGroupSource('definition', peerCoachingGroupDefinition.text)}</p>
      <SourceLine text={peerCoachingGroupDefinition} />
      <Form
        form={form}
        id="new-group"
        ids="name"
        labels={{ memberIds: labels.memberIds }}
        {...send}
      >
        <TextField path="name" name="name" label={labels.name} maxLength={120} required />
        <fieldset
          id="new-group-memberIds"
          tabIndex={-1}
          className={memberError ? 'field checkboxes invalid' : 'field checkboxes'}
          aria-describedby="new-group-memberIds-hint new-group-size"
        >
          <legend>{labels.memberIds}</legend>
          <p className="hint" id="new-group-memberIds-hint">
            {tc('coachingGroups.new.membersHint')}
          </p>
          {memberError ? (
            <p className="field-error">
              {labels.memberIds}: {memberError}
            </p>
          ) : null}
          {everyone.length === 0 ? <p>{tc('coachingGroups.new.noPeople')}</p> : null}
          {orgs.map((o, i) => {
            const members = people[i]?.data ?? [];
            if (members.length === 0) return null;
            return (
              <fieldset key={o.id} className="group">
                <legend>{tc('coachingGroups.new.organization', { name: o.name })}</legend>
                {members.map((p) => (
                  <div className="checkbox" key={p.id}>
                    <input
                      type="checkbox"
                      id={`member-${p.id}`}
                      checked={selected.includes(p.id)}
                      onChange={(e) =>
                        form.set(
                          'memberIds',
                          e.target.checked
                            ? [...selected, p.id]
                            : selected.filter((id) => id !== p.id),
                        )
                      }
                    />
                    <label htmlFor={`member-${p.id}`}>{p.name}</label>
                  </div>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
        <div
          id="new-group-size"
          role="status"
          className={
            advice.within || selected.length === 0 ? 'size-advice' : 'size-advice notice warning'
          }
        >
          {selected.length > 0 ? (
            <p>
              {tc('coachingGroups.new.selected', { count: selected.length })}{' '}
              {tc(`coachingGroups.new.${advice.direction}`, { count: selected.length })}
            </p>
          ) : null}
        </div>
        <details className="size-sources">
          <summary>{tc('coachingGroups.new.advice')}</summary>
          <ul>
            {[groupSizeGuidance.recommended, ...groupSizeGuidance.others].map((g) => (
              <li key={g.text}>
                “{tGroupSource(`size-${g.source}-${g.where}`, g.text)}” —{' '}
                {tc('coachingGroups.sourceNote', { source: g.source, where: g.where })}
              </li>
            ))}
          </ul>
        </details>
        <SelectField
          path="facilitatorId"
          label={labels.facilitatorId}
          hint={tc('coachingGroups.new.facilitatorHint')}
          placeholder={tc('coachingGroups.new.choosePerson')}
          options={everyone.map((p) => ({ value: p.id, label: p.name }))}
          required
        />
      </Form>
    </Page>
  );
}
