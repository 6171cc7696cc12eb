/**
 * Seed 002, "how an organization designs a peer coaching program", as data (zod-free, for
 * the SPA through `@sisi/domain/static`). The design elements quote the source word for
 * word, under its own headings. Where the source only names a thing (selection criteria,
 * roles, the three expectations) the texts are ours, built from its words: each such entry
 * says so with `wording: 'derived'` and quotes the sentence it rests on in `basis`.
 */

/** Where a text's words come from: the source verbatim, or ours built on a quoted basis. */
export type Wording = 'seed' | 'derived';

/** Seed 002's opening definition, verbatim. */
export const programCoachingDefinition = {
  text: 'Peer coaching is a collaborative and reciprocal process where colleagues at similar levels in an organization help each other improve their skills, solve problems, and achieve personal and professional growth.',
};

/** The source's section headings, in its order. */
export const programSections = [
  { id: 'foundation', title: 'Establishing the Foundation' },
  { id: 'framework', title: 'Designing the Peer Coaching Framework' },
  { id: 'training', title: 'Training and Development' },
  { id: 'implementation', title: 'Implementing the Program' },
  { id: 'monitoring', title: 'Monitoring and Evaluation' },
] as const;
export type ProgramSectionId = (typeof programSections)[number]['id'];

export interface ProgramDesignElement {
  id: string;
  section: ProgramSectionId;
  /** A short name for the element (ours: the source has paragraphs, not titles). */
  title: string;
  /** The source's paragraph, verbatim. */
  text: string;
  /** What the app offers for it, when it does. */
  inApp?: string;
}

/**
 * The elements of a program design, one per paragraph of seed 002 (the texts verbatim).
 *
 * @example
 * programDesignElements.find((e) => e.id === 'pilot')?.section // 'implementation'
 */
export const programDesignElements = [
  {
    id: 'objectives',
    section: 'foundation',
    title: 'Clear objectives',
    text: 'The success of a peer coaching program begins with setting clear objectives. Define the goals and desired outcomes, such as improving specific skills, enhancing team collaboration, or fostering a learning culture. These objectives should align with the organization’s values and strategic goals, ensuring that the program contributes to the broader mission of the company.',
    inApp: 'objectives',
  },
  {
    id: 'buy-in',
    section: 'foundation',
    title: 'Leadership buy-in',
    text: 'Securing buy-in from senior leadership and stakeholders is crucial for the success of the program. Present a compelling case that highlights the long-term benefits and return on investment (ROI) of peer coaching. Demonstrating how the program can address current challenges and contribute to organizational goals will help in gaining the necessary support and resources.',
  },
  {
    id: 'selection',
    section: 'framework',
    title: 'Selection, peer nomination and references',
    text: 'Select coaches and participants based on specific criteria that ensure a diverse and inclusive pool. Consider incorporating a peer nomination and reference process to identify individuals who are respected and have the potential to excel as peer coaches. This approach not only adds credibility but also fosters a sense of ownership and engagement among participants.',
    inApp: 'nominations',
  },
  {
    id: 'pairing',
    section: 'framework',
    title: 'Fixed or rotational pairing',
    text: 'Determine the most effective methods for pairing peers, whether through fixed or rotational pairings. Fixed pairings offer consistency and deeper relationships, while rotational pairings provide exposure to different perspectives and experiences. Each approach has its benefits, and the choice should align with the program’s objectives.',
    inApp: 'pairs',
  },
  {
    id: 'roles',
    section: 'framework',
    title: 'Roles, expectations, consent and secure notes',
    text: 'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect. Develop a coaching informed consent form and implement secure methods for keeping coaching notes aligned with HR and organizational policies. This structure ensures that all participants understand their responsibilities and the boundaries within which they operate.',
    inApp: 'consent',
  },
  {
    id: 'baseline',
    section: 'training',
    title: 'Baseline assessment and training modules',
    text: 'Start with a baseline assessment of core coaching competencies, integrating the top priorities that your coaching program aims to provide to the organization and internal stakeholders. Develop comprehensive training modules that cover coaching skills, active listening, and effective feedback. Include advanced methodologies and tools to equip coaches with the necessary skills to be effective.',
    inApp: 'self-assessment',
  },
  {
    id: 'resources',
    section: 'training',
    title: 'Resources and continuous learning',
    text: 'Create a range of resources such as coaching guides, templates, and case studies to support peer coaches. Offer continuous learning opportunities and refresher courses to ensure that coaches remain updated on best practices and can continuously improve their coaching skills.',
  },
  {
    id: 'pilot',
    section: 'implementation',
    title: 'Pilot',
    text: 'Launch a pilot program to test the structure and gather initial feedback. This phase allows for adjustments based on real-world experiences and ensures that any issues are addressed before a full-scale rollout.',
    inApp: 'pilot',
  },
  {
    id: 'rollout',
    section: 'implementation',
    title: 'Implementation plan and launch',
    text: 'Develop a detailed implementation plan for organization-wide deployment. Communicate the program’s launch effectively to encourage participation. Highlight the benefits and provide clear instructions on how to get involved.',
  },
  {
    id: 'kpis',
    section: 'monitoring',
    title: 'KPIs and participant surveys',
    text: 'Define key performance indicators (KPIs) and metrics to track the program’s impact. Use tools and surveys to collect data and feedback from participants. This information is crucial for assessing the effectiveness of the program and making informed improvements.',
    inApp: 'kpis',
  },
  {
    id: 'improvement',
    section: 'monitoring',
    title: 'Iterative improvement',
    text: 'Regularly review program outcomes and participant feedback. Use this information to make iterative improvements that enhance the program’s effectiveness. A commitment to continuous improvement ensures that the peer coaching program remains relevant and valuable.',
    inApp: 'survey',
  },
] as const satisfies readonly ProgramDesignElement[];

export interface SelectionCriterion {
  id: string;
  text: string;
  wording: Wording;
  /** The source's sentence this criterion rests on, verbatim. */
  basis: string;
}

/**
 * Criteria for selecting coaches and participants. Seed 002 asks for "specific criteria"
 * without listing them; these are built from what it says peers are and should be.
 */
export const selectionCriteria = [
  {
    id: 'similar-level',
    text: 'Works at a similar level to the other participants and shares similar roles and responsibilities.',
    wording: 'derived',
    basis:
      'Unlike traditional 1:1 coaching, team coaching, or group coaching, peer coaching involves participants who share similar roles and responsibilities, creating a unique dynamic where learning and support are mutual.',
  },
  {
    id: 'respected',
    text: 'Is respected by peers: nominated by a colleague, with at least one reference who confirms it.',
    wording: 'derived',
    basis:
      'Consider incorporating a peer nomination and reference process to identify individuals who are respected and have the potential to excel as peer coaches.',
  },
  {
    id: 'potential',
    text: 'Has the potential to excel as a peer coach.',
    wording: 'derived',
    basis:
      'Consider incorporating a peer nomination and reference process to identify individuals who are respected and have the potential to excel as peer coaches.',
  },
  {
    id: 'diverse-pool',
    text: 'Together, the people selected make a diverse and inclusive pool.',
    wording: 'derived',
    basis:
      'Select coaches and participants based on specific criteria that ensure a diverse and inclusive pool.',
  },
  {
    id: 'commitment',
    text: 'Commits to confidentiality, professionalism and mutual respect, and signs the informed consent form.',
    wording: 'derived',
    basis:
      'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect.',
  },
] as const satisfies readonly SelectionCriterion[];

export interface ProgramRole {
  id: string;
  name: string;
  duties: readonly string[];
  wording: Wording;
}

/**
 * The roles of a program. Seed 002 asks to "clearly outline the roles of peer coaches"
 * without outlining them: the duties are ours, built from its words. In peer coaching
 * the two people of a pair coach each other ("learning and support are mutual").
 */
export const programRoles = [
  {
    id: 'peer-coach',
    name: 'Peer coach (each participant)',
    wording: 'derived',
    duties: [
      'Coach your peer and be coached in turn: learning and support are mutual.',
      'Come to each session prepared, on time, and ready to listen actively.',
      'Give feedback that is specific, honest and kind, and ask for feedback on your coaching.',
      'Keep what your peer shares confidential.',
      'Write your session notes in the app only: your pair reads them, nobody else.',
      'Complete the baseline self-assessment before coaching starts, and again when asked later.',
      'Answer the participant survey, so the program can improve.',
    ],
  },
  {
    id: 'coordinator',
    name: 'Program coordinator',
    wording: 'derived',
    duties: [
      'Set the program’s objectives and key performance indicators (KPIs), aligned with the organization’s strategy.',
      'Run the peer nomination and reference process and accept participants.',
      'Form the pairs, fixed or rotational, and publish the rotation schedule.',
      'Follow where the program stands: sessions held, consent, self-assessment change, survey results. Never the content of coaching.',
      'Review outcomes and feedback regularly and improve the program.',
    ],
  },
  {
    id: 'referee',
    name: 'Referee',
    wording: 'derived',
    duties: [
      'Confirm, or decline to confirm, that the person nominated is respected by peers and has the potential to excel as a peer coach.',
    ],
  },
] as const satisfies readonly ProgramRole[];

export interface ProgramExpectation {
  id: 'confidentiality' | 'professionalism' | 'respect';
  /** The source's word for it. */
  name: string;
  text: string;
  wording: Wording;
}

/** The three expectations seed 002 names; what each means in practice is ours. */
export const programExpectations = [
  {
    id: 'confidentiality',
    name: 'Confidentiality',
    wording: 'derived',
    text: 'What is said in a coaching session stays between the two peers. Session notes are encrypted and only the pair can read them: not the coordinator, not a network admin, not a donor.',
  },
  {
    id: 'professionalism',
    name: 'Professionalism',
    wording: 'derived',
    text: 'Keep appointments, prepare, follow through on what you agreed, and keep the coaching about work and growth.',
  },
  {
    id: 'respect',
    name: 'Mutual respect',
    wording: 'derived',
    text: 'Peers are equals. Listen without judging, respect differences, and accept that either peer may decline a topic.',
  },
] as const satisfies readonly ProgramExpectation[];
