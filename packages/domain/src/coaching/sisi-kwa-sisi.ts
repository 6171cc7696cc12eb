/**
 * Sisi Kwa Sisi coaching (seed 000, "Imparting Knowledge and Skills in the Workplace through
 * Peer to Peer Mentorship and Sisi Kwa Sisi Coaching"): the source's steps, thematic areas,
 * key outcomes and tips word for word, as zod-free data the SPA bundles through
 * `@sisi/domain/static`.
 *
 * The source names a needs assessment, the Lead-Assist-Observe model and "assess the
 * quality" without giving their content. Where Sisi had to add structure it says so: each
 * such item carries `added: true` and the `basis`, the source's words it was derived from.
 */

export interface SisiKwaSisiOption<Id extends string = string> {
  id: Id;
  label: string;
}

/** "Key Outcomes" of the source, in its order. */
export const sisiKwaSisiOutcomes = [
  'Adaptation and adoption of family planning evidence-based interventions',
  'Diffusion of best practices to improve quality and access at city level',
  'Create a pool of coaches and mentors at all levels of implementation',
] as const;

/** The source's introduction: what Sisi Kwa Sisi coaching is. */
export const sisiKwaSisiIntro = {
  text: 'Sisi Kwa Sisi (Swahili term loosely translated “from us by us”) coaching is an innovative peer-to-peer learning strategy that uses counterpart coaching and mentoring to impart knowledge and skills in the workplace to meet a given objective.',
};

/**
 * Step 3's thematic areas ("Reinforce skills especially around TCI's thematic areas of
 * Services, Demand and Advocacy; M & E; Finance management; Program management; and Resource
 * mobilization"), with the source's labels. They are both a coach's competency areas and a
 * peer's areas of need.
 */
export const thematicAreas = [
  { id: 'services-demand-advocacy', label: 'Services, Demand and Advocacy' },
  { id: 'monitoring-evaluation', label: 'M & E' },
  { id: 'finance-management', label: 'Finance management' },
  { id: 'program-management', label: 'Program management' },
  { id: 'resource-mobilization', label: 'Resource mobilization' },
] as const satisfies readonly SisiKwaSisiOption[];
export type ThematicArea = (typeof thematicAreas)[number]['id'];
export const thematicAreaIds = thematicAreas.map((a) => a.id) as [ThematicArea, ...ThematicArea[]];

/** The label of a thematic area, e.g. `'M & E'`. */
export const thematicAreaLabel = (id: ThematicArea): string =>
  thematicAreas.find((a) => a.id === id)?.label ?? id;

export interface SisiKwaSisiStep {
  id: string;
  /** The step's number in the source, where it has one (steps 4 and 5 are unnumbered). */
  number?: number;
  /** The step's bold heading. */
  title: string;
  text: string;
}

/** The source's "Steps", in order, heading and text word for word. */
export const sisiKwaSisiSteps = [
  {
    id: 'identify-coach',
    number: 1,
    title: 'Identify Sisi Kwa Sisi coach',
    text: 'in any area who has demonstrated competency in a technical area, coached on TCI model including evidence-based interventions, and is able and interested in coaching their peers.',
  },
  {
    id: 'link-coach',
    number: 2,
    title: 'Link the Sisi Kwa Sisi coach to their peer',
    text: 'who will provide the coaching based on a needs assessment.',
  },
  {
    id: 'plan',
    number: 3,
    title: 'Develop a plan of action',
    text: "by preparing a coaching plan with a period for completion. The coaching should be structured through the Lead-Assist-Observe model. Reinforce skills especially around TCI's thematic areas of Services, Demand and Advocacy; M & E; Finance management; Program management; and Resource mobilization.",
  },
  {
    id: 'follow-up',
    title: 'Ensure implementation of the action plan',
    text: 'and follow up once the coaching has been done. Regularly monitor the action plan to see whether the coaching sessions are occurring and assess the quality.',
  },
  {
    id: 'best-practices',
    title: 'Document best practices',
    text: 'and learnings that need to be cross-pollinated.',
  },
] as const satisfies readonly SisiKwaSisiStep[];

/**
 * Step 1's criteria for a coach, split out of its sentence so a coach profile can record
 * each. `willing` is the coach's own word: nobody else can give it.
 */
export const coachCriteria = [
  {
    id: 'competency',
    text: 'has demonstrated competency in a technical area',
  },
  { id: 'tci-model', text: 'coached on TCI model including evidence-based interventions' },
  { id: 'willing', text: 'is able and interested in coaching their peers' },
] as const satisfies readonly { id: string; text: string }[];

/** The source's "Useful Tips", word for word. */
export const sisiKwaSisiTips = [
  {
    id: 'manager',
    text: 'Assign at least one person in your program or organization to manage the coaching sessions at the city level.',
  },
  {
    id: 'pool',
    text: 'Train a pool of implementers to be able to reach more health providers through Sisi Kwa Sisi coaching.',
  },
  {
    id: 'follow-up-meetings',
    text: 'Schedule follow-up meetings (in-person, if possible), and provide additional details as needed.',
  },
  {
    id: 'work-plans',
    text: 'Ensure coaching sessions align with relevant work plans and strategic priorities.',
  },
  {
    id: 'quarterly-review',
    text: 'When staff members have other responsibilities, it can be difficult to make time for coaching sessions. Consider assigning this task to someone on the team or include the coaching reviews during program implementation meetings or quarterly review meeting.',
  },
] as const satisfies readonly { id: string; text: string }[];

/** The three steps of the Lead-Assist-Observe model, in the order they happen. */
export const laoSteps = ['lead', 'assist', 'observe'] as const;
export type LaoStep = (typeof laoSteps)[number];

/**
 * The Lead-Assist-Observe model. The source names it ("The coaching should be structured
 * through the Lead-Assist-Observe model") without describing it; these texts are Sisi's,
 * from DOMAIN.md's summary: the coach leads, then assists while the peer leads, then
 * observes the peer doing it alone.
 */
export const leadAssistObserve = {
  added: true,
  basis: 'The coaching should be structured through the Lead-Assist-Observe model.',
  title: 'Lead – Assist – Observe',
  steps: [
    {
      id: 'lead',
      label: 'Lead',
      coach: 'The coach does the task while the peer watches and asks questions.',
      peer: 'The peer watches the coach do it, and asks why each part is done that way.',
    },
    {
      id: 'assist',
      label: 'Assist',
      coach: 'The peer does the task; the coach assists, steps in when needed and explains.',
      peer: 'The peer does the task with the coach at their side.',
    },
    {
      id: 'observe',
      label: 'Observe',
      coach: 'The peer does the task alone; the coach only observes, then gives feedback.',
      peer: 'The peer does the task on their own while the coach observes.',
    },
  ],
} as const satisfies {
  added: true;
  basis: string;
  title: string;
  steps: readonly { id: LaoStep; label: string; coach: string; peer: string }[];
};

/** How much the peer needs an area: the needs assessment's scale (Sisi's; the source has none). */
export const needPriorities = [
  { id: 'high', label: 'High: needed first' },
  { id: 'medium', label: 'Medium' },
  { id: 'low', label: 'Low: good to have' },
] as const satisfies readonly SisiKwaSisiOption[];
export type NeedPriority = (typeof needPriorities)[number]['id'];

export interface NeedsAssessmentQuestion {
  id: string;
  /** The field of the needs assessment that holds the answer (dotted inside a list row). */
  field: string;
  text: string;
  /** Sisi's own question: the source names a needs assessment but gives no questions. */
  added: true;
  /** The source's words the question is derived from. */
  basis: string;
}

/**
 * The needs assessment of a peer (Step 2, "based on a needs assessment"). The source links
 * to a needs assessment without its content, so every question here is Sisi's structure,
 * each derived from a sentence of the source (its `basis`).
 */
export const needsAssessmentQuestions = [
  {
    id: 'date',
    field: 'date',
    text: 'When was the needs assessment done?',
    added: true,
    basis:
      'Link the Sisi Kwa Sisi coach to their peer who will provide the coaching based on a needs assessment.',
  },
  {
    id: 'areas',
    field: 'areas.area',
    text: 'In which thematic areas does the peer need their skills reinforced?',
    added: true,
    basis:
      "Reinforce skills especially around TCI's thematic areas of Services, Demand and Advocacy; M & E; Finance management; Program management; and Resource mobilization.",
  },
  {
    id: 'priority',
    field: 'areas.priority',
    text: 'How much does the peer need this area?',
    added: true,
    basis:
      'Link the Sisi Kwa Sisi coach to their peer who will provide the coaching based on a needs assessment.',
  },
  {
    id: 'skills',
    field: 'areas.skills',
    text: 'Which skills in this area should the coaching reinforce?',
    added: true,
    basis: 'Reinforce skills especially around TCI’s thematic areas',
  },
  {
    id: 'interventions',
    field: 'interventions',
    text: 'Which evidence-based interventions is the peer adapting or scaling up?',
    added: true,
    basis: 'Adaptation and adoption of family planning evidence-based interventions',
  },
  {
    id: 'work-plan',
    field: 'workPlanPriority',
    text: 'Which work plan or strategic priority will the coaching serve?',
    added: true,
    basis: 'Ensure coaching sessions align with relevant work plans and strategic priorities.',
  },
  {
    id: 'city',
    field: 'city',
    text: 'In which city does the peer work?',
    added: true,
    basis: 'Diffusion of best practices to improve quality and access at city level',
  },
] as const satisfies readonly NeedsAssessmentQuestion[];

/**
 * The quality of a follow-up session (the source's "assess the quality", with no scale):
 * Sisi's five points, 1 lowest.
 */
export const sessionQualityScale = {
  added: true,
  basis:
    'Regularly monitor the action plan to see whether the coaching sessions are occurring and assess the quality.',
  points: [
    { value: 1, label: 'Poor', text: 'The session did not serve its purpose.' },
    { value: 2, label: 'Fair', text: 'Some help, but the skill was hardly practised.' },
    { value: 3, label: 'Good', text: 'The skill was practised as planned.' },
    {
      value: 4,
      label: 'Very good',
      text: 'The skill was practised and the peer gained confidence.',
    },
    {
      value: 5,
      label: 'Excellent',
      text: 'The peer is ready for the next step, or to do it alone.',
    },
  ],
} as const;
export const SESSION_QUALITY_MIN = 1;
export const SESSION_QUALITY_MAX = 5;

/** How a follow-up meeting took place (the tip: "in-person, if possible"). */
export const sessionModes = [
  { id: 'in-person', label: 'In person' },
  { id: 'virtual', label: 'Virtual' },
] as const satisfies readonly SisiKwaSisiOption[];
export type SessionMode = (typeof sessionModes)[number]['id'];

/** The most peers a coach may coach at once, and the default when a profile says nothing. */
export const MAX_PEERS_LIMIT = 10;
export const DEFAULT_MAX_PEERS = 2;
