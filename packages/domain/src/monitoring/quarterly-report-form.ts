/**
 * 001 Annex 5, "Mentor's Quarterly Report": the form's labels and questions word for word,
 * in the form's order, as data (zod-free, so a screen or a print view can use it as is).
 * `field` names the property of `quarterlyReportSchema` that holds each answer.
 */
import type { TechnicalArea } from '../lists.ts';

export interface FormOption<Id extends string = string> {
  id: Id;
  label: string;
}

export interface QuarterlyReportQuestion {
  id: string;
  /** The property of `quarterlyReportSchema` (a dotted path inside a list row). */
  field: string;
  text: string;
}

/**
 * "What has been the technical area of focus for the mentorship?": the form's boxes, left
 * column then right column, with its labels (ids are the technical areas of `lists.ts`).
 */
export const quarterlyReportTechnicalAreas = [
  { id: 'peer-education', label: 'Peer Education' },
  { id: 'peer-navigation', label: 'Peer Navigators/Peer Case Management' },
  { id: 'social-behavior-change-communication', label: 'Social and Behavior Change Communication' },
  { id: 'clinical-services', label: 'Clinical Services' },
  { id: 'violence-prevention-response', label: 'Violence Prevention and Response' },
  { id: 'stigma-discrimination', label: 'Stigma and Discrimination' },
  { id: 'other', label: 'Other' },
  { id: 'adherence', label: 'Adherence' },
  { id: 'networking', label: 'Networking' },
  { id: 'community-mobilization', label: 'Community Mobilization' },
  { id: 'advocacy', label: 'Advocacy' },
  { id: 'resource-mobilization', label: 'Resource Mobilization' },
  { id: 'strategic-planning', label: 'Strategic Planning' },
  { id: 'financial-management', label: 'Financial Management' },
] as const satisfies readonly FormOption<TechnicalArea>[];
export type QuarterlyReportTechnicalArea = (typeof quarterlyReportTechnicalAreas)[number]['id'];

/**
 * The whole form. The mentor and mentee organizations come from the mentorship (the app
 * knows them); everything else is filled in.
 *
 * @example
 * quarterlyReportForm.questions.map((q) => q.text)[0]
 * // 'What has been the technical area of focus for the mentorship?'
 */
export const quarterlyReportForm = {
  annex: 'Annex 5',
  title: "Mentor's Quarterly Report",
  heading: "Mentor's Report",
  header: [
    { id: 'mentor-organization', field: 'mentorOrganizationId', text: 'Mentor Organization' },
    { id: 'date', field: 'date', text: 'Date:' },
    { id: 'mentor-names', field: 'mentorNames', text: 'Mentor(s) Name (s):' },
    { id: 'phone-number', field: 'phoneNumber', text: 'Phone Number:' },
    { id: 'mentee-organization', field: 'menteeOrganizationIds', text: "Mentee's Organization:" },
    { id: 'mentee-names', field: 'menteeNames', text: 'Mentee(s) Name(s):' },
  ],
  questions: [
    {
      id: 'technical-areas',
      field: 'technicalAreas',
      text: 'What has been the technical area of focus for the mentorship?',
    },
    {
      id: 'learning-objectives',
      field: 'objectives.objective',
      text: "What are your organizational pair's learning objectives?",
    },
    {
      id: 'progress',
      field: 'objectives.progress',
      text: 'What is the progress in achieving these objectives?',
    },
    {
      id: 'trends',
      field: 'trends',
      text: "What trends have you noticed in your mentee organization's progress or challenges?",
    },
    {
      id: 'relationship',
      field: 'relationship',
      text: 'Briefly describe the relationship between you and your mentee.',
    },
    {
      id: 'interaction-frequency',
      field: 'interactionFrequency',
      text: 'How often did you interact with your mentee last month/quarter?',
    },
    {
      id: 'outputs-outcomes',
      field: 'outputsOutcomes',
      text: 'What are the measurable outputs and outcomes of the mentoring process to date?',
    },
    { id: 'successes', field: 'successes', text: 'What successes have you had this month?' },
    { id: 'challenges', field: 'challenges', text: 'What are some of the challenges?' },
    { id: 'additional-comments', field: 'additionalComments', text: 'Additional comments?' },
  ],
  /** The table under "How often did you interact…", and its total. */
  interactionLog: {
    field: 'interactions',
    columns: [
      { id: 'date', field: 'interactions.date', text: 'DATE' },
      { id: 'time-involved', field: 'interactions.hours', text: 'TIME INVOLVED' },
      { id: 'activity', field: 'interactions.activity', text: 'ACTIVITY' },
    ],
    total: { field: 'totalHours', text: 'Total Hours:' },
  },
  signature: [
    { id: 'signature', field: 'signature.name', text: "Mentor's Signature" },
    { id: 'signature-date', field: 'signature.date', text: 'Date' },
  ],
  closing: 'Thank You for Your Time!',
} as const satisfies {
  annex: string;
  title: string;
  heading: string;
  header: readonly QuarterlyReportQuestion[];
  questions: readonly QuarterlyReportQuestion[];
  interactionLog: {
    field: string;
    columns: readonly QuarterlyReportQuestion[];
    total: { field: string; text: string };
  };
  signature: readonly QuarterlyReportQuestion[];
  closing: string;
};

/**
 * Hours of an interaction log added up, to the quarter hour (the form's "Total Hours").
 *
 * @example totalHours([{ hours: 1.5 }, { hours: 0.75 }]) // 2.25
 */
export function totalHours(interactions: readonly { hours: number }[]): number {
  // hours are quarter hours, so counting quarters keeps the sum exact
  return interactions.reduce((sum, i) => sum + Math.round(i.hours * 4), 0) / 4;
}
