/**
 * Peer coaching programs (seed 002): the programs the reader sees and those they take part
 * in, and how a program is designed (the guide's own words); the form that designs one is
 * `coaching-program-new.tsx`.
 *
 * `/networks/:networkId/coaching-programs`
 */
import {
  programCoachingDefinition,
  programDesignElements,
  programExpectations,
  programRoles,
  programSections,
  selectionCriteria,
} from '@sisi/domain/static';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { Page, StatusMessage } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { tProgramText, useProgramT } from '../../i18n/en-programs.ts';
import type { FlashState } from '../organizations/organization.tsx';
import {
  overviewPath,
  ProgramBadges,
  programBase,
  programsBase,
  useProgramRoles,
} from './coaching-program-parts.tsx';
import { programsQuery } from './coaching-program-queries.ts';

/** `/networks/:networkId/coaching-programs` */
export function ProgramsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tp = useProgramT();
  const roles = useProgramRoles(networkId);
  const flash = useHistoryState<FlashState | null>()?.flash;
  return (
    <Page title={tp('programs.title')}>
      <StatusMessage message={flash} />
      <p className="lead">{tp('programs.intro')}</p>
      {roles.oversees ? (
        <p className="links">
          <Link href={`${programsBase(networkId)}/new`} className="button primary">
            {tp('programs.list.create')}
          </Link>
          <Link href={overviewPath(networkId)}>{tp('programs.list.overview')}</Link>
        </p>
      ) : null}
      <ProgramList
        networkId={networkId}
        mine={false}
        heading={roles.isAdmin ? tp('programs.list.headingAdmin') : tp('programs.list.heading')}
        empty={tp('programs.list.empty')}
      />
      <ProgramList
        networkId={networkId}
        mine
        heading={tp('programs.list.mine')}
        empty={tp('programs.list.mineEmpty')}
      />
      <DesignGuide />
    </Page>
  );
}

function ProgramList({
  networkId,
  mine,
  heading,
  empty,
}: {
  networkId: string;
  mine: boolean;
  heading: string;
  empty: string;
}) {
  const list = useInfiniteQuery(programsQuery(networkId, mine));
  const id = mine ? 'programs-mine' : 'programs-visible';
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <PagedCards
        query={list}
        empty={empty}
        card={(p) => (
          <li className="card" key={p.id}>
            <h3>
              <Link href={programBase(networkId, p.id)}>{p.name}</Link>
            </h3>
            <ProgramBadges program={p} />
            <p className="break">{p.objectives[0]}</p>
          </li>
        )}
      />
    </section>
  );
}

/** Seed 002's design elements under its own headings, then the criteria, roles and expectations. */
export function DesignGuide() {
  const tp = useProgramT();
  return (
    <section aria-labelledby="design-heading">
      <h2 id="design-heading">{tp('programs.design.heading')}</h2>
      <p className="hint">{tp('programs.design.sourceNote')}</p>
      <p>{programCoachingDefinition.text}</p>
      {programSections.map((section) => (
        <details key={section.id}>
          <summary>{tProgramText(`sections.${section.id}`, section.title)}</summary>
          {programDesignElements
            .filter((e) => e.section === section.id)
            .map((e) => (
              <div key={e.id}>
                <h3>{tProgramText(`design.${e.id}.title`, e.title)}</h3>
                <p>{tProgramText(`design.${e.id}.text`, e.text)}</p>
              </div>
            ))}
        </details>
      ))}
      <details>
        <summary>{tp('programs.design.criteria')}</summary>
        <p className="hint">{tp('programs.design.criteriaNote')}</p>
        <ul>
          {selectionCriteria.map((c) => (
            <li key={c.id}>{tProgramText(`criteria.${c.id}`, c.text)}</li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{tp('programs.design.roles')}</summary>
        {programRoles.map((r) => (
          <div key={r.id}>
            <h3>{tProgramText(`roles.${r.id}.name`, r.name)}</h3>
            <ul>
              {r.duties.map((d, i) => (
                <li key={d}>{tProgramText(`roles.${r.id}.${i}`, d)}</li>
              ))}
            </ul>
          </div>
        ))}
      </details>
      <details>
        <summary>{tp('programs.design.expectations')}</summary>
        <dl className="facts">
          {programExpectations.map((e) => (
            <div key={e.id}>
              <dt>{tProgramText(`expectations.${e.id}.name`, e.name)}</dt>
              <dd>{tProgramText(`expectations.${e.id}.text`, e.text)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
