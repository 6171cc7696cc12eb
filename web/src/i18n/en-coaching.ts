/**
 * The English strings of the peer coaching group screens (seeds 003 and 004): the groups
 * list, creating a group, the group page (spirit, sessions, the review after session 3),
 * the session runner with its turn timer, the key questions worksheet and the private
 * learning log. Registered into the SPA's i18next instance when one of those screens
 * loads, so the first page does not carry them. The sources' own words (the key questions,
 * the learning log's fields, the issue processing method…) come from `@sisi/domain/static`;
 * `tGroupSource` looks them up under `coachingGroupTexts.<id>` first, so another language
 * can translate them by id.
 *
 * Everything lives under one root key, `coachingGroups`, so it never collides with others.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Base, Leaves } from './keys.ts';

export const enCoaching = {
  coachingGroups: {
    title: 'Peer coaching groups',
    intro:
      'Small groups of peers who meet regularly: each member brings a real issue, the group coaches them through it, and they commit to an action and report back at the next session.',
    confidential:
      'What a group says in its sessions belongs to its members. Coordinators and admins see its people, dates and figures, never what was said.',
    create: 'Create a group',
    empty: 'No peer coaching group yet.',
    source: 'Source: {{source}}',
    sourceNote: 'Source {{source}}, “{{where}}”',
    access: {
      member: 'You are a member',
      facilitator: 'You facilitate this group',
      overview: 'You oversee this group',
    },
    figures: {
      heading: 'Where the group stands',
      members: 'Members',
      sessionsHeld: 'Sessions held',
      sessionsPlanned: 'Sessions planned',
      lastSession: 'Last session',
      nextSession: 'Next session',
      commitmentsOpen: 'Commitments open',
      commitmentsOpenValue: '{{open}} open, {{overdue}} overdue (of {{made}} made)',
      spirit: 'Spirit agreed',
      spiritValue: 'by {{agreed}} of {{of}} members',
      spiritNotSet: 'not written yet',
      review: 'Review after session 3',
      none: 'none',
    },
    reviewStates: {
      'not-yet': 'Not yet: after the third session',
      due: 'Due now',
      done: 'Done',
    },
    new: {
      title: 'Create a peer coaching group',
      name: 'Name of the group',
      members: 'Members',
      membersHint:
        'People of the network who will meet as peers. Tick each member; the first facilitator may be one of them or someone else.',
      organization: 'People of {{name}}',
      noPeople: 'No people to choose from yet: invite them to their organization first.',
      facilitator: 'Facilitator of the first three sessions',
      facilitatorHint:
        'Helps the group agree its spirit and runs sessions 1-3; after the third session the group reviews and chooses who facilitates next.',
      choosePerson: 'Choose a person',
      selected_one: '{{count}} member selected.',
      selected_other: '{{count}} members selected.',
      within: 'Within the 4-7 people that source 003 recommends.',
      below:
        'Warning: {{count}} is fewer than the 4-7 people that source 003 recommends. You can still create the group.',
      above:
        'Warning: {{count}} is more than the 4-7 people that source 003 recommends. You can still create the group.',
      advice: 'How big a group should be',
      submit: 'Create the group',
      submitting: 'Creating…',
    },
    group: {
      overviewNote:
        'You oversee this group: you see its people, session dates and figures. What the group writes — its spirit, issues, commitments and logs — is for its members only.',
      sizeWarning: 'This group has {{count}} members, outside the 4-7 that source 003 recommends.',
      membersHeading: 'Members',
      agreed: 'agreed to the spirit',
      notAgreed: 'has not agreed yet',
      facilitatorLine: 'Facilitator of sessions 1-3: {{name}}',
      facilitatorOutside: '(from outside the group)',
      facilitatorMember: '(a member)',
      unknownPerson: 'Someone no longer in the network',
      worksheetLink: 'My key questions worksheet',
      guidance: 'Guidance from the sources',
    },
    spirit: {
      heading: 'Spirit in which we will work',
      none: 'The group has not written its spirit yet.',
      hidden: 'The spirit’s text is for the group’s members.',
      agreedBy: 'Agreed by {{agreed}} of {{of}} members.',
      edit: 'Write the spirit',
      text: 'Our spirit: how we will work together',
      textHint:
        'The group’s ground rules, agreed by every member: confidentiality, listening, how much challenge and support, time, commitment.',
      save: 'Save the spirit',
      saving: 'Saving…',
      saved: 'The spirit is saved. Each member is asked to agree to it.',
      agree: 'I agree to this spirit',
      agreeing: 'Saving…',
      youAgreed: 'You agreed to this spirit.',
    },
    sessions: {
      heading: 'Sessions',
      none: 'No session yet.',
      item: 'Session {{number}}: {{date}}',
      held: 'Held',
      planned: 'Planned',
      facilitatorKinds: {
        initial: 'Facilitator: {{name}}',
        named: 'Facilitator (chosen at the review): {{name}}',
        rotation: 'Facilitator (rotation): {{name}}',
        'pending-review': 'Facilitator: chosen at the review after session 3',
      },
      run: 'Run session {{number}}',
      log: 'My learning log of session {{number}}',
      schedule: 'Schedule a session',
      date: 'Date of the session',
      add: 'Add the session',
      adding: 'Adding…',
      added: 'Session {{number}} on {{date}} added.',
    },
    review: {
      heading: 'Review after the third session',
      notYet:
        'After the third session is held, the group reviews and chooses who facilitates next.',
      named: 'Chosen facilitator from session 4: {{name}}.',
      rotation: 'From session 4 the members facilitate in turn: {{names}}.',
      mode: 'How will the group be facilitated from session 4?',
      modeNamed: 'One person facilitates',
      modeRotation: 'Members take turns (rotation)',
      person: 'Facilitator from session 4',
      order: 'Members in the rotation, in this order',
      submit: 'Record the review',
      submitting: 'Recording…',
      done: 'The review is recorded.',
    },
    runner: {
      title: 'Session {{number}}',
      heading: 'Session {{number}}: {{date}}',
      backToGroup: 'Back to {{name}}',
      facilitator: 'Facilitator: {{name}}',
      reviewFirst:
        'This session comes after the third: the group records its review (who facilitates next) before it runs.',
      held: 'This session was held: it is closed.',
      present: 'Who is here',
      savePresent: 'Save who is here',
      presentSaved: 'Saved who is here.',
      reportBacks: '1. Report-backs on open commitments',
      reportBacksIntro:
        'Each member reports back on the actions they committed to: done, or carried forward to the next session.',
      noReportBacks: 'No commitment to hear back on.',
      commitmentBy: '{{owner}} committed in session {{number}} ({{date}}):',
      reportBy: 'Report back by {{date}}',
      states: { open: 'Open', overdue: 'Overdue', reported: 'Reported' },
      earlier: 'Carried forward on {{date}}: {{outcome}}',
      reportedHere: 'Reported back in this session: {{outcome}}',
      outcome: 'Outcome for “{{text}}”',
      newDate: 'New report-back date (if carried forward)',
      done: 'Done: close it',
      carry: 'Not yet: carry it forward',
      reporting: 'Saving…',
      turns: '2. Turns',
      turnsIntro:
        'Each member brings an issue. The group works on one issue at a time, through the issue processing method, in a time-boxed turn.',
      turnOf: 'Turn of {{name}}',
      startTurn: 'Start a turn',
      owner: 'Whose issue',
      minutes: 'Minutes for the turn',
      start: 'Start the turn',
      starting: 'Starting…',
      close: '3. Close the session',
      closeHint: 'When the last turn is over, mark the session as held.',
      markHeld: 'Mark the session as held',
      notYetDate: 'The session can be marked held from {{date}}.',
      writeLog: 'Write my learning log',
      guidance: 'How to coach and be coached (003)',
    },
    timer: {
      label: 'Time left in the turn of {{name}}',
      pause: 'Pause the timer',
      resume: 'Resume the timer',
      more: 'Add 5 minutes',
      less: 'Take off 5 minutes',
      fiveLeft: '5 minutes left in the turn of {{name}}.',
      oneLeft: '1 minute left in the turn of {{name}}.',
      up: 'Time is up for the turn of {{name}}.',
      paused: 'Paused',
      of: 'of {{minutes}} minutes',
    },
    turn: {
      steps: 'Steps of the issue processing method',
      stepN: 'Step {{n}} of 5',
      current: 'current step',
      howDoI: 'How do I …?',
      howDoIHint: 'Complete the sentence: “How do I …?”',
      howDoIPrefix: 'How do I',
      asked: 'How do I {{text}}?',
      question: 'A clarifying question',
      addQuestion: 'Add the question',
      questions: 'Clarifying questions',
      restatement: 'The issue restated at a deeper level (if needed)',
      recommendation: 'A recommended action',
      addRecommendation: 'Add the recommendation',
      recommendations: 'Recommended actions',
      choose: 'Actions {{name}} selects',
      ownAction: 'Another action (optional)',
      reportBackBy: 'Report back to the group by',
      commit: 'Commit to these actions',
      committing: 'Saving…',
      committed: '{{name}} committed to report back by {{date}}:',
      back: 'Back a step',
      next: 'Next step',
      saving: 'Saving…',
      noneYet: 'None yet.',
      chooseOne: 'select or write at least one action',
    },
    worksheet: {
      title: 'My key questions worksheet',
      private:
        'Private: only you can read your answers — not the other members, the facilitator, your coordinator or the network’s admins.',
      save: 'Save my answers',
      saving: 'Saving…',
      saved: 'Your answers are saved.',
      listedNote:
        'The source announces six key questions and lists these five; Sisi shows them as the source has them.',
    },
    log: {
      title: 'My learning log',
      private:
        'Private: only you can read your learning log — not the other members, the facilitator, your coordinator or the network’s admins.',
      fromSession: 'From the session',
      save: 'Save my learning log',
      saving: 'Saving…',
      saved: 'Your learning log is saved.',
      nobody: 'Not recorded',
    },
  },
} as const;

/** Every key of this catalog, e.g. `'coachingGroups.runner.turns'`. */
export type CoachingMessageKey = Base<Leaves<typeof enCoaching>>;
export type CoachingTranslate = (
  key: CoachingMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Registered once, when the first screen that imports this module loads.
const tc = addCatalog<CoachingTranslate>(enCoaching, 'coachingGroups.title');

/** The translate function of the coaching group screens: this catalog's keys and the main one's. */
export function useCoachingT(): CoachingTranslate {
  return tc;
}

/** A text of a source (003, 004): its translation by id when a catalog has one, else its words. */
export function tGroupSource(id: string, text: string): string {
  return i18n.t(`coachingGroupTexts.${id}`, { defaultValue: text }) as string;
}
