/**
 * The English strings of the Sisi Kwa Sisi coaching screens (seed 000): the pool of coaches,
 * the needs assessment with its suggested coaches, a coaching with its Lead → Assist →
 * Observe plan and follow-up sessions, and the best-practice library. Registered into the
 * SPA's i18next instance when one of those screens loads, so the first page does not carry
 * them. The source's own words (steps, thematic areas, tips, the questions) come from
 * `@sisi/domain/static`; `tSource` looks them up under `sisiKwaSisiTexts.<id>` first, so
 * another language can translate them by id.
 *
 * Everything lives under one root key, `sisiKwaSisi`, so it never collides with the others.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Base, Leaves } from './keys.ts';

export const enSisiKwaSisi = {
  sisiKwaSisi: {
    title: 'Sisi Kwa Sisi coaching',
    navLabel: 'Sisi Kwa Sisi',
    landingLink: 'Sisi Kwa Sisi peer coaching: coaches, coachings and best practices',
    sections: 'Sisi Kwa Sisi coaching',
    outcomes: 'Key outcomes',
    steps: 'Steps',
    stepN: 'Step {{n}}',
    tips: 'Useful tips',
    model: 'The Lead – Assist – Observe model',
    modelNote: 'The source names the model without describing it; these words are Sisi’s.',
    coach: 'Coach',
    peer: 'Peer',
    links: {
      pool: 'The pool of coaches',
      new: 'Link a coach to a peer (needs assessment)',
      library: 'Best-practice library',
    },
    list: {
      heading: 'Coachings',
      headingManager: 'Where each coaching stands',
      managerNote:
        'You see where each coaching stands. The plan, the needs assessment and the session notes belong to the coach and the peer only.',
      empty: 'No coaching yet.',
      pair: '{{coach}} coaching {{peer}}',
      yourRole: 'You are the {{role}}.',
      open: 'Open the coaching of {{peer}}',
      closed: 'Closed',
      active: 'In progress',
      sessionsHeld_one: '{{count}} session held',
      sessionsHeld_other: '{{count}} sessions held',
      lastSession: 'Last session: {{date}}',
      noSession: 'No session yet',
      nextMeeting: 'Next meeting: {{date}}',
      averageQuality: 'Average quality: {{value}} of 5',
      filterLabel: 'Show',
      filterAll: 'All',
      filterActive: 'In progress',
      filterClosed: 'Closed',
    },
    plan: {
      heading: 'Coaching plan',
      states: {
        none: 'No plan yet',
        'on-track': 'On track',
        behind: 'Behind',
        complete: 'Complete',
      },
      stateLabel: 'Plan: {{state}}',
      steps: '{{done}} of {{total}} steps done',
      behindCount_one: '{{count}} step past its date and not done',
      behindCount_other: '{{count}} steps past their date and not done',
      open_one: '{{count}} open commitment',
      open_other: '{{count}} open commitments',
      periodEnd: 'To be completed by {{date}}',
      intro:
        'A period for completion, and for each skill the day the coach leads, the day the coach assists while the peer leads, and the day the coach only observes.',
      periodStart: 'Start of the period',
      periodEndField: 'End of the period',
      skills: 'Skills',
      skillN: 'Skill {{n}}',
      addSkill: 'Add a skill',
      removeSkill: 'Remove skill {{n}}',
      area: 'Thematic area',
      chooseArea: 'Choose an area',
      skill: 'Skill to reinforce',
      date: 'Date',
      done: 'Done',
      stepState: {
        done: 'Done',
        behind: 'Behind: past its date and not done',
        upcoming: 'To come',
      },
      orderHint:
        'Lead, then Assist, then Observe: each date on or after the one before, within the period.',
      save: 'Save the plan',
      saving: 'Saving…',
      saved: 'Plan saved.',
      stale:
        'Someone saved the plan meanwhile. Reload the page to see their changes, then make yours again.',
      closedNote: 'This coaching is closed: its plan can no longer change.',
      progression: 'Progression of {{skill}}',
    },
    sessions: {
      heading: 'Follow-up sessions',
      intro: 'Are the coaching sessions happening, and how good are they? Record each one.',
      privacy:
        'The notes are private: only the coach and the peer can read them. Coordinators and admins see how many sessions were held and their average quality, never the notes.',
      empty: 'No session recorded yet.',
      date: 'Date of the session',
      step: 'Step',
      skill: 'Skill',
      anySkill: 'Not about one skill',
      quality: 'Quality of the session',
      qualityValue: '{{value}} – {{label}}',
      mode: 'How you met',
      notes: 'Private notes',
      notesHint: 'Readable by the coach and the peer only. Stored encrypted.',
      nextMeeting: 'Next follow-up meeting',
      nextMeetingHint: 'Optional. In person if possible.',
      record: 'Record the session',
      recording: 'Recording…',
      recorded: 'Session recorded.',
      recordedBy: 'Recorded by {{name}}',
      noNotes: 'No notes.',
      on: '{{date}}: {{step}}',
      rated: 'Quality {{value}} of 5 ({{label}})',
    },
    assessment: {
      heading: 'Needs assessment',
      title: 'Link a coach to a peer',
      intro:
        'Assess what the peer needs, see the coaches who fit best and why, then choose one. Nothing is saved until you link a coach.',
      added:
        'The source names a needs assessment without its questions: these questions are Sisi’s, each taken from a sentence of the source.',
      peerOrganization: 'Organization of the peer',
      chooseOrganization: 'Choose an organization',
      peer: 'Peer',
      choosePeer: 'Choose a person',
      areas: 'Areas of need',
      areaN: 'Area {{n}}',
      addArea: 'Add an area',
      removeArea: 'Remove area {{n}}',
      chooseArea: 'Choose an area',
      choosePriority: 'Choose a priority',
      skillsHint: 'One skill per line.',
      suggest: 'Suggest coaches',
      suggesting: 'Looking for coaches…',
      suggestions: 'Suggested coaches',
      suggestionsIntro: 'Ranked by fit to the needs. The reasons say where each score comes from.',
      none: 'No coach of the pool fits these needs yet.',
      score: 'Score {{score}}',
      freePlaces_one: '{{count}} free place',
      freePlaces_other: '{{count}} free places',
      choose: 'Link {{name}} as coach',
      linking: 'Linking…',
      linked: 'Coaching of {{peer}} by {{coach}} started.',
      excluded: 'Not suggested',
      excludedReasons: {
        'is-the-peer': 'is the peer',
        'not-willing': 'has not confirmed they are willing',
        'no-free-place': 'has no free place',
        'no-needed-area': 'is competent in none of the areas needed',
      },
      excludedEntry: '{{name}} {{reason}}',
      weights: 'How the score is made',
      notAllowed: 'Only a network admin or a coordinator links a coach to a peer.',
      reasons: {
        area: 'Competent in {{area}}, a {{priority}}-priority need',
        evidence: 'Evidence of competency in {{area}}',
        'tci-model': 'Coached on the TCI model',
        'same-city': 'Works in the same city, {{city}}',
        'same-organization': 'Same organization as the peer',
        load_one: 'Already coaches {{count}} peer',
        load_other: 'Already coaches {{count}} peers',
      },
      points: '{{points}} points',
      priorities: { high: 'high', medium: 'medium', low: 'low' },
    },
    coaching: {
      title: 'Coaching of {{peer}}',
      back: 'Back to Sisi Kwa Sisi coaching',
      status: 'Where it stands',
      coachIs: 'Coach: {{name}}',
      peerIs: 'Peer: {{name}}',
      managerOnly:
        'You manage this coaching: you see where it stands. Its plan, needs assessment and session notes belong to the coach and the peer.',
      close: 'Close the coaching',
      closing: 'Closing…',
      closedOn: 'Closed on {{date}}.',
      closeConfirm: 'Close this coaching? The coach’s place is freed and no session can be added.',
      interventions: 'Evidence-based interventions',
      workPlan: 'Work plan or strategic priority',
      city: 'City',
      assessedOn: 'Assessed on {{date}}',
    },
    pool: {
      title: 'The pool of coaches',
      intro:
        'People who have demonstrated competency in a thematic area and are able and interested in coaching their peers.',
      empty: 'The pool is empty.',
      filter: 'Thematic area',
      allAreas: 'All areas',
      willing: 'Willing to coach',
      notWilling: 'Not confirmed willing yet',
      places: 'Coaches {{active}} of {{max}} peers',
      tci: 'Coached on the TCI model',
      evidence: 'Evidence',
      noEvidence: 'No evidence recorded.',
      city: 'City: {{city}}',
      you: 'This is you.',
      confirm: 'I am able and interested in coaching my peers',
      withdraw: 'I am no longer available to coach',
      confirmHint: 'Only you can say this: nobody can volunteer you.',
      saved: 'Saved.',
      add: 'Add a coach',
      addIntro:
        'The person is asked to confirm they are willing; until they do, they are never suggested.',
      organization: 'Organization',
      chooseOrganization: 'Choose an organization',
      person: 'Person',
      choosePerson: 'Choose a person',
      competency: 'Competency areas and evidence',
      areaN: 'Competency {{n}}',
      addArea: 'Add a competency area',
      removeArea: 'Remove competency {{n}}',
      evidenceHint: 'How they demonstrated competency: work done, results, training.',
      links: 'Links to evidence',
      linksHint: 'Optional, one web address per line.',
      maxPeers: 'Peers they can coach at once',
      submit: 'Add to the pool',
      submitting: 'Adding…',
      added: '{{name}} added to the pool.',
      taken: 'This person is already in the pool.',
    },
    library: {
      title: 'Best-practice library',
      intro:
        'Best practices and learnings from Sisi Kwa Sisi coaching, published by their authors for the whole network.',
      publishedHeading: 'Published',
      empty: 'Nothing published yet.',
      mine: 'My write-ups',
      mineEmpty: 'You have not written any yet.',
      draft: 'Draft: only you can see it',
      published: 'Published {{date}}',
      by: 'By {{name}}',
      publish: 'Publish {{title}} to the library',
      withdraw: 'Withdraw {{title}} from the library',
      write: 'Write up a best practice',
      writeIntro:
        'From a coaching you take part in. Nothing is copied from the coaching: do not paste session notes or anything said in confidence.',
      coaching: 'From the coaching',
      chooseCoaching: 'Choose a coaching',
      practiceTitle: 'Title',
      area: 'Thematic area',
      practice: 'What was done that worked',
      learnings: 'Learnings to cross-pollinate',
      consent: 'I consent to publish this write-up, with my name, in the network’s library',
      consentHint:
        'Without this, it stays a draft only you can see. You can publish or withdraw it later.',
      submit: 'Save the write-up',
      submitting: 'Saving…',
      savedDraft: 'Saved as a draft: only you can see it.',
      savedPublished: 'Published to the library.',
      noCoaching: 'You write up best practices from a coaching you take part in.',
    },
  },
} as const;

/** Every key of this catalog, e.g. `'sisiKwaSisi.plan.heading'`. */
export type SisiKwaSisiMessageKey = Base<Leaves<typeof enSisiKwaSisi>>;
export type SisiKwaSisiTranslate = (
  key: SisiKwaSisiMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Registered once, when the first screen that imports this module loads.
const ts = addCatalog<SisiKwaSisiTranslate>(enSisiKwaSisi, 'sisiKwaSisi.title');

/** The translate function of the coaching screens: this catalog's keys and the main one's. */
export function useSisiT(): SisiKwaSisiTranslate {
  return ts;
}

/** A text of the source (seed 000): its translation by id when a catalog has one, else its own words. */
export function tSource(id: string, text: string): string {
  return i18n.t(`sisiKwaSisiTexts.${id}`, { defaultValue: text }) as string;
}
