/**
 * The English strings of the peer coaching program screens (seed 002): programs with their
 * objectives, KPIs, pilot flag and pairing; nominations and references; the consent form;
 * the pairs and rotation schedule; a pair's private session notes; the self-assessment; the
 * participant survey; and the coordinator's overview of all coaching. Registered into the
 * SPA's i18next instance when one of those screens loads, so the first page does not carry
 * them. The program's own texts (design elements, consent form, competencies, survey
 * questions) come from `@sisi/domain/static`; `tProgramText` looks them up under
 * `programTexts.<id>` first, so another language can translate them by id.
 *
 * Everything lives under one root key, `programs`, so it never collides with the others.
 */
import type { TOptions } from 'i18next';
import { i18n, type MessageKey } from './index.ts';

export const enPrograms = {
  programs: {
    title: 'Peer coaching programs',
    navLabel: 'Coaching',
    landing: {
      title: 'Coaching',
      intro: 'Peer coaching in this network: programs, groups and one-to-one coaching.',
      programs: 'Peer coaching programs: objectives, nominations, pairs and surveys',
      groups: 'Peer coaching groups',
      sisiKwaSisi: 'Sisi Kwa Sisi coaching',
      overview: 'Coordinator overview: where all coaching stands',
    },
    intro:
      'An organization’s peer coaching program: colleagues at similar levels coach each other, nominated by their peers, paired fixed or in rotation.',
    list: {
      heading: 'Programs of your organization',
      headingAdmin: 'Programs of the network',
      mine: 'Programs you take part in',
      empty: 'No program yet.',
      mineEmpty: 'You are not nominated, a referee or a participant in any program.',
      create: 'Design a new program',
      overview: 'Coordinator overview',
      organization: 'Run by {{name}}',
    },
    badges: {
      pilot: 'Pilot',
      fixed: 'Fixed pairs',
      rotational_one: 'Rotation every week',
      rotational_other: 'Rotation every {{count}} weeks',
    },
    design: {
      heading: 'How a program is designed',
      sourceNote:
        'From the guide to designing a peer coaching program, in its own words. Short names are Sisi’s.',
      criteria: 'Selection criteria',
      criteriaNote:
        'The guide asks for specific criteria without listing them: these are Sisi’s, built on its words.',
      roles: 'Roles',
      expectations: 'Expectations',
    },
    form: {
      title: 'Design a peer coaching program',
      organization: 'Organization',
      chooseOrganization: 'Choose an organization',
      name: 'Name of the program',
      description: 'Description',
      descriptionHint: 'Optional: why the program, for whom.',
      objectives: 'Objectives',
      objectivesHint: 'Aligned with the organization’s values and strategic goals.',
      objectiveN: 'Objective {{n}}',
      addObjective: 'Add an objective',
      removeObjective: 'Remove objective {{n}}',
      kpis: 'Key performance indicators (KPIs)',
      kpisHint: 'How you will track the program’s impact.',
      kpiN: 'KPI {{n}}',
      kpiName: 'Indicator',
      kpiTarget: 'Target',
      kpiUnit: 'Unit',
      kpiUnitHint: 'Optional, e.g. sessions, %, people.',
      kpiDirection: 'The target is reached when the value is',
      atLeast: 'at least the target',
      atMost: 'at most the target',
      kpiCurrent: 'Current value',
      kpiCurrentHint: 'Optional: where it stands now.',
      addKpi: 'Add a KPI',
      removeKpi: 'Remove KPI {{n}}',
      pilot: 'This is a pilot',
      pilotHint:
        'A pilot tests the structure and gathers initial feedback before a full-scale rollout.',
      pairingMode: 'Pairing',
      choosePairing: 'Choose how peers are paired',
      fixed: 'Fixed pairs: consistency and deeper relationships',
      rotational: 'Rotational pairs: exposure to different perspectives',
      rotationWeeks: 'Rotate every how many weeks',
      rotationWeeksHint: 'From 1 to 26.',
      notANumber: 'must be a number',
      submit: 'Create the program',
      submitting: 'Creating…',
      created: 'Program “{{name}}” created.',
      notYours: 'A network admin or a coordinator designs programs.',
    },
    program: {
      organization: 'Organization',
      objectives: 'Objectives',
      kpis: 'KPIs',
      kpiLine: '{{name}}: target {{direction}} {{target}} {{unit}}',
      kpiAtLeast: 'at least',
      kpiAtMost: 'at most',
      kpiCurrent: 'now {{current}}',
      kpiNoValue: 'no value yet',
      reached: 'Reached',
      notReached: 'Not reached',
      updateKpis: 'Update the KPIs’ current values',
      saveKpis: 'Save the values',
      savingKpis: 'Saving…',
      kpisSaved: 'KPI values saved.',
      yourPart: 'Your part',
      consentSigned: 'You signed the consent form on {{date}}.',
      consentToSign: 'Sign the informed consent form before your first session.',
      signConsent: 'Read and sign the consent form',
      pairs: 'Pairs and rotation schedule',
      selfAssessment: 'Self-assessment of coaching competencies',
      survey: 'Participant survey',
      figures: 'Where the program stands',
      nominee: 'You are nominated for this program.',
      referee: 'You are a referee for a nomination in this program.',
      participant: 'You are a participant.',
    },
    figures: {
      participants: 'Participants',
      consent: 'Consent signed',
      pairs: 'Pairs formed',
      currentRound: 'Current round',
      sessions: 'Sessions held',
      pairsWithSessions: 'Pairs that met',
      nominations: 'Nominations awaiting a reference',
      referenced: 'Nominations ready to accept',
      assessment: 'Self-assessments (baseline / follow-up)',
      change: 'Mean change in competencies',
      changeWithheld: 'shown from 3 people',
      survey: 'Survey response rate',
      surveyNone: 'no round opened',
      kpis: 'KPIs reached',
      ofTotal: '{{n}} of {{total}}',
      rate: '{{percent}}% ({{responses}} of {{participants}}, round {{round}})',
      none: '—',
    },
    nominations: {
      heading: 'Nominations and references',
      intro:
        'Peers nominate colleagues who are respected and have the potential to excel as peer coaches; a referee confirms.',
      empty: 'No nomination you can see yet.',
      nominee: 'Nominee',
      by: 'Nominated by {{name}}',
      reason: 'Why: {{reason}}',
      referees: 'References',
      confirmed: 'Confirmed by {{name}} on {{date}}',
      awaiting: 'Awaiting {{name}}',
      states: {
        'awaiting-reference': 'Awaiting a reference',
        referenced: 'Referenced',
        accepted: 'Participant',
      },
      confirmHeading: 'Your reference for {{name}}',
      statement: 'Your words (optional)',
      confirm: 'Confirm my reference for {{name}}',
      confirming: 'Confirming…',
      confirmedFlash: 'Your reference for {{name}} is confirmed.',
      accept: 'Accept {{name}} as a participant',
      accepting: 'Accepting…',
      acceptedFlash: '{{name}} is now a participant.',
      form: 'Nominate a peer',
      nomineeOrganization: 'Organization of the nominee',
      nomineePerson: 'Nominee',
      refereeN: 'Referee {{n}}',
      refereeOrganization: 'Organization of referee {{n}}',
      refereePerson: 'Referee {{n}}',
      chooseOrganization: 'Choose an organization',
      choosePerson: 'Choose a person',
      addReferee: 'Add a referee',
      removeReferee: 'Remove referee {{n}}',
      reasonLabel: 'Why you nominate them (optional)',
      submit: 'Nominate',
      submitting: 'Nominating…',
      nominated: '{{name}} is nominated: the referees are asked to confirm.',
    },
    consent: {
      title: 'Informed consent',
      version: 'Version {{version}}',
      sourceNote:
        'The guide asks for a coaching informed consent form but gives no wording: this form is Sisi’s, built on the guide’s words.',
      agree: 'I agree',
      signature: 'Your full name, as your signature',
      submit: 'Sign the consent form',
      submitting: 'Signing…',
      signed: 'You signed this form on {{date}} as “{{name}}”.',
      signedFlash: 'Consent signed. You can now record sessions once your peer has signed too.',
      notParticipant: 'Only participants sign this form, each for themself.',
      back: 'Back to the program',
    },
    pairs: {
      title: 'Pairs',
      fixedRound: 'Fixed pairs',
      round: 'Round {{n}}: {{start}} to {{end}}',
      current: 'Now',
      bye: '{{name}} sits out this round.',
      byeNote: 'With an odd number of participants, one person sits out each round, each in turn.',
      empty: 'No pairs yet.',
      sessions_one: '{{count}} session held',
      sessions_other: '{{count}} sessions held',
      consentComplete: 'Both signed consent',
      consentMissing: 'Consent missing',
      open: 'Open our sessions',
      openWith: 'Open our sessions ({{names}})',
      rotationNote: 'Rounds avoid repeating a pair until every pairing has been used.',
      addPair: 'Form a fixed pair',
      first: 'First person',
      second: 'Second person',
      choose: 'Choose a participant',
      submitPair: 'Form the pair',
      submittingPair: 'Forming…',
      paired: 'Pair formed.',
      generate: 'Schedule rotation rounds',
      startDate: 'First day of the first round',
      startDateHint: 'Later rounds continue after the last one.',
      rounds: 'How many rounds',
      submitRounds: 'Schedule the rounds',
      submittingRounds: 'Scheduling…',
      scheduled: 'Rounds scheduled.',
      notAllowed: 'The pairs are shown to the program’s coordinator and participants.',
    },
    sessions: {
      title: 'Our coaching sessions',
      privateNote:
        'Private to your pair: only you and {{partner}} can read these notes. The coordinator, network admins, the operator and donors cannot; they only see how many sessions were held.',
      consentMissing:
        'Both of you sign the informed consent form before your first session: no session or note can be recorded until then.',
      record: 'Record a session',
      date: 'Date of the session',
      notes: 'Your notes (private to your pair)',
      submit: 'Record the session',
      submitting: 'Recording…',
      recorded: 'Session recorded.',
      empty: 'No session recorded yet.',
      sessionOn: 'Session of {{date}}',
      noteBy: '{{name}}, {{date}}',
      addNote: 'Add a note',
      addNoteTo: 'Your note on the session of {{date}}',
      submitNote: 'Add the note',
      submittingNote: 'Adding…',
      noteAdded: 'Note added.',
    },
    assessment: {
      title: 'Self-assessment',
      intro:
        'Rate yourself on the core coaching competencies before coaching starts (the baseline), and again later to show change. Only you see your answers.',
      sourceNote:
        'The guide asks for a baseline assessment of core coaching competencies; the statements and the scale are Sisi’s, built on its words.',
      baseline: 'Baseline',
      followUp: 'Follow-up',
      takeBaseline: 'Your baseline self-assessment',
      takeFollowUp: 'A follow-up self-assessment',
      submit: 'Save my self-assessment',
      submitting: 'Saving…',
      saved: 'Self-assessment saved.',
      mine: 'Your change',
      competency: 'Competency',
      change: 'Change',
      noChange: '—',
      summary: 'The program’s change (all participants)',
      summaryNote:
        'Means are shown only over at least {{n}} people, so nobody’s answers can be told.',
      counts: '{{baseline}} baselines, {{both}} with a follow-up',
      means: 'baseline {{baseline}}, now {{latest}}, change {{change}}',
      withheld: 'too few people for a mean',
      overall: 'Mean change over all competencies: {{change}}',
      notParticipant:
        'Only participants rate themselves. Coordinators see the program’s aggregate.',
    },
    survey: {
      title: 'Participant survey',
      intro: 'Your answers are stored without your name and shown only as totals over the program.',
      sourceNote:
        'The guide asks for surveys of participants; the questions are Sisi’s, built on what it says peer coaching offers.',
      round: 'Round {{n}}',
      closed: 'No survey round is open.',
      answered: 'You have answered round {{n}}. Thank you.',
      submit: 'Send my answers',
      submitting: 'Sending…',
      sent: 'Thank you: your answers are in.',
      open: 'Open survey round {{n}}',
      opening: 'Opening…',
      opened: 'Survey round {{n}} is open.',
      results: 'Results of round {{n}}',
      rate: 'Response rate: {{percent}}% ({{responses}} of {{participants}})',
      withheld: 'Answers are shown from 3 responses, so nobody’s can be told.',
      mean: 'mean {{mean}}',
      distribution: 'Answers from 1 to 5',
      comments: 'What would make the program better',
      noComments: 'No comment.',
    },
    overview: {
      title: 'Coaching overview',
      intro:
        'Where every peer coaching program, peer coaching group and Sisi Kwa Sisi coaching stands. Figures only: never what anyone wrote.',
      programs: 'Peer coaching programs',
      groups: 'Peer coaching groups',
      coachings: 'Sisi Kwa Sisi coachings',
      noPrograms: 'No program.',
      noGroups: 'No group.',
      noCoachings: 'No coaching.',
      truncated: 'Only the 50 newest are shown.',
      members: 'Members',
      sessionsHeld: 'Sessions held',
      sessionsPlanned: 'Sessions planned',
      lastSession: 'Last session',
      nextSession: 'Next session',
      commitmentsOpen: 'Commitments open',
      commitmentsOverdue: 'Commitments overdue',
      spirit: 'Spirit agreed',
      review: 'Review after session 3',
      reviews: { 'not-yet': 'Not yet', due: 'Due', done: 'Done' },
      pair: '{{coach}} coaching {{peer}}',
      status: 'Status',
      plan: 'Plan',
      planStates: {
        none: 'No plan yet',
        'on-track': 'On track',
        behind: 'Behind',
        complete: 'Complete',
      },
      stepsOpen: 'Steps open',
      active: 'Active',
      closed: 'Closed',
      notAllowed: 'The overview is for coordinators and network admins.',
    },
    scale: 'Scale',
  },
} as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Strip i18next's plural suffixes: `sessions_one` is asked for as `sessions`. */
type Base<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key of this catalog, e.g. `'programs.form.title'`. */
export type ProgramMessageKey = Base<Leaves<typeof enPrograms>>;
export type ProgramTranslate = (key: ProgramMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads (deep, overwrite).
if (!i18n.exists('programs.title')) {
  i18n.addResourceBundle('en', 'translation', enPrograms, true, true);
}

const tp: ProgramTranslate = (key, options) => i18n.t(key, options ?? {}) as string;

/** The translate function of the program screens: this catalog's keys and the main one's. */
export function useProgramT(): ProgramTranslate {
  return tp;
}

/** A text of the program's content (seed 002 or Sisi's): its translation by id, else its own words. */
export function tProgramText(id: string, text: string): string {
  return i18n.t(`programTexts.${id}`, { defaultValue: text }) as string;
}
