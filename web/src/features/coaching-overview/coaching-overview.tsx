/**
 * The coordinator's overview of all coaching (issue 7, "coordinator views"): where every
 * peer coaching program, peer coaching group and Sisi Kwa Sisi coaching stands — sessions
 * held, commitments open, plans on track. Figures only: never what anyone wrote. Also the
 * "Coaching" landing page that links the three kinds of coaching.
 *
 * `/networks/:networkId/coaching-overview`, `/networks/:networkId/coaching`
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { Facts } from '../../components/coaching-facts.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  FiguresList,
  overviewPath,
  ProgramBadges,
  programBase,
  programsBase,
  useProgramRoles,
} from '../coaching-programs/coaching-program-parts.tsx';
import {
  type OverviewCoaching,
  type OverviewGroup,
  type OverviewProgram,
  overviewQuery,
} from '../coaching-programs/coaching-program-queries.ts';

export function CoachingLandingPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tp = useProgramT();
  const roles = useProgramRoles(networkId);
  return (
    <Page title={tp('programs.landing.title')}>
      <p className="lead">{tp('programs.landing.intro')}</p>
      <ul>
        <li>
          <Link href={programsBase(networkId)}>{tp('programs.landing.programs')}</Link>
        </li>
        <li>
          <Link href={`/networks/${networkId}/coaching-groups`}>
            {tp('programs.landing.groups')}
          </Link>
        </li>
        <li>
          <Link href={`/networks/${networkId}/sisi-kwa-sisi`}>
            {tp('programs.landing.sisiKwaSisi')}
          </Link>
        </li>
        {roles.oversees ? (
          <li>
            <Link href={overviewPath(networkId)}>{tp('programs.landing.overview')}</Link>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}

export function CoachingOverviewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tp = useProgramT();
  const overview = useQuery(overviewQuery(networkId));
  return (
    <Page title={tp('programs.overview.title')}>
      <p className="lead">{tp('programs.overview.intro')}</p>
      {overview.isError ? (
        <LoadError error={overview.error} retry={() => void overview.refetch()} />
      ) : !overview.data ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="overview-programs">
            <h2 id="overview-programs">{tp('programs.overview.programs')}</h2>
            {overview.data.truncated.programs ? (
              <p className="hint">{tp('programs.overview.truncated')}</p>
            ) : null}
            {overview.data.programs.length === 0 ? (
              <p>{tp('programs.overview.noPrograms')}</p>
            ) : null}
            <ul className="cards">
              {overview.data.programs.map((p) => (
                <ProgramRow key={p.id} networkId={networkId} p={p} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="overview-groups">
            <h2 id="overview-groups">{tp('programs.overview.groups')}</h2>
            {overview.data.truncated.groups ? (
              <p className="hint">{tp('programs.overview.truncated')}</p>
            ) : null}
            {overview.data.groups.length === 0 ? <p>{tp('programs.overview.noGroups')}</p> : null}
            <ul className="cards">
              {overview.data.groups.map((g) => (
                <GroupRow key={g.id} g={g} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="overview-coachings">
            <h2 id="overview-coachings">{tp('programs.overview.coachings')}</h2>
            {overview.data.truncated.coachings ? (
              <p className="hint">{tp('programs.overview.truncated')}</p>
            ) : null}
            {overview.data.coachings.length === 0 ? (
              <p>{tp('programs.overview.noCoachings')}</p>
            ) : null}
            <ul className="cards">
              {overview.data.coachings.map((c) => (
                <CoachingRow key={c.id} c={c} />
              ))}
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}

function ProgramRow({ networkId, p }: { networkId: string; p: OverviewProgram }) {
  const tp = useProgramT();
  return (
    <li className="card">
      <h3>
        <Link href={programBase(networkId, p.id)}>{p.name}</Link>
      </h3>
      <p>{tp('programs.list.organization', { name: p.organizationName })}</p>
      <ProgramBadges program={{ pilot: p.pilot, pairingMode: p.pairingMode }} />
      <FiguresList figures={p.figures} />
    </li>
  );
}

function GroupRow({ g }: { g: OverviewGroup }) {
  const tp = useProgramT();
  const s = g.status;
  const none = tp('programs.figures.none');
  return (
    <li className="card">
      <h3>{g.name}</h3>
      <Facts
        rows={[
          [tp('programs.overview.members'), String(s.members)],
          [tp('programs.overview.sessionsHeld'), String(s.sessionsHeld)],
          [tp('programs.overview.sessionsPlanned'), String(s.sessionsPlanned)],
          [
            tp('programs.overview.lastSession'),
            s.lastSessionDate ? formatDate(s.lastSessionDate) : none,
          ],
          [
            tp('programs.overview.nextSession'),
            s.nextSessionDate ? formatDate(s.nextSessionDate) : none,
          ],
          [tp('programs.overview.commitmentsOpen'), String(s.commitmentsOpen)],
          [tp('programs.overview.commitmentsOverdue'), String(s.commitmentsOverdue)],
          [
            tp('programs.overview.spirit'),
            tp('programs.figures.ofTotal', { n: s.spirit.agreed, total: s.spirit.of }),
          ],
          [tp('programs.overview.review'), tp(`programs.overview.reviews.${s.review}`)],
        ]}
      />
    </li>
  );
}

function CoachingRow({ c }: { c: OverviewCoaching }) {
  const tp = useProgramT();
  const none = tp('programs.figures.none');
  return (
    <li className="card">
      <h3>{tp('programs.overview.pair', { coach: c.coach.name, peer: c.peer.name })}</h3>
      <Facts
        rows={[
          [
            tp('programs.overview.status'),
            c.status === 'active' ? tp('programs.overview.active') : tp('programs.overview.closed'),
          ],
          [tp('programs.overview.sessionsHeld'), String(c.sessionsHeld)],
          [
            tp('programs.overview.lastSession'),
            c.lastSessionDate ? formatDate(c.lastSessionDate) : none,
          ],
          [tp('programs.overview.plan'), tp(`programs.overview.planStates.${c.plan.state}`)],
          [tp('programs.overview.stepsOpen'), String(c.plan.stepsOpen)],
        ]}
      />
    </li>
  );
}
