/**
 * The quarterly report's draft as the form holds it: its rows, the form's labels by id, the
 * draft a new report starts from, and the body sent from it.
 */
import { type QuarterlyReportInput, quarterlyReportForm } from '@sisi/domain';
import { today } from '../../clock.ts';
import { newKey, optional, present, type Row } from '../../components/form/index.ts';
import { tReportText } from '../../i18n/en-reviews.ts';
import type { PlanContent } from '../mentorships/queries.ts';

export type NameRow = Row & { name: string };
export type ObjectiveRow = Row & { planObjectiveId?: string; objective: string; progress: string };
export type InteractionRow = Row & { date: string; hours: string; activity: string };
export type ReportDraft = {
  date: string;
  mentorNames: NameRow[];
  phoneNumber: string;
  menteeNames: NameRow[];
  technicalAreas: string[];
  otherTechnicalArea: string;
  objectives: ObjectiveRow[];
  trends: string;
  relationship: string;
  interactionFrequency: string;
  interactions: InteractionRow[];
  outputsOutcomes: string;
  successes: string;
  challenges: string;
  additionalComments: string;
  signature: { name: string; date: string };
};

export const FORM = quarterlyReportForm;
/** The form's label of a question, header field or column, by id; without a trailing colon. */
const labelOf = (q: { id: string; text: string }) =>
  tReportText(q.id, q.text).replace(/\s*:\s*$/, '');
const byId = <Q extends { id: string }>(list: readonly Q[], id: Q['id']) =>
  list.find((q) => q.id === id)!;
export const header = (id: (typeof FORM.header)[number]['id']) => labelOf(byId(FORM.header, id));
export const question = (id: (typeof FORM.questions)[number]['id']) =>
  labelOf(byId(FORM.questions, id));
export const column = (id: (typeof FORM.interactionLog.columns)[number]['id']) =>
  labelOf(byId(FORM.interactionLog.columns, id));
export const signature = (id: (typeof FORM.signature)[number]['id']) =>
  labelOf(byId(FORM.signature, id));

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */

export const nameRow = (name = ''): NameRow => ({ _key: newKey(), name });
export const interactionRow = (): InteractionRow => ({
  _key: newKey(),
  date: '',
  hours: '',
  activity: '',
});

/**
 * A new report's draft: the plan's learning objectives, the mentor's name (the coordinator
 * filing it) and the mentees' names (`menteeNames`: the plan's mentees, else the
 * mentorship's people on the mentee side). Everything stays editable.
 */
export function initialDraft(
  plan: PlanContent | undefined,
  mentorName: string | undefined,
  menteeNames: readonly string[] = [],
): ReportDraft {
  const fromPlan = (plan?.learningObjectives ?? []).map(
    (o): ObjectiveRow => ({
      _key: newKey(),
      planObjectiveId: o.id,
      objective: o.objective,
      progress: '',
    }),
  );
  return {
    date: today(),
    mentorNames: [nameRow(mentorName)],
    phoneNumber: '',
    menteeNames: [...new Set(plan?.mentees?.length ? plan.mentees.map((p) => p.name) : menteeNames)]
      .filter((name) => name.trim())
      .map((name) => nameRow(name)),
    technicalAreas: [],
    otherTechnicalArea: '',
    objectives: fromPlan.length ? fromPlan : [{ _key: newKey(), objective: '', progress: '' }],
    trends: '',
    relationship: '',
    interactionFrequency: '',
    interactions: [],
    outputsOutcomes: '',
    successes: '',
    challenges: '',
    additionalComments: '',
    signature: { name: '', date: '' },
  };
}

/** Hours as typed: a number, `undefined` when empty, `NaN` when not a number. */
export const hoursOf = (text: string): number | undefined => {
  const v = text.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};

/** What is sent. Rows are kept as they are (an empty one is an error), so paths match. */
export function toBody(d: ReportDraft, period: number): QuarterlyReportInput {
  const sign = { name: d.signature.name.trim(), date: d.signature.date.trim() };
  return {
    period,
    date: present(d.date),
    mentorNames: d.mentorNames.map((r) => present(r.name)),
    phoneNumber: optional(d.phoneNumber),
    menteeNames: d.menteeNames.map((r) => present(r.name)),
    technicalAreas: d.technicalAreas as QuarterlyReportInput['technicalAreas'],
    otherTechnicalArea: d.technicalAreas.includes('other')
      ? optional(d.otherTechnicalArea)
      : undefined,
    objectives: d.objectives.map((o) => ({
      ...(o.planObjectiveId ? { planObjectiveId: o.planObjectiveId } : {}),
      objective: present(o.objective),
      progress: optional(o.progress),
    })),
    trends: optional(d.trends),
    relationship: optional(d.relationship),
    interactionFrequency: optional(d.interactionFrequency),
    interactions: d.interactions.map((i) => ({
      date: present(i.date),
      hours: hoursOf(i.hours) as number,
      activity: present(i.activity),
    })),
    outputsOutcomes: optional(d.outputsOutcomes),
    successes: optional(d.successes),
    challenges: optional(d.challenges),
    additionalComments: optional(d.additionalComments),
    signature: sign.name || sign.date ? (sign as { name: string; date: string }) : undefined,
  };
}
