/**
 * 001 Annex 6, "Mentorship Reflection Questionnaire": every section, item, scale label and
 * comment box word for word (capitals as on the paper), in the paper's order, as data
 * (zod-free, so the questionnaire screen and its print view render from it as is).
 *
 * Each option carries the strength it stands for, 5 (the strongest answer) to 1 (the
 * weakest); "DON'T KNOW" is `null`: it is counted, never scored. Where the paper puts a
 * scale under a question it does not fit (decision making b and c use the comfort scale;
 * efficiency b asks about "the mentor" and answers about "the mentee"), the paper's words
 * are kept and the scale is scored as printed: the more comfortable, the stronger.
 */

/** A strength: 5 is the strongest answer of a scale, 1 the weakest; `null` is "don't know". */
export type ReflectionScore = 1 | 2 | 3 | 4 | 5 | null;

export interface ReflectionOption {
  id: string;
  label: string;
  score: ReflectionScore;
}

export interface ReflectionScale {
  id: string;
  options: readonly ReflectionOption[];
}

const five = (ids: readonly [string, string, string, string, string], labels: readonly string[]) =>
  ids.map((id, i) => ({ id, label: labels[i]!, score: (5 - i) as ReflectionScore }));
const DONT_KNOW: ReflectionOption = { id: 'dont-know', label: "DON'T KNOW", score: null };
const RATING = ['excellent', 'very-good', 'good', 'fair', 'poor'] as const;

/**
 * The answer scales of the questionnaire. Yes/no appears twice: a benefit received is
 * strong (YES = 5), a drawback experienced is weak (YES = 1).
 *
 * @example reflectionScales['how-well'].options[0] // { id: 'extremely-well', label: 'EXTREMELY WELL', score: 5 }
 */
export const reflectionScales = {
  'how-well': {
    id: 'how-well',
    options: five(
      ['extremely-well', 'very-well', 'somewhat-well', 'not-so-well', 'not-well-at-all'],
      ['EXTREMELY WELL', 'VERY WELL', 'SOMEWHAT WELL', 'NOT SO WELL', 'NOT WELL AT ALL'],
    ),
  },
  rating: {
    id: 'rating',
    options: [...five(RATING, ['EXCELLENT', 'VERY GOOD', 'GOOD', 'FAIR', 'POOR']), DONT_KNOW],
  },
  'resources-use': {
    id: 'resources-use',
    options: five(RATING, [
      "THE MENTEE MAKES EXCELLENT USE OF PARTNERS' IN-KIND RESOURCES.",
      "THE MENTEE MAKES VERY GOOD USE OF PARTNERS' IN-KIND RESOURCES.",
      "THE MENTEE MAKES GOOD USE OF PARTNERS' IN-KIND RESOURCES.",
      "THE MENTEE MAKES FAIR USE OF PARTNERS' IN-KIND RESOURCES.",
      "THE MENTEE MAKES POOR USE OF PARTNERS' IN-KIND RESOURCES.",
    ]),
  },
  'time-use': {
    id: 'time-use',
    options: five(RATING, [
      "THE MENTEE MAKES EXCELLENT USE OF MENTOR'S TIME.",
      "THE MENTEE MAKES VERY GOOD USE OF MENTOR'S TIME.",
      "THE MENTEE MAKES GOOD USE OF MENTOR'S TIME.",
      "THE MENTEE MAKES FAIR USE OF MENTOR'S TIME.",
      "THE MENTEE MAKES POOR USE OF MENTOR'S TIME.",
    ]),
  },
  needs: {
    id: 'needs',
    options: [
      ...five(
        ['all', 'most', 'some', 'almost-none', 'none'],
        [
          'ALL OF WHAT IT NEEDS',
          'MOST OF WHAT IT NEEDS',
          'SOME OF WHAT IT NEEDS',
          'ALMOST NONE OF WHAT IT NEEDS',
          'NONE OF WHAT IT NEEDS',
        ],
      ),
      DONT_KNOW,
    ],
  },
  comfort: {
    id: 'comfort',
    options: five(
      [
        'extremely-comfortable',
        'very-comfortable',
        'somewhat-comfortable',
        'a-little-comfortable',
        'not-at-all-comfortable',
      ],
      [
        'EXTREMELY COMFORTABLE',
        'VERY COMFORTABLE',
        'SOMEWHAT COMFORTABLE',
        'A LITTLE COMFORTABLE',
        'NOT AT ALL COMFORTABLE',
      ],
    ),
  },
  'benefit-received': {
    id: 'benefit-received',
    options: [
      { id: 'yes', label: 'YES', score: 5 },
      { id: 'no', label: 'NO', score: 1 },
    ],
  },
  'drawback-experienced': {
    id: 'drawback-experienced',
    options: [
      { id: 'yes', label: 'YES', score: 1 },
      { id: 'no', label: 'NO', score: 5 },
    ],
  },
  'benefits-vs-drawbacks': {
    id: 'benefits-vs-drawbacks',
    options: five(
      [
        'benefits-greatly-exceed',
        'benefits-exceed',
        'about-equal',
        'drawbacks-exceed',
        'drawbacks-greatly-exceed',
      ],
      [
        'BENEFITS GREATLY EXCEED DRAWBACKS',
        'BENEFITS EXCEED DRAWBACKS',
        'BENEFITS AND DRAWBACKS ARE ABOUT EQUAL',
        'DRAWBACKS EXCEED BENEFITS',
        'DRAWBACKS GREATLY EXCEED BENEFITS',
      ],
    ),
  },
  satisfaction: {
    id: 'satisfaction',
    options: five(
      ['completely', 'mostly', 'somewhat', 'a-little', 'not-at-all'],
      [
        'COMPLETELY SATISFIED',
        'MOSTLY SATISFIED',
        'SOMEWHAT SATISFIED',
        'A LITTLE SATISFIED',
        'NOT AT ALL SATISFIED',
      ],
    ),
  },
} as const satisfies Record<string, ReflectionScale>;
export type ReflectionScaleId = keyof typeof reflectionScales;

export interface ReflectionItem {
  /** Unique across the questionnaire: `<section>-<letter>`, or the section's id alone. */
  id: string;
  /** The paper's letter ("a." …), absent where a section has one question. */
  letter?: string;
  text: string;
  scale: ReflectionScaleId;
}

export interface ReflectionSection {
  id: string;
  title: string;
  /** The paper's lead-in above the items, when it has one. */
  intro?: string;
  items: readonly ReflectionItem[];
  /** The comment box under the section ("COMMENTS ON …"), when the paper has one. */
  comments?: string;
}

const items = (
  section: string,
  scale: ReflectionScaleId,
  texts: readonly string[],
): ReflectionItem[] =>
  texts.map((text, i) => {
    const letter = String.fromCharCode(97 + i);
    return { id: `${section}-${letter}`, letter, text, scale };
  });

/**
 * The whole questionnaire. `overallComments` is the paper's last box, after the sections.
 *
 * @example
 * reflectionForm.sections.map((s) => s.items.length); // [5, 5, 2, 4, 3, 3, 9, 5, 1, 5]
 */
export const reflectionForm = {
  annex: 'Annex 6',
  title: 'Mentorship Reflection Questionnaire',
  instructionsHeading: 'Instructions',
  instructions: [
    "This questionnaire asks about different aspects of your mentoring relationship. Answering the questions will help you learn about your mentorship relationship's strengths and weaknesses and about steps you can take to improve the collaboration. There are no right or wrong answers. Thoughtful and honest responses will yield the most valuable information. Please answer every question, and please check only one answer per question.",
    'Each member involved in the mentoring relationship (both mentor and mentee) should respond to the questionnaire separately. It will take about 15 minutes to complete. The questionnaire allows you to express your opinions and provide information about your experiences anonymously. Do not write your name on the questionnaire; your name will not be attached to the responses you give.',
    'Individual questionnaires from the mentor organization are then put together and discussed among individuals from the mentor organization to agree upon the overall results. Similarly, individual questionnaires from the mentee organization are put together and discussed among individuals from the mentee organization to agree upon the overall results. (Alternatively, the questionnaire may be scored at once through a group discussion, particularly if the organization is small.)',
    'Mentor and mentee organizations will then come together to compare and discuss results. The purpose of this discussion is not to find fault or achieve a high score, but simply to celebrate where you both agree you are strong, make corrections where you both agree you are weak, and create deeper understanding where you disagree on results. The questionnaire is meant to help create a stronger and more effective mentoring relationship.',
  ],
  completingHeading: 'When completing the questionnaire:',
  completing: [
    'Be sure to read all the answer choices before marking your answer.',
    'Answer each question by placing a legible check mark or "X" in the box to the left of your answer.',
    'Return the completed questionnaire to your mentorship coordinator or bring it to a mentoring team discussion, as decided by the mentoring team.',
  ],
  source:
    'Adapted from The Partnership Self-Assessment Tool, developed by the Center for the Advancement of Collaborative Strategies in Health.',
  sections: [
    {
      id: 'synergy',
      title: 'SYNERGY',
      intro:
        'Please think about the people and organizations that are participants in your mentorship.',
      items: items('synergy', 'how-well', [
        'By participating in the mentoring relationship, how well are mentees able to identify new and creative ways to solve problems?',
        'By participating in the mentoring relationship, how well are partners able to respond to the needs and problems of the constituent community?',
        'By participating in the mentoring relationship, how well are mentees able to implement strategies that are most likely to work in the community?',
        "By participating in the mentoring relationship, how well are mentees able to obtain support from individuals and organizations in the community that can either block the mentee's plans or help move them forward?",
        'By participating in the mentoring relationship, how well are mentees able to carry out comprehensive activities that connect multiple services, programs, or systems?',
      ]),
      comments: 'COMMENTS ON SYNERGY',
    },
    {
      id: 'trust-respect',
      title: 'TRUST AND RESPECT',
      intro: "Please rate the effectiveness of the mentor's leadership in:",
      items: items('trust-respect', 'rating', [
        'Fostering respect, trust, inclusiveness, and openness in the mentoring relationship',
        'Creating an environment where differences of opinion can be voiced',
        'Resolving conflict among partners',
        'Enhancing ownership by combining the perspectives, resources, and skills of partners',
        'Helping the mentees be creative and look at things differently',
      ]),
      comments: 'COMMENTS ON TRUST AND RESPECT',
    },
    {
      id: 'efficiency',
      title: 'EFFICIENCY',
      items: [
        {
          id: 'efficiency-a',
          text: "Please choose the statement that best describes how well the mentee uses the mentor's in-kind resources (e.g., skills, expertise, information, data, connections, influence, space, equipment, goods).",
          scale: 'resources-use',
        },
        {
          id: 'efficiency-b',
          text: 'Please choose the statement that best describes how well the mentor makes use of the mentees time.',
          scale: 'time-use',
        },
      ],
      comments: 'COMMENTS ON EFFICIENCY',
    },
    {
      id: 'communication-coordination',
      title: 'COMMUNICATION AND COORDINATION',
      intro:
        'We would like you to think about the communication and coordination activities in your mentorship. Please rate the effectiveness of your mentorship in carrying out each of the following activities:',
      items: items('communication-coordination', 'rating', [
        'Coordinating communication among partners',
        'Organizing mentorship activities, including meetings and projects',
        "Minimizing the barriers to participation in the mentorship's meetings and activities (e.g., by holding them at convenient places and times, and by providing transportation and childcare)",
        'Evaluating the progress and impact of the mentorship',
      ]),
      comments: 'COMMENTS ON COMMUNICATION AND COORDINATION',
    },
    {
      id: 'mutual-contribution',
      title: 'MUTUAL CONTRIBUTION',
      intro:
        'A mentoring relationship needs both parties to contribute resources in order to work effectively and achieve goals. For each of the following, to what extent does your mentoring relationship have what it needs to work effectively?',
      items: items('mutual-contribution', 'needs', [
        'Skills and expertise (e.g., leadership, evaluation, cultural competency, training, constituent organizing)',
        'Data and information (e.g., statistical data, information about community perceptions, values, resources, and politics)',
        'Connections to constituent key populations',
      ]),
      comments: 'COMMENTS ON MUTUAL CONTRIBUTION',
    },
    {
      id: 'decision-making',
      title: 'DECISION MAKING',
      items: items('decision-making', 'comfort', [
        'How comfortable are you with the way decisions are made in the mentoring relationship?',
        'How often do you support the decisions made by the mentoring relationship?',
        'How often do you feel that you have been left out of the decision-making process?',
      ]),
      comments: 'COMMENTS ON DECISION MAKING',
    },
    {
      id: 'learning',
      title: 'LEARNING',
      intro:
        'For each of the following benefits, please indicate whether the mentee has or has not received the stated benefit as a result of participating in the mentoring relationship.',
      items: items('learning', 'benefit-received', [
        'Enhanced ability to address an important issue',
        'Developed new skills',
        'Heightened its public profile',
        'Increased use of its expertise or services',
        'Acquired useful knowledge about services, programs, or people in the community',
        'Enhanced ability to affect public policy',
        'Development of valuable relationships',
        'Enhanced ability to meet the needs of key population constituents',
        'Ability to have a greater impact than I could have on my own',
      ]),
      comments: 'COMMENTS ON LEARNING',
    },
    {
      id: 'drawbacks',
      title: 'DRAWBACKS OF PARTICIPATION',
      intro:
        'For each of the following drawbacks, please indicate whether or not you have or have not experienced the drawback as a result of participating in this mentorship.',
      items: items('drawbacks', 'drawback-experienced', [
        'Diversion of time and resources away from other priorities or obligations',
        'Insufficient influence in mentorship activities',
        'Viewed negatively due to association with other partners or the mentorship',
        'Frustration or aggravation',
        'Insufficient credit given to me for contributing to the accomplishments of the mentorship',
      ]),
      comments: 'COMMENTS ON DRAWBACKS OF PARTICIPATION',
    },
    {
      id: 'benefits-drawbacks',
      title: 'COMPARING BENEFITS AND DRAWBACKS',
      items: [
        {
          id: 'benefits-drawbacks',
          text: 'So far, how have the benefits of participating in this mentorship compared to the drawbacks?',
          scale: 'benefits-vs-drawbacks',
        },
      ],
    },
    {
      id: 'satisfaction',
      title: 'SATISFACTION WITH PARTICIPATION',
      items: items('satisfaction', 'satisfaction', [
        'How satisfied are you with the way the people and organizations in the mentorship work together?',
        'How satisfied are you with your influence in the mentorship?',
        'How satisfied are you with your role in the mentorship?',
        "How satisfied are you with the mentorship's plans for achieving its goals?",
        'How satisfied are you with the way the mentorship is implementing its plans?',
      ]),
    },
  ],
  overallComments: { id: 'overall', text: 'OVERALL COMMENTS ON THE PARTNERSHIP' },
} as const satisfies {
  annex: string;
  title: string;
  instructionsHeading: string;
  instructions: readonly string[];
  completingHeading: string;
  completing: readonly string[];
  source: string;
  sections: readonly ReflectionSection[];
  overallComments: { id: string; text: string };
};

export type ReflectionSectionId = (typeof reflectionForm.sections)[number]['id'];

/** Every item of the questionnaire, in the paper's order. */
export const reflectionItems: readonly ReflectionItem[] = reflectionForm.sections.flatMap(
  (s) => s.items as readonly ReflectionItem[],
);

/** The comment boxes: one per section that has one, then the overall box, in order. */
export const reflectionCommentBoxes: readonly { id: string; text: string }[] = [
  ...reflectionForm.sections.flatMap((s) =>
    'comments' in s ? [{ id: s.id, text: s.comments }] : [],
  ),
  reflectionForm.overallComments,
];

/**
 * The option `optionId` of `item`, with its score; `undefined` when the item has none such.
 *
 * @example reflectionOption(reflectionItems[0], 'very-well')?.score // 4
 */
export function reflectionOption(
  item: Pick<ReflectionItem, 'scale'>,
  optionId: string,
): ReflectionOption | undefined {
  return (reflectionScales[item.scale].options as readonly ReflectionOption[]).find(
    (o) => o.id === optionId,
  );
}
