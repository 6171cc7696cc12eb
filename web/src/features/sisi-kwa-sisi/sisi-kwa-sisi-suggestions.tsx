/** The coaches suggested for a needs assessment, each with the reasons and points behind it. */
import type { CoachSuggestion, MatchReason, NeedsAssessmentInput } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { idempotencyKey } from '../../api/client.ts';
import { problemMessage } from '../../components/form/index.ts';
import { type SisiKwaSisiTranslate, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { useT } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import { areaLabel, sisiBase } from './sisi-kwa-sisi-parts.tsx';
import { createCoaching, type SuggestionsResult, sisiKeys } from './sisi-kwa-sisi-queries.ts';

const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);

/** A reason of a suggestion in the reader's language, with its points. */
export function reasonText(ts: SisiKwaSisiTranslate, r: MatchReason): string {
  const points = `(${signed(r.points)})`;
  switch (r.kind) {
    case 'area':
      return `${ts('sisiKwaSisi.assessment.reasons.area', {
        area: areaLabel(r.area),
        priority: ts(`sisiKwaSisi.assessment.priorities.${r.priority}`),
      })} ${points}`;
    case 'evidence':
      return `${ts('sisiKwaSisi.assessment.reasons.evidence', { area: areaLabel(r.area) })} ${points}`;
    case 'same-city':
      return `${ts('sisiKwaSisi.assessment.reasons.same-city', { city: r.city })} ${points}`;
    case 'load':
      return `${ts('sisiKwaSisi.assessment.reasons.load', { count: r.activeCoachings })} ${points}`;
    default:
      return `${ts(`sisiKwaSisi.assessment.reasons.${r.kind}`)} ${points}`;
  }
}

/** The suggested coaches for the assessment, for the coordinator to choose one. */
export function Suggestions({
  networkId,
  peerId,
  assessment,
  data,
  headingRef,
}: {
  networkId: string;
  peerId: string;
  assessment: NeedsAssessmentInput;
  data: SuggestionsResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const ts = useSisiT();
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" ref={headingRef} tabIndex={-1}>
        {ts('sisiKwaSisi.assessment.suggestions')}
      </h2>
      <p>{ts('sisiKwaSisi.assessment.suggestionsIntro')}</p>
      {data.suggestions.length === 0 ? (
        <p>{ts('sisiKwaSisi.assessment.none')}</p>
      ) : (
        <ol className="cards">
          {data.suggestions.map((s) => (
            <SuggestionCard
              key={s.personId}
              networkId={networkId}
              peerId={peerId}
              assessment={assessment}
              s={s}
            />
          ))}
        </ol>
      )}
      {data.excluded.length > 0 ? (
        <>
          <h3>{ts('sisiKwaSisi.assessment.excluded')}</h3>
          <ul>
            {data.excluded.map((e) => (
              <li key={e.personId}>
                {ts('sisiKwaSisi.assessment.excludedEntry', {
                  name: e.name,
                  reason: ts(`sisiKwaSisi.assessment.excludedReasons.${e.reason}`),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function SuggestionCard({
  networkId,
  peerId,
  assessment,
  s,
}: {
  networkId: string;
  peerId: string;
  assessment: NeedsAssessmentInput;
  s: CoachSuggestion;
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const [key] = useState(idempotencyKey);
  const link = useMutation({
    mutationFn: () =>
      createCoaching(networkId, { coachId: s.personId, peerId, needsAssessment: assessment }, key),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: sisiKeys.all(networkId) });
      const state: FlashState = {
        flash: ts('sisiKwaSisi.assessment.linked', { peer: c.peer.name, coach: c.coach.name }),
      };
      navigate(`${sisiBase(networkId)}/coachings/${c.id}`, { state });
    },
  });
  return (
    <li className="card">
      <h3 className="card-title">{s.name}</h3>
      <p>
        <span className="badge">{ts('sisiKwaSisi.assessment.score', { score: s.score })}</span>
        {ts('sisiKwaSisi.assessment.freePlaces', { count: s.freePlaces })}
      </p>
      <ul className="reasons">
        {s.reasons.map((r) => (
          <li key={`${r.kind}-${'area' in r ? r.area : ''}`}>{reasonText(ts, r)}</li>
        ))}
      </ul>
      {link.isError ? (
        <p className="field-error" role="alert">
          {problemMessage(link.error, t)}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          aria-disabled={link.isPending || undefined}
          onClick={() => {
            if (!link.isPending) link.mutate();
          }}
        >
          {ts('sisiKwaSisi.assessment.choose', { name: s.name })}
        </button>
        <span className="busy" role="status">
          {link.isPending ? ts('sisiKwaSisi.assessment.linking') : ''}
        </span>
      </div>
    </li>
  );
}
