/**
 * Pieces shared by the peer coaching group screens: the figures a coordinator sees, the
 * line naming a source, and names of the group's people.
 */
import type { CoachingGroup, GroupStatus, SourcedText } from '@sisi/domain';
import { coachingGroupSources } from '@sisi/domain/static';
import type { ReactNode } from 'react';
import { Facts } from '../../components/coaching-facts.tsx';
import { useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate } from '../../i18n/index.ts';
import '../mentorships/mentorships.css';
import './coaching.css';

/** Where the group stands: counts and dates only (what coordinators and admins see). */
export function GroupFigures({
  status,
  headingLevel = 2,
}: {
  status: GroupStatus;
  headingLevel?: 2 | 3;
}) {
  const tc = useCoachingT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rows: [string, ReactNode][] = [
    [tc('coachingGroups.figures.members'), status.members],
    [tc('coachingGroups.figures.sessionsHeld'), status.sessionsHeld],
    [tc('coachingGroups.figures.sessionsPlanned'), status.sessionsPlanned],
    [
      tc('coachingGroups.figures.lastSession'),
      status.lastSessionDate
        ? formatDate(status.lastSessionDate)
        : tc('coachingGroups.figures.none'),
    ],
    [
      tc('coachingGroups.figures.nextSession'),
      status.nextSessionDate
        ? formatDate(status.nextSessionDate)
        : tc('coachingGroups.figures.none'),
    ],
    [
      tc('coachingGroups.figures.commitmentsOpen'),
      tc('coachingGroups.figures.commitmentsOpenValue', {
        open: status.commitmentsOpen,
        overdue: status.commitmentsOverdue,
        made: status.commitmentsMade,
      }),
    ],
    [
      tc('coachingGroups.figures.spirit'),
      status.spirit.set
        ? tc('coachingGroups.figures.spiritValue', {
            agreed: status.spirit.agreed,
            of: status.spirit.of,
          })
        : tc('coachingGroups.figures.spiritNotSet'),
    ],
    [tc('coachingGroups.figures.review'), tc(`coachingGroups.reviewStates.${status.review}`)],
  ];
  return (
    <>
      <Heading>{tc('coachingGroups.figures.heading')}</Heading>
      <Facts rows={rows} />
    </>
  );
}

/** What a part of a group's page is given: the group, and its people's names by id. */
export interface GroupPartProps {
  networkId: string;
  group: CoachingGroup;
  name: (id: string | undefined) => string;
}

/** "Source 003, “Key Questions”" under a quoted text. */
export function SourceLine({ text }: { text: Pick<SourcedText, 'source' | 'where'> }) {
  const tc = useCoachingT();
  return (
    <p className="source-line">
      <span title={coachingGroupSources[text.source]}>
        {tc('coachingGroups.sourceNote', { source: text.source, where: text.where })}
      </span>
    </p>
  );
}

/** Person id → name, from the group's people (members and first facilitator). */
export function peopleNames(group: CoachingGroup | undefined, unknown: string) {
  const names = new Map<string, string>();
  for (const p of [...(group?.members ?? []), ...(group ? [group.facilitator] : [])]) {
    names.set(p.id, p.name ?? unknown);
  }
  return (id: string | undefined) => (id ? (names.get(id) ?? unknown) : unknown);
}

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
export { today } from '../../clock.ts';
