/**
 * Peer coaching groups as the two sources describe them, word for word, as data (zod-free:
 * the SPA imports it through `@sisi/domain/static`, ADR 0005):
 * - 003 "Peer Coaching Groups" (Liz Whitworth, LCH, and Julie Thornton, LYPFT): the group
 *   of usually 4-7, the facilitator of the first three sessions and the review after the
 *   third, the 30-minute turn, the "Spirit in which we will work", the key questions and
 *   the learning log;
 * - 004 "Peer-to-Peer Coaching for Small Businesses" (Dona Witten, SPQA, Sept 2014): the
 *   critical success factors, the facilitator's directive and non-directive roles, the
 *   issue processing method and the exercise.
 */

/** Where a text comes from: the seed file and the place in it. */
export interface SourceRef {
  source: '003' | '004';
  where: string;
}

export interface SourcedText extends SourceRef {
  text: string;
}

/** The sources' titles, for a "source" line under a text. */
export const coachingGroupSources = {
  '003':
    'Peer Coaching Groups — Liz Whitworth (LCH), Development Lead, and Julie Thornton (LYPFT), Learning and Organisational Development Manager',
  '004': 'Peer-to-Peer Coaching for Small Businesses — Dona Witten, PhD, SPQA, Sept 2014',
} as const;

/** 003, "What is a Peer Coaching Group?": the definition the group page opens with. */
export const peerCoachingGroupDefinition: SourcedText = {
  source: '003',
  where: 'What is a Peer Coaching Group?',
  text: 'A Peer Coaching Group is a group of usually 4-7 people who get together (on a regular basis) to discuss issues of personal or mutual importance. They are designed to deal with the specific needs of the group members and require agreed action by the end of each meeting. Groups will start with a facilitator who will be with the Group for the first three sessions and following this, the group will become self-facilitated.',
};

/**
 * How many people a group should have. 003 recommends 4-7 (the app's advice: a group
 * outside it is created, with a warning); 004 gives two other figures, shown beside it.
 */
export const groupSizeGuidance = {
  recommended: {
    min: 4,
    max: 7,
    source: '003',
    where: 'What is a Peer Coaching Group?',
    text: 'A Peer Coaching Group is a group of usually 4-7 people',
  },
  others: [
    {
      source: '004',
      where: 'Models — With a facilitator',
      text: 'Usually groups of at least eight',
    },
    { source: '004', where: 'Exercise', text: 'Form into groups of 5 – 8' },
  ],
} as const satisfies {
  recommended: SourcedText & { min: number; max: number };
  others: readonly SourcedText[];
};

/** The sessions the first facilitator runs before the review (003). */
export const FACILITATED_SESSIONS = 3;

/** 003: the facilitator's sessions and the review after the third. */
export const facilitationTexts = {
  firstSessions: {
    source: '003',
    where: 'How will the Peer Coaching Group sessions be organised?',
    text: 'Groups will be facilitated for the first three sessions and will be self-managed thereafter',
  },
  review: {
    source: '003',
    where: 'The Role of Facilitator',
    text: 'The facilitator will lead a review after the third session for the group to decide who they would like in the role of facilitator and their options going forward.',
  },
  skills: {
    source: '003',
    where: 'Key Questions',
    text: 'The facilitation role, however it is covered, is critical to the success of a group. It is not possible in these notes to look at group dynamics, but it is important not to underestimate the skills involved in successful facilitation if/when it becomes your turn in the role.',
  },
} as const satisfies Record<string, SourcedText>;

/** A member's turn in a session, in minutes (003). */
export const DEFAULT_TURN_MINUTES = 30;
export const MIN_TURN_MINUTES = 5;
export const MAX_TURN_MINUTES = 120;

export const turnTimeText: SourcedText = {
  source: '003',
  where: 'How will the Peer Coaching Group sessions be organised?',
  text: 'Sessions will focus on members bringing a real issue or problem to the group. Due to time constraints each member will be restricted to 30 minutes.',
};

/** 003 on the "Spirit in which we will work": the group's agreement, set up at the start. */
export const spiritTexts = {
  name: 'Spirit in which we will work as a Peer Coaching Group',
  facilitator: {
    source: '003',
    where: 'The Role of Facilitator',
    text: 'The facilitator will help to develop the “Spirit in which we will work” for the group. In the first instance the facilitator will also help the group in deciding the practicalities including allocation of time.',
  },
  setUp: {
    source: '003',
    where: 'How will the Peer Coaching Group sessions be organised?',
    text: 'The facilitator will help the group to set up explicit spirit in which you will work as a group',
  },
  agreement: {
    source: '003',
    where: 'When you are being coached',
    text: 'Ensure that you are happy with the agreement about the “Spirit in which we will work as a Peer Coaching Group” so that trust will flourish',
  },
} as const;

/** 003's advice to members, shown beside the session runner. */
export const coachingGuidance = {
  effective: {
    heading: 'To be effective in your peer coaching group',
    items: [
      'Treat the session as a priority',
      'Come with the expectation that this could be a great learning experience',
    ],
  },
  coaching: {
    heading: 'When you are coaching',
    items: [
      'Stay tuned to what your peer member is saying and how they are describing his/her reality',
      'Listen well and show that you are doing so',
      'Stay aware of your own biases as you listen to the story',
      'Challenge and support in amounts right for your peer',
      "Don't pretend you have the answers or know all there is to know about the topic or issues that is being brought – ask questions to help clarity. It will not only help you but also your peer as s/he externalises thoughts",
      'Help your peer explore where other support may be obtained',
      'You are not in the group to criticise the ideas of your peers but to demonstrate respect and develop trust by listening and asking questions to help explore perspectives',
      'Only offer ideas to show your acceptance of your peer and not to create a focus on you',
    ],
  },
  beingCoached: {
    heading: 'When you are being coached',
    items: [
      'Come prepared with a topic that you would value exploring; this may be something you have had coaching on and is ripe for the next stage of exploration, or something new.',
      'Ensure that you are happy with the agreement about the “Spirit in which we will work as a Peer Coaching Group” so that trust will flourish',
      'Share with the group what challenge and support look like for you and how much you would like of each from the group',
    ],
  },
} as const;

export interface KeyQuestion {
  id: string;
  text: string;
}

/**
 * 003 "Key Questions". The heading says six; the source lists five. Both are reproduced
 * as they are (`listed` says how many there really are) rather than inventing a sixth.
 *
 * @example keyQuestions.questions.length // 5, under a heading that says "six"
 */
export const keyQuestions = {
  source: '003',
  where: 'Key Questions',
  heading: 'Each member of the group is trying to answer six key questions:',
  questions: [
    { id: 'trying-to-do', text: 'What am I trying to do?' },
    { id: 'stopping-me', text: 'What is stopping me from doing it?' },
    { id: 'what-can-i-do', text: 'What can I do about it?' },
    { id: 'who-knows', text: 'Who knows what I am trying to do?' },
    { id: 'who-can-help', text: 'Who can do anything to help?' },
  ],
  listed: 5,
  note: 'The source announces six key questions and lists these five.',
  closing:
    'A Peer Coaching Group uses coaching skills to help you get the answers. You may wish to use these to help you review the effectiveness of the group and your own progress in taking action and learning.',
} as const satisfies SourceRef & {
  heading: string;
  questions: readonly KeyQuestion[];
  listed: number;
  note: string;
  closing: string;
};

export type KeyQuestionId = (typeof keyQuestions.questions)[number]['id'];
export const keyQuestionIds = keyQuestions.questions.map((q) => q.id) as [
  KeyQuestionId,
  ...KeyQuestionId[],
];

/**
 * 003 "Learning Log", field by field. `field` names the property that holds it: the date,
 * members present and facilitator come from the session; the member writes the rest.
 */
export const learningLogForm = {
  source: '003',
  where: 'Learning Log',
  title: 'Learning Log',
  intro:
    'You are invited to maintain a log, to support your reflective practice on your experiences. The log is designed for individuals to use specific experiences or incidents at work as the basis for learning.',
  fields: [
    { id: 'date', field: 'date', text: 'Peer Coaching Group Date:', fromSession: true },
    {
      id: 'members-present',
      field: 'membersPresent',
      text: 'Members Present:',
      fromSession: true,
    },
    { id: 'facilitator', field: 'facilitator', text: 'Facilitator:', fromSession: true },
    { id: 'content', field: 'content', text: 'Content:', fromSession: false },
    {
      id: 'evaluation',
      field: 'evaluation',
      text: 'Evaluation:',
      hint: 'comment on your immediate learning from experiencing the group',
      fromSession: false,
    },
    {
      id: 'action-plan',
      field: 'actionPlan',
      text: 'Action Plan:',
      hint: 'note the actions you will take in the work place to report back on at the following group',
      fromSession: false,
    },
  ],
} as const satisfies SourceRef & {
  title: string;
  intro: string;
  fields: readonly {
    id: string;
    field: string;
    text: string;
    hint?: string;
    fromSession: boolean;
  }[];
};

/** The steps of an issue's turn, in order: 004's method, then the commitment it ends in. */
export const issueSteps = ['reframe', 'clarify', 'restate', 'recommend', 'select'] as const;
export type IssueStep = (typeof issueSteps)[number];

/**
 * 004 "The issue processing method", its five steps and their sub-points word for word,
 * keyed by the step of an issue's turn they describe.
 */
export const issueProcessingMethod = {
  source: '004',
  where: 'The issue processing method',
  title: 'The issue processing method',
  steps: [
    {
      id: 'reframe',
      text: 'Select a topic from the group',
      points: ['Reframe the topic as ‘HOW DO I _____?’'],
    },
    {
      id: 'clarify',
      text: 'Group asks clarifying questions about the topic',
      points: ['Resist the urge to provide solutions'],
    },
    {
      id: 'restate',
      text: 'Issue is restated at a deeper level if necessary',
      points: ['The clarifying questions may reveal a deeper issue'],
    },
    { id: 'recommend', text: 'Solicit recommended solutions/actions from the group', points: [] },
    {
      id: 'select',
      text: 'Issue owner selects one or more actions to follow up on',
      points: ['Commits to respond back to the group within a given time frame with outcomes'],
    },
  ],
} as const satisfies SourceRef & {
  title: string;
  steps: readonly { id: IssueStep; text: string; points: readonly string[] }[];
};

/** 003's three stages, which the method's steps walk through. */
export const issueStagesText: SourcedText = {
  source: '003',
  where: 'What is a Peer Coaching Group?',
  text: 'There are usually three stages: identifying and clarifying the problem; listing possible actions; and selecting which specific action to take.',
};

/** 004 "The facilitator - coach": the two ways of facilitating. */
export const facilitatorRoles = {
  source: '004',
  where: 'The facilitator - coach',
  title: 'The facilitator - coach',
  roles: [
    {
      id: 'directive',
      name: 'Directive',
      items: [
        'Selects content',
        'Contributes content and directs conversation from group',
        "Monitors group participation to minimize 'hogging the floor' and 'silent partners'",
        'Manages the clock',
        'Asks powerful questions / talks to the elephant',
        "Manages 'bad behavior'",
        'Maintains action lists',
      ],
    },
    {
      id: 'non-directive',
      name: 'Non-Directive',
      items: ['Contributes only very limited content', 'Draws content from group'],
    },
  ],
} as const;

/** 004 "Critical Success Factors", all nine as listed. */
export const criticalSuccessFactors = {
  source: '004',
  where: 'Critical Success Factors',
  title: 'Critical Success Factors',
  items: [
    'Non-hierarchical',
    'Similarity of needs and interests',
    'A desire for personal and professional development',
    'Confidentiality',
    'Noncompetitive',
    'Willingness/ability to be open to constructive feedback',
    'Willingness/ability to contribute constructive feedback',
    'Commitment to the process',
    'Non-evaluative',
  ],
} as const;

/** 004's definition, which makes confidentiality part of what peer coaching is. */
export const peerCoachingDefinition: SourcedText = {
  source: '004',
  where: 'What is peer-to-peer coaching?',
  text: 'Peer-to-peer coaching is a confidential process through which two or more individuals of similar hierarchical status work together to reflect on current practices; expand, refine, and build new skills; share ideas; teach one another; and/or solve problems in the workplace.',
};
