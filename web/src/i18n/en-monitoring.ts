/**
 * The English strings of the monitoring screens: the mentoring summary report (Annex 4), its
 * follow-up actions, the progress timeline with photos and milestones, the practical tips,
 * the CSV exports and the print views. Registered into the SPA's i18next instance when a
 * screen that needs them loads, so the first page does not carry them. The forms' own words
 * and the tips are the source's and come from `@sisi/domain/static`; `tSheetText` and
 * `tTipText` look them up by id first, so another language can translate them.
 *
 * Everything lives under one root key, `monitor`, so it never collides with the others.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enMonitoring = {
  monitor: {
    section: {
      heading: 'Monitoring',
      intro:
        'After each significant meeting or visit, one side files a short summary report; its follow-up actions are tracked here.',
      fileSummary: 'File a mentoring summary report',
      progress: 'Progress and photos',
      reports: 'Summary reports',
      noReports: 'No summary report yet.',
      reportLine: 'Meeting of {{date}}',
      blankForms: 'Blank forms to print',
      blankSummary: 'Annex 4: Mentoring Summary Report',
      blankQuarterly: "Annex 5: Mentor's Quarterly Report",
      printQuarterly: 'Print quarterly report {{period}}',
      quarterlyReports: 'Quarterly reports',
    },
    followUps: {
      heading: 'Follow-up actions',
      none: 'No follow-up action yet.',
      who: 'Who: {{name}}',
      due: 'By {{date}}',
      overdue: 'Overdue',
      overdueCount_one: '{{count}} overdue',
      overdueCount_other: '{{count}} overdue',
      statusLabel: 'Status:',
      statuses: { open: 'Open', done: 'Done', dropped: 'Dropped' },
      markDone: 'Mark “{{what}}” done',
      markDropped: 'Drop “{{what}}”',
      reopen: 'Reopen “{{what}}”',
      saving: 'Saving…',
      changed: '“{{what}}” is now {{status}}.',
      conflict: 'Someone changed this action meanwhile; it was reloaded. Try again.',
      fromMeeting: 'Agreed at the meeting of {{date}}',
      mineHeading: 'My follow-up actions',
      mineIntro: 'The follow-up actions you own, across your mentorships. Overdue ones come first.',
      mineEmpty: 'You own no follow-up action.',
      mentorship: '{{mentor}} mentoring {{mentees}}',
      showClosed: 'Show done and dropped actions',
      hideClosed: 'Hide done and dropped actions',
    },
    form: {
      title: 'Mentoring summary report',
      intro:
        'Capture the main agreements of the meeting so that everyone follows up. Follow-up actions become tracked items with an owner and a date.',
      ended: 'This mentorship has ended: it takes no new summary report.',
      participantN: 'Participant {{n}}',
      addParticipant: 'Add a participant',
      removeParticipant: 'Remove participant {{n}}',
      participantsHint: 'Names of the people at the meeting.',
      milestonesHint: 'The mentoring plan’s milestones reached at or since this meeting.',
      noMilestones: 'The mentoring plan has no milestones yet.',
      alreadyReached: '{{description}} (already reached)',
      actionN: 'Follow-up action {{n}}',
      addAction: 'Add a follow-up action',
      removeAction: 'Remove follow-up action {{n}}',
      chooseOwner: 'Choose who',
      ownerCoordinator: '{{name}} (coordinator)',
      issueN: 'Issue {{n}}',
      addIssue: 'Add an issue',
      removeIssue: 'Remove issue {{n}}',
      submit: 'File the summary report',
      submitting: 'Filing…',
      submitted: 'Summary report of the meeting of {{date}} filed.',
    },
    progress: {
      title: 'Progress',
      intro:
        'Recognize progress: milestones reached, meetings, reports and photos along the mentorship’s timeline.',
      milestonesHeading: 'Milestones',
      noMilestones: 'The mentoring plan has no milestones yet.',
      reached: 'Reached on {{date}}',
      dueOn: 'Due {{date}}',
      overdue: 'Overdue',
      planned: 'Not reached yet',
      markReachedOf: 'Mark “{{description}}” reached',
      reachedOn: 'Reached on',
      note: 'A note (optional)',
      save: 'Save',
      cancel: 'Cancel',
      saving: 'Saving…',
      celebrate: 'Milestone reached: {{description}}! Well done.',
      timelineHeading: 'Timeline',
      timelineEmpty: 'Nothing on the timeline yet.',
      kinds: {
        'milestone-reached': 'Milestone reached',
        'summary-report': 'Meeting (summary report)',
        gathering: 'Mentoring event',
        'quarterly-report': 'Quarterly report',
        'stage-change': 'Stage',
        photo: 'Photo',
      },
      stageStart: 'Started in “{{to}}”',
      stageMove: 'Moved to “{{to}}”',
      participants: 'Participants: {{names}}',
      actions_one: '{{count}} follow-up action',
      actions_other: '{{count}} follow-up actions',
      hours: '{{hours}} hours of interaction',
      openReport: 'Open the summary report',
      photoAlt: 'Photo: {{caption}}',
      photoAltNone: 'Photo of the mentorship, added {{date}}',
      photoFailed: 'The photo could not be loaded.',
      removePhoto: 'Remove this photo',
      photosHeading: 'Add a photo',
      photosIntro:
        'Pictures of meetings and milestones help celebrate. Ask people before you photograph them: a photo can expose someone. Location and camera details are removed before the photo is stored.',
      photoFile: 'Photo (JPEG, PNG or WebP, at most 5 MB)',
      photoCaption: 'Caption (optional)',
      attachTo: 'Show it with',
      attachMentorship: 'The mentorship',
      attachReport: 'Meeting of {{date}}',
      attachMilestone: 'Milestone: {{description}}',
      upload: 'Add the photo',
      uploading: 'Adding…',
      uploaded: 'Photo added.',
      chooseFile: 'Choose a photo first.',
      tooBig: 'The photo is larger than 5 MB.',
    },
    tips: {
      heading: 'Practical tips',
      intro:
        'This mentorship shows signs that the toolkit’s “Practical Challenges and Tips” speak to.',
      none: 'Nothing calls for a tip right now.',
      symptoms: {
        'no-recent-event': 'No meeting or event for {{days}} days.',
        'milestones-overdue_one': '{{count}} milestone is past its date and not reached.',
        'milestones-overdue_other': '{{count}} milestones are past their date and not reached.',
        'reports-late_one': '{{count}} quarterly report is late.',
        'reports-late_other': '{{count}} quarterly reports are late.',
        'follow-ups-overdue_one': '{{count}} follow-up action is overdue.',
        'follow-ups-overdue_other': '{{count}} follow-up actions are overdue.',
      },
      signsHeading: 'What we see',
      tipsHeading: 'What may help',
      caseHeading: 'Representative case',
    },
    exports: {
      heading: 'Export (CSV)',
      intro: 'Download the answers of each form as a spreadsheet file.',
      networkIntro: 'Every mentorship you see, one row per form, with its organizations in front.',
      forms: {
        'summary-reports': 'summary reports (Annex 4)',
        'follow-up-actions': 'follow-up actions',
        'quarterly-reports': 'quarterly reports (Annex 5)',
        reflection: 'reflection questionnaire results (Annex 6)',
        evaluations: 'evaluation forms (Annex 7)',
      },
      download: 'Download {{form}}',
      downloading: 'Preparing {{form}}…',
      failed: 'The export could not be downloaded.',
    },
    print: {
      print: 'Print',
      back: 'Back to the mentorship',
      blankNote: 'A blank form to print and fill in by hand.',
      notFound: 'This report does not exist.',
      filedBy: 'Filed by {{name}} on {{date}}',
      chosen: 'Chosen:',
      notChosen: 'Not chosen:',
      summaryTitle: 'Summary report of {{date}}',
      quarterlyTitle: 'Quarterly report {{period}}',
    },
  },
} as const;

type Keys = Leaves<typeof enMonitoring>;
/** `a.b` for the plural forms `a.b_one` and `a.b_other`, as i18next is asked for them. */
type PluralBase<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : never;
/** Every key of this catalog, e.g. `'monitor.followUps.heading'`. */
export type MonitorMessageKey = Keys | PluralBase<Keys>;
export type MonitorTranslate = (key: MonitorMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
const tm = addCatalog<MonitorTranslate>(enMonitoring, 'monitor.section.heading');

/** The translate function of the monitoring screens: this catalog's keys and the main one's. */
export function useMonitorT(): MonitorTranslate {
  return tm;
}

/** A text of the Annex 4 sheet: its translation by id when a catalog has one, else the sheet's. */
export function tSheetText(id: string, text: string): string {
  return i18n.t(`summaryReportTexts.${id}`, { defaultValue: text }) as string;
}

/** A practical challenge's title or tip (by id), else the source's words. */
export function tTipText(id: string, text: string): string {
  return i18n.t(`practicalTipTexts.${id}`, { defaultValue: text }) as string;
}
