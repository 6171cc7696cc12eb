/**
 * The evaluation form's words and data as the screens use them: its questions and options in
 * the paper's words, the draft the form holds, the body sent from it, and an answer in words.
 */
import type { EvaluationContent, EvaluationInput, Mentorship, User } from '@sisi/domain';
import {
  type EvaluationQuestion,
  type EvaluationResultRow,
  evaluationForm,
} from '@sisi/domain/static';
import { type ReflectionTranslate, tPaper } from '../../i18n/en-reflection.ts';
import { i18n } from '../../i18n/index.ts';

export const F = evaluationForm;
export type QuestionId = (typeof F.questions)[number]['id'];
export const question = (id: QuestionId) =>
  F.questions.find((q) => q.id === id)! as EvaluationQuestion;
/** "9. On average, how many hours…" as numbered on the paper. */
export const numbered = (id: QuestionId) => {
  const q = question(id);
  return `${q.n}. ${tPaper(`evaluation.${q.id}`, q.text)}`;
};
export const areaLabel = (id: string) => {
  const a = F.technicalAreas.find((x) => x.id === id);
  return a ? tPaper(`evaluation.areas.${a.id}`, a.label) : id;
};
export const activityLabel = (id: string) => {
  const a = F.activities.find((x) => x.id === id);
  return a ? tPaper(`evaluation.activities.${a.id}`, a.label) : id;
};
export const resultLabel = (id: string) => {
  const a = F.results.columns.find((x) => x.id === id);
  return a ? tPaper(`evaluation.results.${a.id}`, a.label) : id;
};
export const rowLabel = (row: (typeof F.results.rows)[number]) =>
  row.text
    ? `${tPaper(`evaluation.rows.${row.id}.title`, row.title)}: ${tPaper(`evaluation.rows.${row.id}`, row.text)}`
    : tPaper(`evaluation.rows.${row.id}.title`, row.title);

export type Draft = {
  mentors: string;
  mentees: string;
  matchedFor: string;
  technicalAreas: string[];
  otherTechnicalArea: string;
  activities: string[];
  intendedOutcome: string;
  outcomeChanged: string;
  outcomeChangedHow: string;
  outcomeAchieved: string;
  outcomeAchievedDetails: string;
  hoursPerMonth: string;
  costToDate: { amount: string; currency: string };
  doingDifferently: string;
  otherComments: string;
  results: Record<string, string>;
  otherAchievements: string;
  menteeBenefits: string;
  mentorGains: string;
  attitudeChanges: string;
  easy: string;
  hard: string;
  signature: { name: string; date: string };
};

const TEXTS = [
  'mentors',
  'mentees',
  'matchedFor',
  'otherTechnicalArea',
  'intendedOutcome',
  'outcomeChangedHow',
  'outcomeAchievedDetails',
  'doingDifferently',
  'otherComments',
  'otherAchievements',
  'menteeBenefits',
  'mentorGains',
  'attitudeChanges',
  'easy',
  'hard',
] as const;

/** A number as typed: `undefined` when empty, `NaN` when not a number. */
const numberOf = (text: string): number | undefined => {
  const v = text.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};
const trimmed = (v: string) => (v.trim() ? v.trim() : undefined);

export function toBody(d: Draft): EvaluationInput {
  const body: Record<string, unknown> = {
    technicalAreas: d.technicalAreas,
    activities: d.activities,
    results: Object.fromEntries(Object.entries(d.results).filter(([, v]) => v)),
  };
  for (const key of TEXTS) body[key] = trimmed(d[key]);
  if (!d.technicalAreas.includes('other')) body.otherTechnicalArea = undefined;
  body.outcomeChanged = d.outcomeChanged || undefined;
  body.outcomeAchieved = d.outcomeAchieved || undefined;
  body.hoursPerMonth = numberOf(d.hoursPerMonth);
  const amount = numberOf(d.costToDate.amount);
  const currency = trimmed(d.costToDate.currency);
  body.costToDate =
    amount === undefined && !currency ? undefined : { amount, currency: currency ?? '' };
  const sign = { name: d.signature.name.trim(), date: d.signature.date.trim() };
  body.signature = sign.name || sign.date ? sign : undefined;
  return body as EvaluationInput;
}

/** The draft of a stored form, or of a new one prefilled from the mentorship. */
export function toDraftOf(
  m: Mentorship,
  names: { mentor: string; mentees: string },
  tr: ReflectionTranslate,
) {
  return (c: EvaluationContent | undefined): Draft => {
    const text = (v: string | undefined) => v ?? '';
    return {
      mentors: c ? text(c.mentors) : names.mentor,
      mentees: c ? text(c.mentees) : names.mentees,
      matchedFor: c
        ? text(c.matchedFor)
        : tr('evaluation.fill.matchedForValue', { count: m.durationMonths }),
      technicalAreas: c?.technicalAreas ?? [],
      otherTechnicalArea: text(c?.otherTechnicalArea),
      // the plan's formats are the activities planned: a start, to correct
      activities: c ? c.activities : [...m.approaches],
      intendedOutcome: text(c?.intendedOutcome),
      outcomeChanged: text(c?.outcomeChanged),
      outcomeChangedHow: text(c?.outcomeChangedHow),
      outcomeAchieved: text(c?.outcomeAchieved),
      outcomeAchievedDetails: text(c?.outcomeAchievedDetails),
      hoursPerMonth: c?.hoursPerMonth === undefined ? '' : String(c.hoursPerMonth),
      costToDate: {
        amount: c?.costToDate ? String(c.costToDate.amount) : '',
        currency: text(c?.costToDate?.currency),
      },
      doingDifferently: text(c?.doingDifferently),
      otherComments: text(c?.otherComments),
      results: { ...(c?.results ?? {}) } as Record<string, string>,
      otherAchievements: text(c?.otherAchievements),
      menteeBenefits: text(c?.menteeBenefits),
      mentorGains: text(c?.mentorGains),
      attitudeChanges: text(c?.attitudeChanges),
      easy: text(c?.easy),
      hard: text(c?.hard),
      signature: { name: text(c?.signature?.name), date: text(c?.signature?.date) },
    };
  };
}

/** The organizations whose form the reader fills: a network admin, all; a coordinator, theirs. */
export function editableOrganizations(user: User | undefined, m: Mentorship | undefined): string[] {
  if (!user || !m) return [];
  const orgs = [m.mentorOrganizationId, ...m.menteeOrganizationIds];
  if (user.roles.includes('network-admin')) return orgs;
  if (user.roles.includes('coordinator') && user.organizationId) {
    return orgs.filter((o) => o === user.organizationId);
  }
  return [];
}

/** An answer of a form in words, for the side-by-side view; `undefined` when not answered. */
export function answerOf(
  tr: ReflectionTranslate,
  id: QuestionId | `results.${EvaluationResultRow}`,
  c: EvaluationContent,
): string | undefined {
  const yesNo = (v: string | undefined) =>
    v === 'yes' ? tr('evaluation.fill.yes') : v === 'no' ? tr('evaluation.fill.no') : undefined;
  const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join('\n') || undefined;
  if (id.startsWith('results.')) {
    const row = id.slice('results.'.length) as EvaluationResultRow;
    const answer = c.results[row];
    const label = answer ? resultLabel(answer) : undefined;
    return row === 'other-achievements' ? join([label, c.otherAchievements]) : label;
  }
  switch (id as QuestionId) {
    case 'mentors':
      return c.mentors;
    case 'mentees':
      return c.mentees;
    case 'matched-for':
      return c.matchedFor;
    case 'technical-areas':
      return (
        c.technicalAreas
          .map((a) =>
            a === 'other' && c.otherTechnicalArea
              ? `${areaLabel(a)}: ${c.otherTechnicalArea}`
              : areaLabel(a),
          )
          .join(', ') || undefined
      );
    case 'activities':
      return c.activities.map(activityLabel).join(', ') || undefined;
    case 'intended-outcome':
      return c.intendedOutcome;
    case 'outcome-changed':
      return join([yesNo(c.outcomeChanged), c.outcomeChangedHow]);
    case 'outcome-achieved':
      return join([yesNo(c.outcomeAchieved), c.outcomeAchievedDetails]);
    case 'hours-per-month':
      return c.hoursPerMonth === undefined
        ? undefined
        : tr('evaluation.fill.hours', { hours: c.hoursPerMonth });
    case 'cost-to-date':
      return c.costToDate
        ? tr('evaluation.fill.cost', {
            amount: new Intl.NumberFormat(i18n.language).format(c.costToDate.amount),
            currency: c.costToDate.currency,
          })
        : undefined;
    case 'doing-differently':
      return c.doingDifferently;
    case 'other-comments':
      return c.otherComments;
    case 'results':
      return undefined;
    case 'mentee-benefits':
      return c.menteeBenefits;
    case 'mentor-gains':
      return c.mentorGains;
    case 'attitude-changes':
      return c.attitudeChanges;
    case 'easy':
      return c.easy;
    case 'hard':
      return c.hard;
  }
}
