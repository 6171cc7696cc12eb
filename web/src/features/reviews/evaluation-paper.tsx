/** The evaluation form on paper: blank, or one organization's answers, to print. */
import type { EvaluationContent, EvaluationRecord } from '@sisi/domain';
import type { EvaluationResultRow } from '@sisi/domain/static';
import { tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  activityLabel,
  answerOf,
  areaLabel,
  F,
  numbered,
  type QuestionId,
  resultLabel,
} from './evaluation-model.ts';
import { PaperBox, PaperLines } from './reflection-parts.tsx';

/** The paper form: blank, or one organization's answers in the paper's layout. */
export function PaperEvaluation({
  record,
  organizationName,
}: {
  record?: EvaluationRecord;
  organizationName?: string;
}) {
  const tr = useReflectionT();
  const c = record?.content;
  const lines = (value: string | undefined, count = 2) =>
    value ? (
      <p className="paper-answer">{value}</p>
    ) : (
      <PaperLines label={tr('reflection.paper.answerLines')} count={count} />
    );
  const q = (id: QuestionId) => <p className="item-text">{numbered(id)}</p>;
  return (
    <article className="paper" aria-labelledby="paper-title">
      <h2 id="paper-title">
        {tr('reflection.annex', { annex: F.annex, title: tPaper('evaluation.title', F.title) })}
        {organizationName ? `: ${organizationName}` : ''}
      </h2>
      <h3>{tPaper('evaluation.instructionsHeading', F.instructionsHeading)}</h3>
      <p>{tPaper('evaluation.instructions', F.instructions)}</p>
      {q('mentors')}
      {lines(c?.mentors, 1)}
      {q('mentees')}
      {lines(c?.mentees, 1)}
      {q('matched-for')}
      {lines(c?.matchedFor, 1)}
      {q('technical-areas')}
      <ul className="paper-options paper-columns">
        {F.technicalAreas.map((a) => (
          <li key={a.id}>
            <PaperBox checked={!!c?.technicalAreas.includes(a.id)} /> {areaLabel(a.id)}
            {a.id === 'other' && c?.otherTechnicalArea ? `: ${c.otherTechnicalArea}` : ''}
          </li>
        ))}
      </ul>
      {q('activities')}
      <ul className="paper-options">
        {F.activities.map((a) => (
          <li key={a.id}>
            <PaperBox checked={!!c?.activities.includes(a.id)} /> {activityLabel(a.id)}
          </li>
        ))}
      </ul>
      {q('intended-outcome')}
      {lines(c?.intendedOutcome)}
      <p className="item-text">
        {numbered('outcome-changed')}{' '}
        {tPaper('evaluation.outcome-changed.followUp', 'If yes, how?')}
      </p>
      {lines(answerOf(tr, 'outcome-changed', c ?? emptyContent))}
      {q('outcome-achieved')}
      {lines(answerOf(tr, 'outcome-achieved', c ?? emptyContent))}
      {q('hours-per-month')}
      {lines(answerOf(tr, 'hours-per-month', c ?? emptyContent), 1)}
      {q('cost-to-date')}
      {lines(answerOf(tr, 'cost-to-date', c ?? emptyContent), 1)}
      {q('doing-differently')}
      {lines(c?.doingDifferently)}
      {q('other-comments')}
      {lines(c?.otherComments, 3)}
      {q('results')}
      {/* at 360 px the table scrolls sideways inside this region, which keyboards reach */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
      <section className="paper-table-wrap" aria-label={numbered('results')} tabIndex={0}>
        <table className="paper-table">
          <thead>
            <tr>
              <th scope="col">{tPaper('evaluation.results.heading', F.results.heading)}</th>
              {F.results.columns.map((col) => (
                <th scope="col" key={col.id}>
                  {resultLabel(col.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {F.results.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <strong>{tPaper(`evaluation.rows.${row.id}.title`, row.title)}</strong>{' '}
                  {row.text ? tPaper(`evaluation.rows.${row.id}`, row.text) : null}
                  {row.id === 'other-achievements' && c?.otherAchievements
                    ? `: ${c.otherAchievements}`
                    : null}
                </th>
                {F.results.columns.map((col) => (
                  <td key={col.id} className="mark">
                    <PaperBox checked={c?.results[row.id as EvaluationResultRow] === col.id} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {q('mentee-benefits')}
      {lines(c?.menteeBenefits)}
      {q('mentor-gains')}
      {lines(c?.mentorGains)}
      {q('attitude-changes')}
      {lines(c?.attitudeChanges)}
      {q('easy')}
      {lines(c?.easy)}
      {q('hard')}
      {lines(c?.hard)}
      <div className="paper-signatures">
        {F.signatures.map((s) => {
          const mine = record?.role === s.side ? c?.signature : undefined;
          return (
            <div key={s.side}>
              <p>
                {tPaper(`evaluation.signature.${s.side}`, s.text)}
                {mine ? `: ${mine.name}` : ''}
              </p>
              <p>
                {tPaper('evaluation.signatureDate', F.signatureDate)}
                {mine ? `: ${formatDate(mine.date)}` : ''}
              </p>
            </div>
          );
        })}
      </div>
    </article>
  );
}

const emptyContent: EvaluationContent = { technicalAreas: [], activities: [], results: {} };
