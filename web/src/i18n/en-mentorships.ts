/**
 * The English strings of the mentorship screens (list, new mentorship, mentorship page,
 * decision matrix). Only those lazy screens import this module, and importing it adds the
 * strings to the shared i18next instance: the sign-in page does not carry them.
 *
 * The toolkit's long texts (approach definitions and "when to use", the rights and
 * responsibilities) come with the data (`GET /approaches`, `@sisi/domain`); `tData` looks
 * them up under `mentorshipTexts.…` first, so another language can translate them without
 * the English being copied here.
 */
import type { TOptions } from 'i18next';
import { i18n, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enMentorships = {
  mentorships: {
    stages: {
      'build-relationship': 'Build the relationship',
      'identify-expectations': 'Identify expectations and approaches',
      'manage-process': 'Manage the process',
      monitor: 'Monitor the relationship',
      end: 'End the relationship',
    },
    stageNumber: 'Stage {{number}}',
    types: {
      'one-to-one': 'One-to-one',
      'one-to-many': 'One-to-many',
    },
    approaches: {
      'on-site': 'On-site mentoring',
      twinning: 'Twinning',
      'community-of-practice': 'Community of practice (COP)',
      'study-tour': 'Study tours and site visits',
      'exchange-visit': 'Exchange visits',
      'exchange-event': 'Exchange events',
      'internship-shadowing': 'Internships and shadowing',
      'resource-referral': 'Resource referral',
      telementoring: 'Telementoring',
    },
    roles: {
      mentor: 'mentor',
      mentee: 'mentee',
    },
    unknownOrganization: 'Partner organization',
    list: {
      title: 'Mentorships',
      add: 'Start a mentorship',
      matrixLink: 'Approach decision matrix',
      filtersHeading: 'Filter mentorships',
      stage: 'Stage',
      anyStage: 'Any stage',
      organization: 'Organization',
      anyOrganization: 'Any organization',
      approach: 'Approach',
      anyApproach: 'Any approach',
      apply: 'Apply filters',
      clear: 'Clear filters',
      resultsHeading: 'Results',
      empty: 'No mentorships yet.',
      emptyFiltered: 'No mentorships match these filters.',
      shown_one: '{{count}} mentorship shown',
      shown_other: '{{count}} mentorships shown',
      mentor: 'Mentor',
      mentees: 'Mentees',
      type: 'Type',
      startDate: 'Start date',
      loadingAll: 'Looking for more mentorships…',
    },
    create: {
      title: 'Start a mentorship',
      intro:
        'A mentor organization and one mentee (one-to-one) or several mentees (one-to-many). Every organization then accepts the rights and responsibilities.',
      notAllowed:
        'A network admin starts mentorships. Ask your network admin to start one for your organization.',
      mentor: 'Mentor organization',
      chooseMentor: 'Choose the mentor organization',
      mentees: 'Mentee organizations',
      menteesHint: 'One for a one-to-one mentorship, several for one-to-many.',
      startDate: 'Start date',
      startDateHint: 'The day of the first meeting, or when the mentorship begins.',
      duration: 'Duration in months',
      durationHint: 'From 1 to 60 months.',
      durationRange: 'must be a whole number from 1 to 60',
      invalidDate: 'must be a date',
      mentorIsMentee: 'must not include the mentor organization',
      peerHeading: 'Peer mentoring between mentees',
      peerIntro:
        'In a one-to-many mentorship, mentees may also mentor each other in their areas of strength.',
      peerNeedsTwo: 'Choose at least two mentee organizations to add peer mentoring.',
      pair: 'Pair {{number}}',
      peerMentor: 'Mentee who mentors',
      peerMentee: 'Mentee mentored',
      chooseMentee: 'Choose a mentee organization',
      areas: 'Areas',
      addPair: 'Add a peer mentoring pair',
      removePair: 'Remove pair {{number}}',
      pairIncomplete: 'choose both organizations and at least one area',
      pairSame: 'a mentee cannot mentor itself',
      scheduleHeading: 'Review schedule',
      scheduleHint: 'Computed from the start date and the duration; it updates as you type.',
      scheduleEmpty: 'Enter a start date and a duration from 1 to 60 months to see the reviews.',
      type: 'Type: {{type}}',
      submit: 'Start mentorship',
      submitting: 'Starting…',
      cancel: 'Cancel',
      created: 'Mentorship started. Each organization now accepts the rights and responsibilities.',
    },
    detail: {
      title: 'Mentorship',
      heading: '{{mentor}} mentoring {{mentees}}',
      back: 'Back to mentorships',
      toolsNav: 'Mentorship tools',
      plan: 'Mentoring plan',
      orientation: 'Orientation meeting',
      gatherings: 'Gatherings',
      closure: 'Closure',
      approaches: 'Choose approaches',
      summaryHeading: 'Summary',
      type: 'Type',
      mentor: 'Mentor organization',
      mentees: 'Mentee organizations',
      startDate: 'Start date',
      duration: 'Duration',
      months_one: '{{count}} month',
      months_other: '{{count}} months',
      peerMentoring: 'Peer mentoring',
      peerPair: '{{mentor}} mentors {{mentee}}: {{areas}}',
      approachesChosen: 'Approaches',
      none: 'None yet',
      stagesHeading: 'Stages',
      currentStage: 'current stage',
      ended: 'Ended',
      endingHeading: 'How it ended',
      endingKind: 'Kind of ending',
      prematureReason: 'Reason for ending early',
      endingReason: 'Why it ended',
      newObjectives: 'New objectives',
      contactMode: 'Agreed mode of contact',
      endedOn: 'Ended on',
      historyHeading: 'History',
      historyStart: 'Started in “{{to}}”',
      historyMove: 'From “{{from}}” to “{{to}}”',
      historyBy: 'By {{name}}, {{date}}',
      historyWhy: 'Why: {{reason}}',
      conflict:
        'Someone else changed this mentorship at the same time. We loaded the latest version: check it and try again.',
    },
    stageForm: {
      heading: 'Change stage',
      intro:
        'The process is not linear: move forward one stage, or go back to any earlier stage. Ending has its own form below.',
      target: 'New stage',
      forward: '(next)',
      back: '(go back)',
      reason: 'Reason for the change',
      agreementsMissing:
        'Every organization must accept the rights and responsibilities before the mentorship leaves this stage.',
      submit: 'Change stage',
      submitting: 'Changing…',
      changed: 'Stage changed to “{{stage}}”.',
      nothing: 'No stage change is possible from here.',
    },
    rights: {
      heading: 'Rights and responsibilities',
      intro:
        'Each organization accepts these rights and responsibilities (toolkit, page 9) before the mentorship leaves its first stage.',
      menteeRights: 'Mentee rights',
      menteeResponsibilities: 'Mentee responsibilities',
      mentorRights: 'Mentor rights',
      mentorResponsibilities: 'Mentor responsibilities',
      agreementsHeading: 'Acceptance by each organization',
      orgRole: '{{name}} ({{role}})',
      accepted: 'Accepted by {{name}} on {{date}}',
      acceptedOlder: 'Accepted an earlier version of the text ({{version}}).',
      notAccepted: 'Not accepted yet',
      accept: 'Accept for {{name}}',
      accepting: 'Recording…',
      acceptedMessage: '{{name}} accepted the rights and responsibilities.',
      acceptedOnBehalf:
        'Accepted by {{name}}, the network admin, on behalf of {{organization}} on {{date}}',
      confirmTitle: 'Accept on behalf of {{name}}?',
      confirmBody:
        'You are not a coordinator of {{name}}. Accepting records that you, as the network admin, accepted the rights and responsibilities on its behalf.',
      confirmAction: 'Accept on behalf of {{name}}',
      cancel: 'Cancel',
      declined: 'Declined by {{name}} on {{date}}',
      declineReasonShown: 'Reason: {{reason}}',
      declineOpen: 'Decline, with a reason',
      declineReason: 'Why your organization declines',
      declineHint:
        'The mentorship stays in its first stage until your organization accepts. You can still accept later.',
      decline: 'Decline for {{name}}',
      declining: 'Recording…',
    },
    reviews: {
      heading: 'Review schedule',
      intro:
        'Quarterly reviews, a mid-term review and an end review, from the start date and duration.',
      quarterly: 'Quarterly review {{number}}',
      midTerm: 'Mid-term review',
      end: 'End review',
      past: 'Past',
      upcoming: 'Upcoming',
      notMailed: 'Already past when the mentorship was recorded: no reminder is sent.',
    },
    endForm: {
      heading: 'End the mentorship',
      intro:
        'Ending is final: the mentorship stays in “End the relationship” and no more reminders are sent.',
      kind: 'How does it end?',
      natural: 'Natural',
      naturalHint: 'The goals were met or the agreed time line was reached.',
      premature: 'Premature',
      prematureHint: 'It ends before its goals or time line.',
      transition: 'Transition',
      transitionHint: 'It continues as a new relationship with a new set of objectives.',
      prematureReason: 'Reason for ending early',
      chooseReason: 'Choose a reason',
      objectives: 'New objectives',
      objectivesHint: 'One per line.',
      contactMode: 'Agreed mode of contact',
      contactModeHint: 'For example: a monthly video call and email between calls.',
      reason: 'Why it ends',
      submit: 'End the mentorship',
      submitting: 'Ending…',
      ended: 'The mentorship has ended.',
    },
    prematureReasons: {
      'organizational-change': 'Organizational change',
      'loss-of-interest': 'Loss of interest',
      'unmet-expectations': 'Unmet expectations',
      'changed-circumstances': 'Changed circumstances',
      mismatch: 'Mismatch between mentor and mentee',
      other: 'Other',
    },
    participants: {
      heading: 'Participants',
      intro:
        'The people of the organizations who take part. Members see the mentorships they take part in.',
      noPeople: 'Nobody in this organization yet.',
      hidden: 'You cannot see the people of this organization; its participants stay as they are.',
      submit: 'Save participants',
      submitting: 'Saving…',
      saved: 'Participants saved.',
      count_one: '{{count}} participant',
      count_other: '{{count}} participants',
    },
    matrix: {
      title: 'Choose mentoring approaches',
      intro:
        'Six questions from the toolkit’s decision-making matrix. Each approach scores one point for each answer it suits; then choose the approaches to combine in the plan.',
      forMentorship: 'For the mentorship {{name}}.',
      backToMentorship: 'Back to the mentorship',
      progress: 'Question {{number}} of {{total}}',
      next: 'Next',
      back: 'Back',
      seeRanking: 'See the ranking',
      ranking: 'Ranking…',
      chooseAnswer: 'choose an answer',
      answersHeading: 'Your answers',
      changeAnswers: 'Change the answers',
      startAgain: 'Start again',
      rankingHeading: 'Ranking of the approaches',
      score: 'Score: {{score}} of {{total}}',
      because: 'Suits these answers:',
      noReasons: 'It suits none of the answers.',
      definition: 'Definition',
      whenToUse: 'When to use',
      virtual: 'Can it be done virtually?',
      chooseHeading: 'Approaches for the plan',
      formats: 'Approaches to use',
      formatsHint: 'A mentoring plan usually combines several approaches.',
      use: 'Use {{name}}',
      whySelected: 'Why was this type of mentoring selected?',
      save: 'Save to the plan',
      saving: 'Saving…',
      saved: 'Saved to the mentoring plan.',
      openPlan: 'Open the mentoring plan',
      planConflict:
        'The plan changed while you were choosing. We will save over the latest version: press “Save to the plan” again.',
      cannotSave:
        'Only a network admin or a coordinator of this mentorship’s organizations can save approaches to its plan.',
      noMentorship:
        'To save the chosen approaches, open the decision matrix from a mentorship’s page.',
      approachesFallback: 'Approach descriptions are shown from the toolkit copy in the app.',
      questions: {
        organizations: 'One organization involved, or several?',
        areas: 'Need for support in one area or multiple?',
        experience: 'Does the mentee have experience in the areas?',
        travelBudget: 'Time and budget for travel and staffing?',
        term: 'Engage long term or short term?',
        internet: 'High-speed internet access?',
      },
      answers: {
        organizations: { one: 'One organization', several: 'Several organizations' },
        areas: { one: 'One area', multiple: 'Multiple areas' },
        experience: { yes: 'Yes', no: 'No' },
        travelBudget: { yes: 'Yes', no: 'No' },
        term: { long: 'Long term', short: 'Short term' },
        internet: { yes: 'Yes', no: 'No' },
      },
      reasons: {
        organizations: {
          one: 'one organization is involved',
          several: 'several organizations are involved',
        },
        areas: {
          one: 'support is needed in one area',
          multiple: 'support is needed in multiple areas',
        },
        experience: {
          yes: 'the mentee has experience in the areas',
          no: 'the mentee has no experience in the areas',
        },
        travelBudget: {
          yes: 'there is time and budget for travel and staffing',
          no: 'there is no time or budget for travel and staffing',
        },
        term: {
          long: 'the engagement is long term',
          short: 'the engagement is short term',
        },
        internet: {
          yes: 'there is high-speed internet access',
          no: 'there is no high-speed internet access',
        },
      },
    },
  },
} as const;

/** A key of this catalog, e.g. `'mentorships.list.title'`; plural forms by their base key. */
export type MentorshipKey =
  | Leaves<typeof enMentorships>
  | (Leaves<typeof enMentorships> extends infer K
      ? K extends `${infer B}_${'one' | 'other'}`
        ? B
        : never
      : never);

i18n.addResourceBundle('en', 'translation', enMentorships, true, true);

export type MentorshipTranslate = (key: MentorshipKey | MessageKey, options?: TOptions) => string;

const tm: MentorshipTranslate = (key, options) => i18n.t(key, options ?? {}) as string;

/**
 * The translate function of the mentorship screens: the keys of this catalog and of the
 * main one.
 */
export function useMT(): MentorshipTranslate {
  return tm;
}

/**
 * A text that comes with the data (the toolkit's words): its translation under
 * `mentorshipTexts.<key>` when a catalog has one, else the data's own text.
 */
export function tData(key: string, text: string): string {
  return i18n.t(`mentorshipTexts.${key}`, { defaultValue: text }) as string;
}
