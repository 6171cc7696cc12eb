/**
 * One peer coaching group: its people, the "Spirit in which we will work" with each
 * member's agreement, its sessions and who facilitates them, the review after the third
 * session, and where it stands. Coordinators and admins see the people, dates and figures;
 * the spirit's text and everything said in sessions are for the group's members.
 *
 * `/networks/:networkId/coaching-groups/:groupId`
 */
import type { CoachingGroup } from '@sisi/domain';
import { criticalSuccessFactors, facilitationTexts, facilitatorRoles } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { GroupFigures, peopleNames, SourceLine } from './coaching-group-parts.tsx';
import { coachingGroupQuery } from './coaching-group-queries.ts';
import { Review } from './coaching-group-review.tsx';
import { Sessions } from './coaching-group-sessions.tsx';
import { Spirit } from './coaching-group-spirit.tsx';

/** `/networks/:networkId/coaching-groups/:groupId` */
export function CoachingGroupPage() {
  const { networkId = '', groupId = '' } = useParams<{ networkId: string; groupId: string }>();
  const tc = useCoachingT();
  const group = useQuery(coachingGroupQuery(networkId, groupId));
  if (group.isError) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <LoadError error={group.error} retry={() => void group.refetch()} />
      </Page>
    );
  }
  if (!group.data) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <Loading />
      </Page>
    );
  }
  return <GroupView networkId={networkId} group={group.data} />;
}

function GroupView({ networkId, group: g }: { networkId: string; group: CoachingGroup }) {
  const tc = useCoachingT();
  const name = peopleNames(g, tc('coachingGroups.group.unknownPerson'));
  const ofGroup = g.access !== 'overview';
  const base = `/networks/${networkId}/coaching-groups/${g.id}`;
  return (
    <Page title={g.name}>
      <p>
        <Link href={`/networks/${networkId}/coaching-groups`}>{tc('coachingGroups.title')}</Link>
      </p>
      <p>
        <span className="badge">{tc(`coachingGroups.access.${g.access}`)}</span>
      </p>
      {ofGroup ? null : (
        <div className="notice info">
          <p>{tc('coachingGroups.group.overviewNote')}</p>
        </div>
      )}
      {g.sizeAdvice.within ? null : (
        <div className="notice warning">
          <p>{tc('coachingGroups.group.sizeWarning', { count: g.sizeAdvice.size })}</p>
        </div>
      )}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{tc('coachingGroups.group.membersHeading')}</h2>
        <ul className="people">
          {g.members.map((m) => (
            <li key={m.id}>
              <span className="person-name">{name(m.id)}</span>{' '}
              {g.spirit ? (
                <span className={m.agreedToSpirit ? 'badge status-active' : 'badge status-invited'}>
                  {m.agreedToSpirit
                    ? tc('coachingGroups.group.agreed')
                    : tc('coachingGroups.group.notAgreed')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          {tc('coachingGroups.group.facilitatorLine', { name: name(g.facilitator.id) })}{' '}
          {g.facilitator.isMember
            ? tc('coachingGroups.group.facilitatorMember')
            : tc('coachingGroups.group.facilitatorOutside')}
        </p>
        {g.access === 'member' ? (
          <p>
            <Link href={`${base}/worksheet`}>{tc('coachingGroups.group.worksheetLink')}</Link>
          </p>
        ) : null}
      </section>

      <Spirit networkId={networkId} group={g} />
      <Sessions networkId={networkId} group={g} name={name} />
      <Review networkId={networkId} group={g} name={name} />
      <GroupFigures status={g.status} />

      <details className="guidance">
        <summary>{tc('coachingGroups.group.guidance')}</summary>
        <h3>{criticalSuccessFactors.title}</h3>
        <ul>
          {criticalSuccessFactors.items.map((item) => (
            <li key={item}>{tGroupSource(`csf-${item}`, item)}</li>
          ))}
        </ul>
        <SourceLine text={criticalSuccessFactors} />
        <h3>{facilitatorRoles.title}</h3>
        {facilitatorRoles.roles.map((r) => (
          <div key={r.id}>
            <h4>{r.name}</h4>
            <ul>
              {r.items.map((item) => (
                <li key={item}>{tGroupSource(`role-${r.id}-${item}`, item)}</li>
              ))}
            </ul>
          </div>
        ))}
        <SourceLine text={facilitatorRoles} />
        <p>{tGroupSource('facilitation-skills', facilitationTexts.skills.text)}</p>
        <SourceLine text={facilitationTexts.skills} />
      </details>
    </Page>
  );
}
