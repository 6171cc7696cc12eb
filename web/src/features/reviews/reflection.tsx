/**
 * The mid-term reflection questionnaire (001 Annex 6): every section, item and scale of the
 * paper (from `@sisi/domain/static`), answered once per person, anonymously. Before
 * answering, the reader is told how anonymous their answer is on their side. Afterwards (and
 * for who does not answer, such as a network admin) the page shows each side's pooled
 * results and the comparison, every item marked in words: both strong, both weak, disagree,
 * mixed, or not enough answers; the rule is written above it.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/reflection` (`?view=blank`: the paper
 * questionnaire, blank, to print).
 */
import type { ReflectionResults } from '@sisi/domain';
import {
  type ItemPool,
  type ReflectionItem,
  type ReflectionSide,
  type ReflectionVerdict,
  reflectionForm,
  reflectionScales,
  reflectionSides,
  reflectionVerdicts,
} from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import { useParams, useSearch } from 'wouter';
import { ApiProblem } from '../../api/client.ts';
import {
  type DocErrors,
  DocForm,
  fieldErrorsOf,
  noDocErrors,
  RadioGroup,
  TextField,
} from '../../components/doc-form.tsx';
import { problemMessage } from '../../components/form.tsx';
import { MentorshipHeader, useMentorshipContext } from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { type ReflectionTranslate, tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import { useT } from '../../i18n/index.ts';
import { PaperBox, PaperLines, PrintBar } from './reflection-parts.tsx';
import { postReflectionAnswers, reflectionKeys, reflectionQuery } from './reflection-queries.ts';
import { reviewKeys } from './review-queries.ts';

type Results = ReflectionResults;
type Draft = { answers: Record<string, string>; comments: Record<string, string> };

const F = reflectionForm;
type Section = (typeof F.sections)[number];
const itemsOf = (s: Section) => s.items as readonly ReflectionItem[];
const commentsOf = (s: Section): string | undefined => ('comments' in s ? s.comments : undefined);

/** "a. By participating…" as on the paper. */
const itemText = (item: ReflectionItem) => {
  const text = tPaper(`reflection.${item.id}`, item.text);
  return item.letter ? `${item.letter}. ${text}` : text;
};
const optionLabel = (scale: ReflectionItem['scale'], optionId: string) => {
  const option = reflectionScales[scale].options.find((o) => o.id === optionId);
  return option ? tPaper(`reflection.scale.${scale}.${option.id}`, option.label) : optionId;
};
const sideName = (tr: ReflectionTranslate, side: ReflectionSide) => tr(`reflection.sides.${side}`);

/** Averages as people write them: "4.5", "3". */
const formatMean = (mean: number) =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(mean);

export function ReflectionPage() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  const tr = useReflectionT();
  const blank = new URLSearchParams(useSearch()).get('view') === 'blank';
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const results = useQuery(reflectionQuery(networkId, mentorshipId));
  const [sent, setSent] = useState<string>();
  const path = `/networks/${networkId}/mentorships/${mentorshipId}/reflection`;

  let body: ReactNode;
  if (blank) {
    body = <PaperReflection />;
  } else if (ctx.mentorship.isError || results.isError) {
    body = (
      <LoadError
        error={ctx.mentorship.error ?? results.error}
        retry={() => {
          void ctx.mentorship.refetch();
          void results.refetch();
        }}
      />
    );
  } else if (!ctx.ready || !results.data) {
    body = <Loading />;
  } else if (results.data.you.canAnswer) {
    body = (
      <>
        <AnonymityNotice results={results.data} />
        <Questionnaire
          networkId={networkId}
          mentorshipId={mentorshipId}
          onSent={() => setSent(tr('reflection.form.sent'))}
        />
      </>
    );
  } else {
    body = (
      <>
        {sent ? null : (
          <div className="notice info">
            <p>
              {results.data.you.answered
                ? tr('reflection.answered')
                : tr('reflection.notRespondent')}
            </p>
          </div>
        )}
        <ResultsView results={results.data} />
      </>
    );
  }

  return (
    <Page title={tr('reflection.title')}>
      <div className="printable">
        <p className="lead">
          {tr('reflection.annex', { annex: F.annex, title: tPaper('reflection.title', F.title) })}
        </p>
        <MentorshipHeader
          networkId={networkId}
          mentorshipId={mentorshipId}
          organizationOptions={ctx.organizationOptions}
        />
        <PrintBar
          blank={blank}
          blankHref={`${path}?view=blank`}
          backHref={path}
          blankLabel="reflection.blank"
          backLabel="reflection.backFromBlank"
        />
        <StatusMessage message={sent} />
        {blank ? null : <p className="no-print">{tr('reflection.intro')}</p>}
        {body}
      </div>
    </Page>
  );
}

/** How many may answer on the reader's side, how many did, and what that means. */
function AnonymityNotice({ results }: { results: Results }) {
  const tr = useReflectionT();
  const { side, notice } = results.you;
  const mine = results.sides.find((s) => s.side === side);
  if (!side || !mine || !notice) return null;
  const strong = notice === 'only-respondent' || notice === 'second';
  return (
    <section
      aria-labelledby="anonymity"
      className={strong ? 'notice warning anonymity' : 'notice info anonymity'}
    >
      <h2 id="anonymity">{tr('reflection.notice.heading')}</h2>
      <p>
        {tr('reflection.notice.side', {
          side: sideName(tr, side),
          possible: mine.possibleRespondents,
          answered: mine.answers,
        })}
      </p>
      <p>
        <strong>{tr(`reflection.notice.${notice}`, { side: sideName(tr, side) })}</strong>
      </p>
      <p>{tr('reflection.notice.stored')}</p>
      <p>{tr('reflection.notice.comments')}</p>
    </section>
  );
}

const emptyDraft = (): Draft => ({ answers: {}, comments: {} });

function Questionnaire({
  networkId,
  mentorshipId,
  onSent,
}: {
  networkId: string;
  mentorshipId: string;
  onSent: () => void;
}) {
  const t = useT();
  const tr = useReflectionT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<DocErrors>(noDocErrors);
  const onChange = useCallback((update: (d: Draft) => Draft) => setDraft(update), []);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: reflectionKeys.reflection(networkId, mentorshipId),
      }),
      queryClient.invalidateQueries({
        queryKey: reviewKeys.mentorshipReviews(networkId, mentorshipId),
      }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.due(networkId) }),
    ]);
  const submit = useMutation({
    mutationFn: (body: Draft) => postReflectionAnswers(networkId, mentorshipId, body),
    onSuccess: async () => {
      onSent();
      await refresh();
      window.scrollTo(0, 0);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        // answered meanwhile (another tab): nothing was written; show the results
        setErrors({ message: tr('reflection.form.alreadyAnswered'), fields: {} });
        await refresh();
      } else if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, draft) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = () => {
    if (submit.isPending) return;
    // the paper: "Please answer every question"
    const missing = F.sections
      .flatMap(itemsOf)
      .filter((item) => !draft.answers[item.id])
      .map((item) => ({ path: `answers.${item.id}`, message: t('errors.isRequired') }));
    if (missing.length) return setErrors({ fields: fieldErrorsOf(missing, draft) });
    setErrors(noDocErrors);
    const comments = Object.fromEntries(
      Object.entries(draft.comments)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    );
    submit.mutate({ answers: draft.answers, comments });
  };

  return (
    <DocForm
      id="reflection"
      draft={draft}
      onChange={onChange}
      errors={errors}
      onSubmit={send}
      submit={{
        label: tr('reflection.form.submit'),
        busy: submit.isPending,
        busyLabel: tr('reflection.form.submitting'),
      }}
    >
      <details className="paper-instructions">
        <summary>{tPaper('reflection.instructionsHeading', F.instructionsHeading)}</summary>
        {F.instructions.map((p, i) => (
          <p key={p.slice(0, 24)}>{tPaper(`reflection.instructions.${i}`, p)}</p>
        ))}
      </details>
      {F.sections.map((section) => {
        const comments = commentsOf(section);
        return (
          <section key={section.id} aria-labelledby={`reflection-${section.id}`}>
            <h2 id={`reflection-${section.id}`}>
              {tPaper(`reflection.${section.id}.title`, section.title)}
            </h2>
            {'intro' in section ? (
              <p>{tPaper(`reflection.${section.id}.intro`, section.intro)}</p>
            ) : null}
            {itemsOf(section).map((item) => (
              <RadioGroup
                key={item.id}
                path={`answers.${item.id}`}
                legend={itemText(item)}
                options={reflectionScales[item.scale].options.map((o) => ({
                  value: o.id,
                  label: optionLabel(item.scale, o.id),
                }))}
              />
            ))}
            {comments ? (
              <TextField
                path={`comments.${section.id}`}
                label={tPaper(`reflection.${section.id}.comments`, comments)}
                hint={tr('reflection.form.comments')}
                rows={3}
                maxLength={4000}
              />
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="reflection-overall">
        <h2 id="reflection-overall">{tPaper('reflection.overall', F.overallComments.text)}</h2>
        <TextField
          path={`comments.${F.overallComments.id}`}
          label={tPaper('reflection.overall', F.overallComments.text)}
          hint={tr('reflection.form.comments')}
          rows={4}
          maxLength={4000}
        />
      </section>
    </DocForm>
  );
}

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
function ResultsView({ results }: { results: Results }) {
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
              <p className="entry-title">{sideName(tr, s.side)}</p>
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
            {tr('reflection.comparison.ruleDisagree', { apart: formatMean(rule.apartAtLeast) })}
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
        {F.sections.map((section) => (
          <section key={section.id} aria-labelledby={`compare-${section.id}`}>
            <h3 id={`compare-${section.id}`}>
              {tPaper(`reflection.${section.id}.title`, section.title)}
            </h3>
            <ul className="comparison-list">
              {itemsOf(section).map((item) => {
                const c = verdictOf.get(item.id);
                return (
                  <li key={item.id}>
                    <p className="item-text">{itemText(item)}</p>
                    <p>
                      {c ? <VerdictBadge verdict={c.verdict} /> : null}{' '}
                      {reflectionSides.map((side, i) => {
                        const value = c?.[side];
                        return (
                          <span key={side} className="side-average">
                            {i > 0 ? ' · ' : ''}
                            {tr('reflection.comparison.sideAverage', {
                              side: sideName(tr, side),
                              value:
                                value === null || value === undefined
                                  ? tr('reflection.comparison.noValue')
                                  : formatMean(value),
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
            <SideComments results={results} boxId={section.id} title={commentsOf(section)} />
          </section>
        ))}
        <SideComments
          results={results}
          boxId={F.overallComments.id}
          title={F.overallComments.text}
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
              <p className="entry-title">{sideName(tr, side)}</p>
              <ul>
                {pool.distribution.map((d) => (
                  <li key={d.optionId}>
                    {tr('reflection.results.optionCount', {
                      option: optionLabel(item.scale, d.optionId),
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
  results: Results;
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
            <p className="side-name">{sideName(tr, s.side)}</p>
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

/** The paper questionnaire, blank: every section, item, box and comment lines. */
function PaperReflection() {
  const tr = useReflectionT();
  return (
    <article className="paper" aria-labelledby="paper-title">
      <h2 id="paper-title">
        {tr('reflection.annex', { annex: F.annex, title: tPaper('reflection.title', F.title) })}
      </h2>
      <h3>{tPaper('reflection.instructionsHeading', F.instructionsHeading)}</h3>
      {F.instructions.map((p, i) => (
        <p key={p.slice(0, 24)}>{tPaper(`reflection.instructions.${i}`, p)}</p>
      ))}
      <p>{tPaper('reflection.completingHeading', F.completingHeading)}</p>
      <ul>
        {F.completing.map((p, i) => (
          <li key={p.slice(0, 24)}>{tPaper(`reflection.completing.${i}`, p)}</li>
        ))}
      </ul>
      <p className="paper-source">{tPaper('reflection.source', F.source)}</p>
      {F.sections.map((section) => {
        const comments = commentsOf(section);
        return (
          <section key={section.id} className="paper-section">
            <h3>{tPaper(`reflection.${section.id}.title`, section.title)}</h3>
            {'intro' in section ? (
              <p>{tPaper(`reflection.${section.id}.intro`, section.intro)}</p>
            ) : null}
            {itemsOf(section).map((item) => (
              <div key={item.id} className="paper-item">
                <p>{itemText(item)}</p>
                <ul className="paper-options">
                  {reflectionScales[item.scale].options.map((o) => (
                    <li key={o.id}>
                      <PaperBox /> {optionLabel(item.scale, o.id)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {comments ? (
              <>
                <h4>{tPaper(`reflection.${section.id}.comments`, comments)}</h4>
                <PaperLines label={tr('reflection.paper.commentsLines')} />
              </>
            ) : null}
          </section>
        );
      })}
      <section className="paper-section">
        <h3>{tPaper('reflection.overall', F.overallComments.text)}</h3>
        <PaperLines label={tr('reflection.paper.commentsLines')} count={6} />
      </section>
    </article>
  );
}
