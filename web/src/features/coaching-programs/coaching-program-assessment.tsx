/**
 * The self-assessment of core coaching competencies: a participant's own baseline and
 * follow-ups showing change, and the program's aggregate for its coordinator.
 */
import { coachingCompetencies, competencyScale } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FormErrors, noErrors, sendWith } from '../../components/form/index.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { tProgramText, useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import {
  competencyName,
  RatingsForm,
  scaleOf,
  unrated,
} from './coaching-program-feedback-parts.tsx';
import { errorsOf, type ProgramPartProps, RatingGroup, signed } from './coaching-program-parts.tsx';
import {
  assessmentSummaryQuery,
  myAssessmentsQuery,
  postAssessment,
  programKeys,
} from './coaching-program-queries.ts';

type AssessmentBody = Parameters<typeof postAssessment>[2];

/** A participant's own self-assessments, and the form for the next one. */
export function Mine({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const mine = useQuery(myAssessmentsQuery(networkId, program.id));
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const kind: AssessmentBody['kind'] = mine.data?.items.some((a) => a.kind === 'baseline')
    ? 'follow-up'
    : 'baseline';
  const labels = Object.fromEntries(
    coachingCompetencies.map((c) => [`ratings.${c.id}`, competencyName(c.id)]),
  );
  const save = useMutation({
    mutationFn: (body: AssessmentBody) => postAssessment(networkId, program.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setRatings({});
      setErrors(noErrors);
      onDone(tp('programs.assessment.saved'));
    },
    onError: (e) => setErrors(errorsOf(e, [...Object.keys(labels), 'ratings', 'kind'], t)),
  });
  const send = sendWith({ value: ratings, setErrors }, save, {
    body: (rated) =>
      unrated(rated, `ratings.${coachingCompetencies[0].id}`) ?? { kind, ratings: rated },
    label: tp('programs.assessment.submit'),
    busyLabel: tp('programs.assessment.submitting'),
  });
  if (mine.isError) return <LoadError error={mine.error} retry={() => void mine.refetch()} />;
  if (!mine.data) return <Loading />;
  const headingId = 'assessment-form-heading';
  return (
    <>
      {mine.data.items.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{tp('programs.assessment.mine')}</h2>
          <dl className="facts">
            {mine.data.change.map((c) => (
              <div key={c.competencyId}>
                <dt>{competencyName(c.competencyId)}</dt>
                <dd>
                  {tp('programs.assessment.baseline')}:{' '}
                  {c.baseline ?? tp('programs.assessment.noChange')}
                  {' · '}
                  {tp('programs.assessment.followUp')}:{' '}
                  {c.latest ?? tp('programs.assessment.noChange')}
                  {' · '}
                  {tp('programs.assessment.change')}:{' '}
                  {c.change === undefined ? tp('programs.assessment.noChange') : signed(c.change)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>
          {kind === 'baseline'
            ? tp('programs.assessment.takeBaseline')
            : tp('programs.assessment.takeFollowUp')}
        </h2>
        <RatingsForm
          headingId={headingId}
          errors={errors}
          labels={labels}
          value={ratings}
          {...send}
        >
          {coachingCompetencies.map((c) => (
            <RatingGroup
              key={c.id}
              name={`ratings.${c.id}`}
              legend={competencyName(c.id)}
              hint={tProgramText(`competencies.${c.id}.statement`, c.statement)}
              scale={scaleOf(competencyScale, 'competencyScale')}
              value={ratings[c.id]}
              onChange={(v) => setRatings((r) => ({ ...r, [c.id]: v }))}
              error={errors.fields[`ratings.${c.id}`]}
            />
          ))}
        </RatingsForm>
      </section>
    </>
  );
}

/** The program's aggregate self-assessment, for its coordinator. */
export function AssessmentSummary({
  networkId,
  programId,
}: {
  networkId: string;
  programId: string;
}) {
  const tp = useProgramT();
  const summary = useQuery(assessmentSummaryQuery(networkId, programId));
  if (summary.isError)
    return <LoadError error={summary.error} retry={() => void summary.refetch()} />;
  if (!summary.data) return <Loading />;
  const s = summary.data;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{tp('programs.assessment.summary')}</h2>
      <p className="hint">{tp('programs.assessment.summaryNote', { n: s.minimumCount })}</p>
      {s.overallMeanChange === undefined ? null : (
        <p>{tp('programs.assessment.overall', { change: signed(s.overallMeanChange) })}</p>
      )}
      <dl className="facts">
        {s.competencies.map((c) => (
          <div key={c.competencyId}>
            <dt>{competencyName(c.competencyId)}</dt>
            <dd>
              {tp('programs.assessment.counts', { baseline: c.baselineCount, both: c.changeCount })}
              {' · '}
              {c.meanChange === undefined
                ? tp('programs.assessment.withheld')
                : tp('programs.assessment.means', {
                    baseline: c.baselineMean,
                    latest: c.latestMean,
                    change: signed(c.meanChange),
                  })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
