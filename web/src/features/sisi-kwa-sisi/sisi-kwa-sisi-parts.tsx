/**
 * Pieces shared by the Sisi Kwa Sisi coaching screens: the labels of the source's lists,
 * where a coaching stands (as a card), the links between the screens, and the picker of a
 * person of the network.
 */
import type { CoachingStatus, Member, User } from '@sisi/domain';
import { isActiveOrganization } from '@sisi/domain';
import {
  type LaoStep,
  leadAssistObserve,
  type PlanState,
  type StepState,
  sessionQualityScale,
  type ThematicArea,
  thematicAreaIds,
  thematicAreaLabel,
} from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { allMembersQuery, allOrganizationsQuery, meQuery } from '../../api/queries.ts';
import { getAt, SelectField, useFormContext } from '../../components/form/index.ts';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { formatDate } from '../../i18n/index.ts';
import './sisi-kwa-sisi.css';

/** A thematic area in the source's words (or a translation of them). */
export const areaLabel = (id: ThematicArea): string =>
  tSource(`areas.${id}`, thematicAreaLabel(id));

/**
 * A thematic area, chosen among the source's (inside a `Form`).
 * @example <AreaField path="area" label={ts('sisiKwaSisi.plan.area')} placeholder={…} />
 */
export function AreaField({
  path,
  label,
  placeholder,
}: {
  path: string;
  label: string;
  placeholder: string;
}) {
  return (
    <SelectField
      path={path}
      label={label}
      placeholder={placeholder}
      options={thematicAreaIds.map((id) => ({ value: id, label: areaLabel(id) }))}
    />
  );
}

/** "Lead", "Assist", "Observe". */
export const stepLabel = (id: LaoStep): string =>
  tSource(`lao.${id}`, leadAssistObserve.steps.find((s) => s.id === id)?.label ?? id);

/** "4 – Very good". */
export const qualityLabel = (value: number): string =>
  tSource(
    `quality.${value}`,
    sessionQualityScale.points.find((p) => p.value === value)?.label ?? String(value),
  );

/** Who the reader is, and what they may do on the coaching screens. */
export function useSisiRoles(networkId: string) {
  const me = useQuery(meQuery());
  const user: User | undefined = me.data;
  const inNetwork = user?.networkId === networkId;
  const isAdmin = inNetwork && !!user?.roles.includes('network-admin');
  const isCoordinator = inNetwork && !!user?.roles.includes('coordinator');
  return {
    me,
    user,
    isAdmin,
    isCoordinator,
    /** Admins and coordinators link peers to coaches and add coaches. */
    manages: isAdmin || isCoordinator,
  };
}

export const sisiBase = (networkId: string) => `/networks/${networkId}/sisi-kwa-sisi`;

/** The links between the Sisi Kwa Sisi screens. */
export function SisiLinks({ networkId, manages }: { networkId: string; manages: boolean }) {
  const ts = useSisiT();
  const base = sisiBase(networkId);
  return (
    <nav aria-label={ts('sisiKwaSisi.sections')}>
      <ul className="links sisi-links">
        <li>
          <Link href={base}>{ts('sisiKwaSisi.title')}</Link>
        </li>
        <li>
          <Link href={`${base}/coaches`}>{ts('sisiKwaSisi.links.pool')}</Link>
        </li>
        {manages ? (
          <li>
            <Link href={`${base}/new`}>{ts('sisiKwaSisi.links.new')}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`${base}/best-practices`}>{ts('sisiKwaSisi.links.library')}</Link>
        </li>
      </ul>
    </nav>
  );
}

const PLAN_BADGE: Record<PlanState, string> = {
  none: 'badge',
  'on-track': 'badge status-active',
  behind: 'badge status-failed',
  complete: 'badge status-active',
};

/** The plan's state as a badge whose text says it (colour only repeats it). */
export function PlanStateBadge({ state }: { state: PlanState }) {
  const ts = useSisiT();
  return (
    <span className={PLAN_BADGE[state]}>
      {ts('sisiKwaSisi.plan.stateLabel', { state: ts(`sisiKwaSisi.plan.states.${state}`) })}
    </span>
  );
}

/** A step's state in words: "Behind: past its date and not done". */
export function StepStateText({ state, id }: { state: StepState; id?: string }) {
  const ts = useSisiT();
  return (
    <p id={id} className={`step-state step-${state}`}>
      {state === 'behind' ? <span aria-hidden="true">⚠ </span> : null}
      {ts(`sisiKwaSisi.plan.stepState.${state}`)}
    </p>
  );
}

/** Whether the coaching is active or closed, and where its plan stands. */
export function CoachingBadges({ c }: { c: CoachingStatus }) {
  const ts = useSisiT();
  return (
    <p>
      <span className={c.status === 'active' ? 'badge' : 'badge status-invited'}>
        {c.status === 'active' ? ts('sisiKwaSisi.list.active') : ts('sisiKwaSisi.list.closed')}
      </span>
      <PlanStateBadge state={c.plan.state} />
    </p>
  );
}

/** Where one coaching stands: the figures coordinators see. */
export function CoachingCard({ networkId, c }: { networkId: string; c: CoachingStatus }) {
  const ts = useSisiT();
  return (
    <li className="card">
      <h3 className="card-title">
        <Link href={`${sisiBase(networkId)}/coachings/${c.id}`}>
          {ts('sisiKwaSisi.list.pair', { coach: c.coach.name, peer: c.peer.name })}
        </Link>
      </h3>
      <CoachingBadges c={c} />
      {c.myRole ? (
        <p>
          {ts('sisiKwaSisi.list.yourRole', {
            role: c.myRole === 'coach' ? ts('sisiKwaSisi.coach') : ts('sisiKwaSisi.peer'),
          })}
        </p>
      ) : null}
      <StatusFacts c={c} />
    </li>
  );
}

/** The status figures of a coaching as short lines. */
export function StatusFacts({ c }: { c: CoachingStatus }) {
  const ts = useSisiT();
  return (
    <ul className="status-facts">
      <li>{ts('sisiKwaSisi.list.sessionsHeld', { count: c.sessionsHeld })}</li>
      <li>
        {c.lastSessionDate
          ? ts('sisiKwaSisi.list.lastSession', { date: formatDate(c.lastSessionDate) })
          : ts('sisiKwaSisi.list.noSession')}
      </li>
      {c.averageQuality !== undefined ? (
        <li>{ts('sisiKwaSisi.list.averageQuality', { value: c.averageQuality })}</li>
      ) : null}
      {c.nextMeetingDate ? (
        <li>{ts('sisiKwaSisi.list.nextMeeting', { date: formatDate(c.nextMeetingDate) })}</li>
      ) : null}
      {c.plan.state !== 'none' ? (
        <>
          <li>
            {ts('sisiKwaSisi.plan.steps', { done: c.plan.stepsDone, total: c.plan.stepsTotal })}
          </li>
          {c.plan.stepsBehind > 0 ? (
            <li className="step-behind">
              {ts('sisiKwaSisi.plan.behindCount', { count: c.plan.stepsBehind })}
            </li>
          ) : null}
          <li>{ts('sisiKwaSisi.plan.open', { count: c.plan.stepsOpen })}</li>
          {c.plan.periodEnd ? (
            <li>{ts('sisiKwaSisi.plan.periodEnd', { date: formatDate(c.plan.periodEnd) })}</li>
          ) : null}
        </>
      ) : null}
    </ul>
  );
}

/**
 * A person of the network, picked by organization then name (inside a `Form`). An admin
 * chooses among every organization; anyone else sees their own organization's people only
 * (as the API lets them read). Another organization has other people: choosing it clears
 * the person.
 */
export function PersonPicker({
  networkId,
  organizationPath,
  personPath,
  labels,
  exclude = [],
}: {
  networkId: string;
  organizationPath: string;
  personPath: string;
  labels: {
    organization: string;
    chooseOrganization: string;
    person: string;
    choosePerson: string;
  };
  exclude?: readonly string[];
}) {
  const form = useFormContext();
  const organizationId = String(getAt(form.value, organizationPath) ?? '');
  const orgs = useQuery(allOrganizationsQuery(networkId));
  const members = useQuery({
    ...allMembersQuery(networkId, organizationId),
    enabled: !!organizationId,
  });
  const people: Member[] = (members.data ?? []).filter((m) => !exclude.includes(m.id));
  return (
    <>
      <SelectField
        path={organizationPath}
        label={labels.organization}
        placeholder={labels.chooseOrganization}
        options={(orgs.data ?? [])
          .filter(isActiveOrganization)
          .map((o) => ({ value: o.id, label: o.name }))}
        onChange={() => form.set(personPath, '')}
      />
      <SelectField
        path={personPath}
        label={labels.person}
        placeholder={labels.choosePerson}
        options={people.map((m) => ({ value: m.id, label: m.name }))}
      />
    </>
  );
}

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
export { today as todayIso } from '../../clock.ts';
