/**
 * 001 Annex 4, "Mentoring Summary Report" (the "MENTORING PROGRESS REPORT SHEET"): its
 * instructions and boxes word for word, in the sheet's order, as data (zod-free, so a
 * screen and a print view use it as is). `field` names the property of
 * `summaryReportSchema` that holds each answer.
 */

export interface SummaryReportField {
  id: string;
  /** The property of `summaryReportSchema` (a dotted path inside a list row). */
  field: string;
  text: string;
}

/** "REPORTED BY (MENTOR OR MENTEE, OR BOTH)": who reports. */
export const summaryReportReporters = [
  { id: 'mentor', label: 'Mentor' },
  { id: 'mentee', label: 'Mentee' },
  { id: 'both', label: 'Both' },
] as const satisfies readonly { id: string; label: string }[];
export type SummaryReportReporter = (typeof summaryReportReporters)[number]['id'];
export const summaryReportReporterIds = summaryReportReporters.map((r) => r.id) as [
  SummaryReportReporter,
  ...SummaryReportReporter[],
];

/**
 * The whole sheet. The sheet's single box "PROGRESS ON THE MENTORING PROCESS/MILESTONES
 * REACHED" is answered in words (`progress`) and, where the mentoring plan has milestones, by
 * naming the milestones reached (`milestonesReached`): those are then marked reached on the
 * mentorship's timeline. "FOLLOW-UP ACTIONS" is one box on paper; Step 4 says what goes in it
 * ("follow-up activities, and the people responsible for conducting them"), so each action
 * has its what, who and by when (`followUpColumns`, the app's words, not the sheet's).
 *
 * @example
 * summaryReportForm.fields.map((f) => f.text)[0] // 'ORGANIZATION'
 */
export const summaryReportForm = {
  annex: 'Annex 4',
  title: 'Mentoring Summary Report',
  instructionsHeading: 'Instructions',
  instructions:
    'This short reporting template can help the mentor and/or mentee capture and document the main agreements of their meetings to ensure follow-up. It may be completed by either party and shared with the other.',
  heading: 'MENTORING PROGRESS REPORT SHEET',
  fields: [
    { id: 'organization', field: 'organizationIds', text: 'ORGANIZATION' },
    { id: 'meeting-date', field: 'meetingDate', text: 'MEETING DATE' },
    { id: 'meeting-participants', field: 'participants', text: 'MEETING PARTICIPANTS' },
    { id: 'agenda', field: 'agenda', text: 'AGENDA/DISCUSSION POINTS FOR THE DAY' },
    {
      id: 'progress',
      field: 'progress',
      text: 'PROGRESS ON THE MENTORING PROCESS/MILESTONES REACHED',
    },
    { id: 'follow-up-actions', field: 'followUpActions', text: 'FOLLOW-UP ACTIONS' },
    { id: 'issues', field: 'issues', text: 'ISSUES' },
    { id: 'next-meeting-date', field: 'nextMeetingDate', text: 'NEXT MEETING DATE' },
    { id: 'next-meeting-agenda', field: 'nextMeetingAgenda', text: 'AGENDA FOR THE NEXT MEETING' },
    { id: 'reported-by', field: 'reportedBy', text: 'REPORTED BY (MENTOR OR MENTEE, OR BOTH)' },
    { id: 'date', field: 'date', text: 'DATE' },
  ],
  /** The ISSUES table's three columns. */
  issueColumns: [
    { id: 'raised', field: 'issues.raised', text: 'RAISED' },
    { id: 'solutions', field: 'issues.solutions', text: 'SOLUTIONS PROPOSED/TAKEN' },
    { id: 'pending', field: 'issues.pending', text: 'PENDING' },
  ],
  /** A follow-up action's parts: "what, who, by when" (DOMAIN, from 001 Step 4). */
  followUpColumns: [
    { id: 'what', field: 'followUpActions.what', text: 'What' },
    { id: 'who', field: 'followUpActions.ownerId', text: 'Who' },
    { id: 'by-when', field: 'followUpActions.dueDate', text: 'By when' },
  ],
  /** The extra part of the PROGRESS box: the plan's milestones reached at this meeting. */
  milestonesReached: {
    id: 'milestones-reached',
    field: 'milestonesReached',
    text: 'Milestones reached',
  },
  reporters: summaryReportReporters,
} as const satisfies {
  annex: string;
  title: string;
  instructionsHeading: string;
  instructions: string;
  heading: string;
  fields: readonly SummaryReportField[];
  issueColumns: readonly SummaryReportField[];
  followUpColumns: readonly SummaryReportField[];
  milestonesReached: SummaryReportField;
  reporters: readonly { id: string; label: string }[];
};
export type SummaryReportFieldId = (typeof summaryReportForm.fields)[number]['id'];

/**
 * 001 Step 4, "After individual mentoring events": when the sheet is due (shown beside it).
 */
export const summaryReportWhen = {
  text: 'After each significant meeting or visit, prepare a short summary and action plan with agreed-on next steps, follow-up activities, and the people responsible for conducting them. This summary and plan will help partners focus on learning objectives and understand priorities. It is not necessary to complete this after every contact—only after contacts that generate follow-up activities.',
};
