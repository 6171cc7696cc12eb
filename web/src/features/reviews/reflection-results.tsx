/**
 * The reflection's pooled results: each side's counts, then the comparison item by item,
 * each marked in words, with the answers and comments behind it.
 */
import {
  type ItemPool,
  type ReflectionItem,
  type ReflectionSide,
  type ReflectionVerdict,
  reflectionSides,
  reflectionVerdicts,
} from '@sisi/domain/static';
import { tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import * as labels from './reflection-labels.ts';

/** A verdict in words; the colour only repeats it. */
function VerdictBadge({ verdict }: { verdict: ReflectionVerdict }) {
  const tr = useReflectionT();
  return (
    <span className={`badge verdict verdict-${verdict}`}>
      <span className="visually-hidden">{tr('reflection.comparison.verdictLabel')} </span>
      {tr(`reflection.comparison.verdicts.${verdict}`)}
    </span>
  );
}

/** Each side's counts, then the comparison item by item with the answers behind it. */
export function ResultsView({ results }: { results: labels.Results }) {
  const tr = useReflectionT();
  const { rule } = results;
  const tally = Object.fromEntries(reflectionVerdicts.map((v) => [v, 0])) as Record<
    ReflectionVerdict,
    number
  >;
  for (const c of results.comparison) tally[c.verdict] += 1;
  const verdictOf = new Map(results.comparison.map((c) => [c.itemId, c]));
  const pools = Object.fromEntries(
    results.sides.map((s) => [s.side, new Map((s.items ?? []).map((i) => [i.itemId, i]))]),
  ) as Record<ReflectionSide, Map<string, ItemPool>>;

  return (
    <>
      <section aria-labelledby="reflection-sides">
        <h2 id="reflection-sides">{tr('reflection.results.heading')}</h2>
        <ul className="side-summary">
          {results.sides.map((s) => (
            <li key={s.side}>
              <p className="entry-title">{labels.sideName(tr, s.side)}</p>
              <p>
                {tr('reflection.results.summary', {
                  answered: s.answers,
                  possible: s.possibleRespondents,
                })}
              </p>
              {s.shown ? null : (
                <p className="hint">
                  {s.answers === 0
                    ? tr('reflection.results.none')
                    : tr('reflection.results.withheld')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reflection-comparison">
        <h2 id="reflection-comparison">{tr('reflection.comparison.heading')}</h2>
        <p>{tr('reflection.comparison.purpose')}</p>
        <p>{tr('reflection.comparison.rule')}</p>
        <ul className="rule-list">
          <li>{tr('reflection.comparison.ruleStrong', { strong: rule.strongAtLeast })}</li>
          <li>{tr('reflection.comparison.ruleWeak', { weak: rule.weakBelow })}</li>
          <li>
            {tr('reflection.comparison.ruleDisagree', {
              apart: labels.formatMean(rule.apartAtLeast),
            })}
          </li>
          <li>{tr('reflection.comparison.ruleMixed')}</li>
          <li>{tr('reflection.comparison.ruleNotEnough')}</li>
        </ul>
        <p className="tally">
          {tr('reflection.comparison.tally', {
            strong: tally['agree-strong'],
            weak: tally['agree-weak'],
            disagree: tally.disagree,
            mixed: tally.mixed,
            notEnough: tally['not-enough-answers'],
          })}
        </p>
        {labels.F.sections.map((section) => (
          <section key={section.id} aria-labelledby={`compare-${section.id}`}>
            <h3 id={`compare-${section.id}`}>
              {tPaper(`reflection.${section.id}.title`, section.title)}
            </h3>
            <ul className="comparison-list">
              {labels.itemsOf(section).map((item) => {
                const c = verdictOf.get(item.id);
                return (
                  <li key={item.id}>
                    <p className="item-text">{labels.itemText(item)}</p>
                    <p>
                      {c ? <VerdictBadge verdict={c.verdict} /> : null}{' '}
                      {reflectionSides.map((side, i) => {
                        const value = c?.[side];
                        return (
                          <span key={side} className="side-average">
                            {i > 0 ? ' · ' : ''}
                            {tr('reflection.comparison.sideAverage', {
                              side: labels.sideName(tr, side),
                              value:
                                value === null || value === undefined
                                  ? tr('reflection.comparison.noValue')
                                  : labels.formatMean(value),
                            })}
                          </span>
                        );
                      })}
                    </p>
                    <Distributions item={item} pools={pools} />
                  </li>
                );
              })}
            </ul>
            <SideComments results={results} boxId={section.id} title={labels.commentsOf(section)} />
          </section>
        ))}
        <SideComments
          results={results}
          boxId={labels.F.overallComments.id}
          title={labels.F.overallComments.text}
          heading
        />
      </section>
    </>
  );
}

/** The answers per option behind an item, per side shown (folded: opened to print). */
function Distributions({
  item,
  pools,
}: {
  item: ReflectionItem;
  pools: Record<ReflectionSide, Map<string, ItemPool>>;
}) {
  const tr = useReflectionT();
  const shown = reflectionSides.filter((s) => pools[s].has(item.id));
  if (shown.length === 0) return null;
  return (
    <details className="distribution">
      <summary>{tr('reflection.results.byOption')}</summary>
      <div className="distribution-sides">
        {shown.map((side) => {
          const pool = pools[side].get(item.id)!;
          return (
            <div key={side}>
              <p className="entry-title">{labels.sideName(tr, side)}</p>
              <ul>
                {pool.distribution.map((d) => (
                  <li key={d.optionId}>
                    {tr('reflection.results.optionCount', {
                      option: labels.optionLabel(item.scale, d.optionId),
                      count: d.count,
                    })}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </details>
  );
}

/** A comment box's comments, per side shown: no names, in alphabetical order. */
function SideComments({
  results,
  boxId,
  title,
  heading = false,
}: {
  results: labels.Results;
  boxId: string;
  title: string | undefined;
  heading?: boolean;
}) {
  const tr = useReflectionT();
  if (!title) return null;
  const shown = results.sides.filter((s) => s.shown);
  if (shown.length === 0) return null;
  const label = tPaper(`reflection.${boxId}.comments`, title);
  return (
    <div className="side-comments">
      {heading ? <h3>{label}</h3> : <p className="entry-title">{label}</p>}
      {shown.map((s) => {
        const texts = s.comments?.find((c) => c.boxId === boxId)?.texts ?? [];
        return (
          <div key={s.side}>
            <p className="side-name">{labels.sideName(tr, s.side)}</p>
            {texts.length ? (
              <ul>
                {texts.map((text, i) => (
                  // the same comment may come twice; its place in the sorted list tells nothing
                  // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id, on purpose
                  <li key={i}>{text}</li>
                ))}
              </ul>
            ) : (
              <p className="hint">{tr('reflection.results.noComments')}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
