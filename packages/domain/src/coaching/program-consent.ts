/**
 * The coaching informed consent form of a peer coaching program (zod-free). Seed 002 asks
 * to "develop a coaching informed consent form" but gives no wording: the form is ours,
 * built from what 002 says a program has (purpose, confidentiality, professionalism,
 * respect, secure notes kept per HR and organizational policies, a baseline assessment,
 * participant surveys, a pilot). Each section says which. `version` is stored with every
 * signature, so a revised text must get a new version instead of changing what was signed.
 */
import type { Wording } from './program-content.ts';

export interface ConsentSection {
  id: string;
  heading: string;
  text: string;
  wording: Wording;
  /** The source's sentence it rests on, verbatim (for `derived` sections). */
  basis?: string;
  /** True when the source says nothing of it at all: wholly our wording. */
  addedBySisi?: boolean;
}

export interface ConsentForm {
  version: string;
  title: string;
  sections: readonly ConsentSection[];
  /** What the participant affirms by signing (typed name). */
  statement: string;
}

/**
 * @example
 * coachingConsentForm.version // '002-consent-v1'
 * coachingConsentForm.sections.map((s) => s.id) // ['purpose', 'voluntary', …]
 */
export const coachingConsentForm = {
  version: '002-consent-v1',
  title: 'Coaching informed consent form',
  sections: [
    {
      id: 'purpose',
      heading: 'What peer coaching is',
      wording: 'derived',
      text: 'Peer coaching is a collaborative and reciprocal process: you and a colleague at a similar level help each other improve your skills, solve problems, and achieve personal and professional growth. You coach your peer and your peer coaches you.',
      basis:
        'Peer coaching is a collaborative and reciprocal process where colleagues at similar levels in an organization help each other improve their skills, solve problems, and achieve personal and professional growth.',
    },
    {
      id: 'voluntary',
      heading: 'Taking part is voluntary',
      wording: 'derived',
      addedBySisi: true,
      text: 'You take part because you choose to. You may decline a topic in any session, and you may leave the program at any time by telling the program coordinator, without having to give a reason.',
    },
    {
      id: 'confidentiality',
      heading: 'Confidentiality',
      wording: 'derived',
      text: 'What you and your peer say in coaching stays between the two of you. Your session notes are encrypted and only the two of you can read them: the program coordinator, network admins, the platform operator and donors cannot.',
      basis:
        'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect.',
    },
    {
      id: 'limits',
      heading: 'Limits of confidentiality',
      wording: 'derived',
      addedBySisi: true,
      text: 'If you learn in coaching that someone is at serious risk of harm, confidentiality does not stop you from seeking help to keep them safe, as your organization’s policies say.',
    },
    {
      id: 'notes',
      heading: 'Coaching notes',
      wording: 'derived',
      text: 'Write coaching notes in the app only, where they are kept secure in line with HR and organizational policies. Do not keep copies elsewhere.',
      basis:
        'Develop a coaching informed consent form and implement secure methods for keeping coaching notes aligned with HR and organizational policies.',
    },
    {
      id: 'conduct',
      heading: 'Professionalism and mutual respect',
      wording: 'derived',
      text: 'You agree to keep appointments, prepare for sessions, treat your peer as an equal, listen without judging, and give feedback that is honest and respectful.',
      basis:
        'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect.',
    },
    {
      id: 'assessment',
      heading: 'Self-assessment',
      wording: 'derived',
      text: 'Before coaching starts you rate yourself on the core coaching competencies (the baseline), and again later to show change. Only you see your own answers; the coordinator sees averages over the program, and none at all while fewer than three people have answered.',
      basis:
        'Start with a baseline assessment of core coaching competencies, integrating the top priorities that your coaching program aims to provide to the organization and internal stakeholders.',
    },
    {
      id: 'feedback',
      heading: 'Participant survey',
      wording: 'derived',
      text: 'You will be asked to answer a short survey about the program. Answers are stored without your name and shown only as totals over the program, so the program can be improved.',
      basis:
        'Use tools and surveys to collect data and feedback from participants. This information is crucial for assessing the effectiveness of the program and making informed improvements.',
    },
    {
      id: 'pilot',
      heading: 'If this is a pilot',
      wording: 'derived',
      text: 'A pilot tests the program’s structure and gathers initial feedback: things may change before a full-scale rollout, and you may be asked for more feedback than usual.',
      basis:
        'Launch a pilot program to test the structure and gather initial feedback. This phase allows for adjustments based on real-world experiences and ensures that any issues are addressed before a full-scale rollout.',
    },
  ],
  statement:
    'I have read this form, I understand it, and I agree to take part in peer coaching on these terms.',
} as const satisfies ConsentForm;

export const COACHING_CONSENT_VERSION = coachingConsentForm.version;
