/**
 * Step 1 of Sisi Kwa Sisi coaching: "Identify Sisi Kwa Sisi coach … who has demonstrated
 * competency in a technical area, coached on TCI model including evidence-based
 * interventions, and is able and interested in coaching their peers." The pool of coaches
 * with their competency areas and evidence; admins and coordinators add people to it, and
 * only the person themself says they are willing.
 *
 * `/networks/:networkId/sisi-kwa-sisi/coaches`
 */
import type { Coach, CreateCoachInput } from '@sisi/domain';
import {
  DEFAULT_MAX_PEERS,
  MAX_PEERS_LIMIT,
  type ThematicArea,
  thematicAreaIds,
} from '@sisi/domain/static';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useParams } from 'wouter';
import {
  CheckboxField,
  newKey,
  optional,
  present,
  problemMessage,
  type Row,
  sendWith,
  TextField,
} from '../../components/form/index.ts';
import { Page, StatusMessage } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { useT } from '../../i18n/index.ts';
import { SisiForm, sendErrors, useCreateForm } from './sisi-kwa-sisi-form.tsx';
import {
  AreaField,
  areaLabel,
  PersonPicker,
  SisiLinks,
  useSisiRoles,
} from './sisi-kwa-sisi-parts.tsx';
import { addCoach, coachesQuery, setWillingness, sisiKeys } from './sisi-kwa-sisi-queries.ts';

export function SisiKwaSisiCoachesPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const ts = useSisiT();
  const roles = useSisiRoles(networkId);
  const [area, setArea] = useState<ThematicArea | ''>('');
  const list = useInfiniteQuery(coachesQuery(networkId, area || undefined));
  const filterId = useId();
  return (
    <Page title={ts('sisiKwaSisi.pool.title')}>
      <SisiLinks networkId={networkId} manages={roles.manages} />
      <p>{ts('sisiKwaSisi.pool.intro')}</p>
      <div className="field">
        <label htmlFor={filterId}>{ts('sisiKwaSisi.pool.filter')}</label>
        <select
          id={filterId}
          value={area}
          onChange={(e) => setArea(e.currentTarget.value as ThematicArea | '')}
        >
          <option value="">{ts('sisiKwaSisi.pool.allAreas')}</option>
          {thematicAreaIds.map((id) => (
            <option key={id} value={id}>
              {areaLabel(id)}
            </option>
          ))}
        </select>
      </div>
      <PagedCards
        query={list}
        empty={ts('sisiKwaSisi.pool.empty')}
        card={(c) => (
          <CoachCard
            key={c.personId}
            networkId={networkId}
            coach={c}
            isMe={c.personId === roles.user?.id}
          />
        )}
      />
      {roles.manages ? (
        <AddCoach
          networkId={networkId}
          ownOrganization={roles.isAdmin ? '' : (roles.user?.organizationId ?? '')}
        />
      ) : null}
    </Page>
  );
}

function CoachCard({
  networkId,
  coach: c,
  isMe,
}: {
  networkId: string;
  coach: Coach;
  isMe: boolean;
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const willing = useMutation({
    mutationFn: (value: boolean) => setWillingness(networkId, c.personId, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sisiKeys.coaches(networkId) }),
  });
  return (
    <li className="card">
      <h3 className="card-title">{c.name}</h3>
      <p>
        <span className={c.willing ? 'badge status-active' : 'badge status-invited'}>
          {c.willing ? ts('sisiKwaSisi.pool.willing') : ts('sisiKwaSisi.pool.notWilling')}
        </span>
      </p>
      <p>{ts('sisiKwaSisi.pool.places', { active: c.activeCoachings, max: c.maxPeers })}</p>
      {c.city ? <p>{ts('sisiKwaSisi.pool.city', { city: c.city })}</p> : null}
      {c.coachedOnTciModel ? <p>{ts('sisiKwaSisi.pool.tci')}</p> : null}
      <dl className="facts">
        {c.areas.map((a) => (
          <div key={a.area}>
            <dt>{areaLabel(a.area)}</dt>
            <dd>
              {a.evidence ? (
                <p className="note-text">{a.evidence}</p>
              ) : a.links.length === 0 ? (
                <p>{ts('sisiKwaSisi.pool.noEvidence')}</p>
              ) : null}
              {a.links.length ? (
                <ul>
                  {a.links.map((href) => (
                    <li key={href} className="break">
                      <a href={href} rel="noopener noreferrer" target="_blank">
                        {href}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      {isMe ? (
        <>
          <p>{ts('sisiKwaSisi.pool.you')}</p>
          <div className="actions">
            <button
              type="button"
              className={c.willing ? undefined : 'primary'}
              aria-disabled={willing.isPending || undefined}
              onClick={() => {
                if (!willing.isPending) willing.mutate(!c.willing);
              }}
            >
              {c.willing ? ts('sisiKwaSisi.pool.withdraw') : ts('sisiKwaSisi.pool.confirm')}
            </button>
            <span className="busy" role="status">
              {willing.isSuccess ? ts('sisiKwaSisi.pool.saved') : ''}
            </span>
          </div>
          <p className="hint">{ts('sisiKwaSisi.pool.confirmHint')}</p>
          {willing.isError ? (
            <p className="field-error" role="alert">
              {problemMessage(willing.error, t)}
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

type AreaRow = Row & { area: string; evidence: string; links: string };
type CoachDraft = {
  organizationId: string;
  personId: string;
  city: string;
  areas: AreaRow[];
  coachedOnTciModel: boolean;
  maxPeers: string;
};

const areaRow = (): AreaRow => ({ _key: newKey(), area: '', evidence: '', links: '' });
const emptyDraft = (organizationId: string): CoachDraft => ({
  organizationId,
  personId: '',
  city: '',
  areas: [areaRow()],
  coachedOnTciModel: false,
  maxPeers: String(DEFAULT_MAX_PEERS),
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function toBody(d: CoachDraft): CreateCoachInput {
  return {
    personId: present(d.personId),
    city: optional(d.city),
    areas: d.areas.map((a) => ({
      area: present<ThematicArea>(a.area),
      evidence: optional(a.evidence),
      links: lines(a.links),
    })),
    coachedOnTciModel: d.coachedOnTciModel,
    maxPeers: d.maxPeers.trim() ? Number(d.maxPeers) : undefined,
  };
}

/** Links are one per line: the API's `areas.0.links.1` is the row's links box. */
const formPaths = (errors: readonly { path: string; message: string }[]) =>
  errors.map((e) => ({ ...e, path: e.path.replace(/\.links\.\d+$/, '.links') }));

function AddCoach({ networkId, ownOrganization }: { networkId: string; ownOrganization: string }) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const { form, key, done, created } = useCreateForm(() => emptyDraft(ownOrganization));
  const sent = useRef(form.value);

  const add = useMutation({
    mutationFn: (body: CreateCoachInput) => addCoach(networkId, body, key),
    onMutate: () => {
      sent.current = form.value;
    },
    onSuccess: async (coach) => {
      created(ts('sisiKwaSisi.pool.added', { name: coach.name }));
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coaches(networkId) });
    },
    onError: (error) =>
      form.setErrors(
        sendErrors(error, t, sent.current, {
          conflict: { fields: { personId: ts('sisiKwaSisi.pool.taken') } },
          paths: formPaths,
        }),
      ),
  });

  const send = sendWith(form, add, {
    body: toBody,
    label: ts('sisiKwaSisi.pool.submit'),
    busyLabel: ts('sisiKwaSisi.pool.submitting'),
  });

  return (
    <section aria-labelledby="add-coach-heading">
      <h2 id="add-coach-heading">{ts('sisiKwaSisi.pool.add')}</h2>
      <p>{ts('sisiKwaSisi.pool.addIntro')}</p>
      <StatusMessage message={done} />
      <SisiForm form={form} id="add-coach" labelledBy="add-coach-heading" {...send}>
        <PersonPicker
          networkId={networkId}
          organizationPath="organizationId"
          personPath="personId"
          labels={{
            organization: ts('sisiKwaSisi.pool.organization'),
            chooseOrganization: ts('sisiKwaSisi.pool.chooseOrganization'),
            person: ts('sisiKwaSisi.pool.person'),
            choosePerson: ts('sisiKwaSisi.pool.choosePerson'),
          }}
        />
        <TextField path="city" label={ts('sisiKwaSisi.coaching.city')} maxLength={100} />
        <RepeatableList<AreaRow>
          path="areas"
          legend={ts('sisiKwaSisi.pool.competency')}
          itemLabel={(n) => ts('sisiKwaSisi.pool.areaN', { n })}
          addLabel={ts('sisiKwaSisi.pool.addArea')}
          removeLabel={(n) => ts('sisiKwaSisi.pool.removeArea', { n })}
          newRow={areaRow}
          max={thematicAreaIds.length}
        >
          {(_r, rowPath) => (
            <>
              <AreaField
                path={`${rowPath}.area`}
                label={ts('sisiKwaSisi.plan.area')}
                placeholder={ts('sisiKwaSisi.plan.chooseArea')}
              />
              <TextField
                path={`${rowPath}.evidence`}
                label={ts('sisiKwaSisi.pool.evidence')}
                hint={ts('sisiKwaSisi.pool.evidenceHint')}
                rows={3}
                maxLength={2000}
              />
              <TextField
                path={`${rowPath}.links`}
                label={ts('sisiKwaSisi.pool.links')}
                hint={ts('sisiKwaSisi.pool.linksHint')}
                rows={2}
              />
            </>
          )}
        </RepeatableList>
        <CheckboxField path="coachedOnTciModel" label={ts('sisiKwaSisi.pool.tci')} />
        <TextField
          path="maxPeers"
          type="number"
          min={1}
          max={MAX_PEERS_LIMIT}
          label={ts('sisiKwaSisi.pool.maxPeers')}
        />
      </SisiForm>
    </section>
  );
}
