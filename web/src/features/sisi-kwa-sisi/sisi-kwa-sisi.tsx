/**
 * Sisi Kwa Sisi coaching (seed 000): what it is, in the source's words, and the coachings
 * the reader may see with where each stands. The coach and the peer open theirs in full;
 * coordinators and admins see the status figures (sessions held, last session, quality,
 * the plan on track or behind), never the content.
 *
 * `/networks/:networkId/sisi-kwa-sisi`
 */
import {
  leadAssistObserve,
  sisiKwaSisiIntro,
  sisiKwaSisiOutcomes,
  sisiKwaSisiSteps,
  sisiKwaSisiTips,
} from '@sisi/domain/static';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { Page, StatusMessage } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import type { FlashState } from '../organizations/organization.tsx';
import { CoachingCard, SisiLinks, useSisiRoles } from './sisi-kwa-sisi-parts.tsx';
import { coachingsQuery } from './sisi-kwa-sisi-queries.ts';

export function SisiKwaSisiPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const ts = useSisiT();
  const roles = useSisiRoles(networkId);
  const flash = useHistoryState<FlashState | null>()?.flash;
  return (
    <Page title={ts('sisiKwaSisi.title')}>
      <StatusMessage message={flash} />
      <p className="lead">{sisiKwaSisiIntro.text}</p>
      <SisiLinks networkId={networkId} manages={roles.manages} />
      <Coachings networkId={networkId} manages={roles.manages} />
      <Guide />
    </Page>
  );
}

function Coachings({ networkId, manages }: { networkId: string; manages: boolean }) {
  const ts = useSisiT();
  const [status, setStatus] = useState<'' | 'active' | 'closed'>('');
  const list = useInfiniteQuery(coachingsQuery(networkId, status || undefined));
  const filterId = useId();
  return (
    <section aria-labelledby="coachings-heading">
      <h2 id="coachings-heading">
        {manages ? ts('sisiKwaSisi.list.headingManager') : ts('sisiKwaSisi.list.heading')}
      </h2>
      {manages ? <p>{ts('sisiKwaSisi.list.managerNote')}</p> : null}
      <div className="field">
        <label htmlFor={filterId}>{ts('sisiKwaSisi.list.filterLabel')}</label>
        <select
          id={filterId}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
        >
          <option value="">{ts('sisiKwaSisi.list.filterAll')}</option>
          <option value="active">{ts('sisiKwaSisi.list.filterActive')}</option>
          <option value="closed">{ts('sisiKwaSisi.list.filterClosed')}</option>
        </select>
      </div>
      <PagedCards
        query={list}
        empty={ts('sisiKwaSisi.list.empty')}
        card={(c) => <CoachingCard key={c.id} networkId={networkId} c={c} />}
      />
    </section>
  );
}

/** The source: outcomes, steps, the Lead – Assist – Observe model and the tips. */
function Guide() {
  const ts = useSisiT();
  return (
    <>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{ts('sisiKwaSisi.steps')}</h2>
        <ol>
          {sisiKwaSisiSteps.map((s) => (
            <li key={s.id}>
              <strong>{tSource(`steps.${s.id}.title`, s.title)}</strong>{' '}
              {tSource(`steps.${s.id}.text`, s.text)}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="model-heading">
        <h2 id="model-heading">{ts('sisiKwaSisi.model')}</h2>
        <p className="hint">{ts('sisiKwaSisi.modelNote')}</p>
        <ol className="lao">
          {leadAssistObserve.steps.map((s) => (
            <li key={s.id}>
              <p className="step-name">{tSource(`lao.${s.id}`, s.label)}</p>
              <p>{tSource(`lao.${s.id}.coach`, s.coach)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{ts('sisiKwaSisi.outcomes')}</h2>
        <ul>
          {sisiKwaSisiOutcomes.map((o, i) => (
            <li key={o}>{tSource(`outcomes.${i}`, o)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tips-heading">
        <h2 id="tips-heading">{ts('sisiKwaSisi.tips')}</h2>
        <ul>
          {sisiKwaSisiTips.map((tip) => (
            <li key={tip.id}>{tSource(`tips.${tip.id}`, tip.text)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
