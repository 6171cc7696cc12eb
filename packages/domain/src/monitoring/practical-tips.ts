/**
 * 001 "Practical Challenges and Tips" (pp. 45-49) as data, word for word, and the symptoms
 * that call for them: a mentorship with no event for 90 days, milestones past their date,
 * quarterly reports late, follow-up actions overdue. Pure and zod-free: the API reads a
 * mentorship's facts and asks `practicalTipsFor`; the SPA shows the tips as they come.
 */

export interface PracticalChallenge {
  id: string;
  /** The source's heading (in capitals there). */
  title: string;
  /** The source's tips ("useful mediating activities"), each a bullet there. */
  tips: readonly string[];
  /** The representative case the source tells under the heading, when it has one. */
  case?: { title: string; parts: readonly { title: string; text: string }[] };
}

/** The section's opening paragraph. */
export const practicalTipsIntro = {
  text: 'It is common for mentoring programs to face multiple challenges resulting from low mentor or mentee motivation, busy schedules, the nontangible nature of the results of the mentoring process, and other factors. Here are a few typical challenges and useful mediating activities.',
};

/**
 * The eleven challenges in the source's order.
 *
 * @example practicalChallenges.map((c) => c.id)[0] // 'staff-turnover'
 */
export const practicalChallenges = [
  {
    id: 'staff-turnover',
    title: 'Staff Turnover',
    tips: [
      'To address staff turnover in both mentor and mentee organizations, try to train and involve more than one person in mentoring and related activities. In smaller organizations, it might not be feasible to cross-train in this manner. At a minimum, ask that individual mentors and mentees regularly share plans and progress at staff meetings to keep others informed.',
      'Institutionalize mentoring processes to become part of job descriptions; address mentoring requirements during recruitment and transition.',
    ],
  },
  {
    id: 'mentees-lose-interest',
    title: 'Mentees Who Lose Interest',
    tips: [
      'Make a clear plan to keep the mentee focused on results.',
      "Check in frequently to ensure that the mentoring's technical focus is still relevant and of interest to the mentee.",
      'Propose different types of professional development activities to not only keep mentee motivation high but also to give mentees different avenues in which to learn.',
      "Establish mentees' buy-in from the beginning of the process to ensure their interest in the outcome.",
      'Maintain good mentor–mentee relationships and strong mentor–mentee connections to promote the success of mentoring interventions.',
    ],
    case: {
      title: 'Representative Case',
      parts: [
        {
          title: 'Staying Flexible and Responsive',
          text: 'A trans-led organization called “TransHealth,” based in a Caribbean country, runs a small health clinic for trans men and women. The clinic has been successful in providing integrated services, including hormone therapy, HIV testing and counseling, screening and treatment of sexually transmitted infections (STIs), condom and lubricant distribution, and care for victims of gender-based violence (GBV). The organization is mentoring other trans-led organizations in two other Caribbean countries and decides to arrange a two-day site visit for them to the TransHealth clinic. On Day 1 of the visit, the questions from participants focus less on how the services were integrated and more on how TransHealth has been successful in opening and operating the clinic in a setting that is very hostile to transgender people. The TransHealth mentors realize that working in hostile environments is the main area of interest (and challenge) for the mentee organizations and they allow time for a discussion about that on the second day of the visit.',
        },
        {
          title: '... and Capturing Unintended Benefits of Mentoring',
          text: 'The TransHealth team was also able to document the main discussion points and learning. Although they had not intended to mentor on the topic of hostile environments, they found that several participants were able to articulate strategies for working in hostile environments at the end of the two-day visit.',
        },
      ],
    },
  },
  {
    id: 'lack-of-progress',
    title: 'Mentees Showing Lack of Progress',
    tips: [
      'Correctly assess mentee needs and opportunities at the outset and develop a clear understanding of everyone’s expectations. Doing so helps to determine how much effort and time will be needed. Acknowledging that people have different learning curves and factoring that into the initial mentoring steps will enable the mentor to set achievable milestones and take smaller, more realistic steps toward progress.',
      'Collaboratively develop clear and achievable milestones.',
      'Refer regularly to the milestones and the timeline established at the beginning of the mentorship to decide if they are still relevant or if they need to be revised.',
      'Capture unintended benefits and progress. Although mentees may not be achieving results in the original area of focus, they might be gaining other valuable skills or experience through the mentoring process. Highlight these success with mentees to help energize them.',
      'As a mentor, stay flexible and be prepared to adapt the learning agenda as needs evolve.',
      'Conduct a thorough analysis to understand slow progress, remembering that people and organizations learn and change at different paces and in different ways. There could be several reasons for slow progress. Among them are (1) a mentor–mentee mismatch, which suggests the need for a new mentor to jump-start the process and (2) a mentee may be overwhelmed with new information. If the mentee organization is not responding when the mentor is mentoring one person, it might help to involve others in the process (e.g., perhaps a more responsive person who is eager to learn).',
    ],
  },
  {
    id: 'mentor-motivation',
    title: 'Lack of Mentor Motivation',
    tips: [
      'Develop strict standards for selecting individual mentors to help ensure that they are motivated and prepared for the work involved in mentoring. This will eliminate the need to change mentors mid-intervention.',
      "Provide strong supportive supervision of mentoring activities to flag problems early and boost mentors' motivation when needed.",
    ],
  },
  {
    id: 'operating-environment',
    title: 'Interaction with Operating Environment',
    tips: [
      'Often, environmental changes, such as severe weather or political events, interrupt ongoing support. The best strategy to prevent negative consequences is to remain adaptable and flexible about tools and approaches. It is also important to practice mentoring and coaching in a way that does not create unnecessary dependency between mentee and mentor.',
      'Prepare mentees to be proactive in looking for solutions independently and engaging in peer and self-learning.',
    ],
  },
  {
    id: 'resource-allocation',
    title: 'Resource Allocation',
    tips: [
      'Ensure that mentoring activities are well funded; proposal managers should include estimated costs in proposals and other budgets. This is more feasible to do with predetermined and structured mentoring (another benefit of this type of intervention). Telementoring is very cost effective.',
    ],
  },
  {
    id: 'inappropriate-technology',
    title: 'Inappropriate Technology',
    tips: [
      "Identify technology needs during planning and budgeting and purchase necessary equipment up front. The digital divide—or the difference in partners' comfort level with or access to mobile phones, Skype, and other communication devices—may be significant. Discuss these issues early on, and come to an agreement at the beginning.",
    ],
  },
  {
    id: 'time-distance',
    title: 'Lack of Time, Long Distance',
    tips: [
      'Plan for the appropriate method of delivery; lack of time for the mentoring process is often a factor of poor planning that did not take the existing work loads of mentors and mentees into account. If mentees are located far away, which prohibits frequent visits, a cost-effective solution is to link travel for mentoring purposes with travel for other purposes.',
    ],
  },
  {
    id: 'high-demand',
    title: 'High Demand for Mentoring',
    tips: [
      'Consider multiple approaches to mentoring. Personalized support is one of the most efficient capacity development approaches, but this approach takes a great deal of effort. So as not to jeopardize other program components, add some less-resource-intensive methodologies—such as networking, resource referral, and peer learning—into the mentoring plan.',
      'While providing support and increasing a mentee’s self-learning capacity, ensure that skills are transferable to others in the mentee’s organization.',
      'When designing an intervention, take into consideration the time a mentor has to devote to the process. Determining the appropriate frequency for site visits and consultations is a challenge for mentors; mentoring even a few organizations is a full-time job.',
    ],
  },
  {
    id: 'monitoring-evaluation',
    title: 'Monitoring and Evaluation Challenges',
    tips: [
      'Keep monitoring and evaluation simple. Monitoring is often viewed as a difficult science, but at its core, monitoring is just a way to document progress and learn whether the program has achieved its intended objectives. Rather than place too much emphasis on monitoring, place emphasis on learning. The shorter and simpler the monitoring and evaluation tools are, the more effective your information gathering will be. Feel free to change and tailor any activities to suit your program’s context. An easy-to-use reporting form that can capture both mentor and mentee experience is available in Annex 4.',
      'Conduct regular reporting with appropriate tools and regular checks and then combine with overall programmatic monitoring (e.g., via quarterly reports).',
      'Use appropriate tools for regularly documenting the progress of the mentoring process. For documenting and analyzing successes, see the most-significant-change technique.',
      'Document your intentions for the program before you start. Recognize that these may change along the way.',
    ],
  },
  {
    id: 'conflict',
    title: 'Managing Conflict',
    tips: [
      'Ensure that mentee and mentor work together to resolve differences. Successful resolution will benefit the mentoring relationship. Conflict is a natural result of two unique individuals interacting and working with one another.',
      'When conflict occurs, set aside time to address it in a supportive environment, providing time for tempers to cool, if needed. Ask the parties to take turns clearly stating their issues. Express why you feel there is a disagreement. Discuss the topics at the heart of the conflict, relying on facts; avoid making judgments or drawing conclusions. Then be prepared to listen to feedback with an open mind. Confirm and clarify what has been stated, so that everyone understands the issues at hand. Finally, stay focused on a solution, and try to identify a common goal through compromise.',
      'Consider engaging a trusted third party to act as mediator and help resolve the situation.',
    ],
  },
] as const satisfies readonly PracticalChallenge[];
export type PracticalChallengeId = (typeof practicalChallenges)[number]['id'];

/** A mentorship with no event for this many days shows the `no-recent-event` symptom. */
export const NO_EVENT_DAYS = 90;

/** Quarterly review states that mean its report is late (reminded: +14 days; overdue: +28). */
export const LATE_REVIEW_STATES: readonly string[] = ['reminded', 'overdue'];

/** What the app can see going wrong in a mentorship, each pointing at challenges. */
export const symptomIds = [
  'no-recent-event',
  'milestones-overdue',
  'reports-late',
  'follow-ups-overdue',
] as const;
export type SymptomId = (typeof symptomIds)[number];

/**
 * Which challenges' tips answer each symptom. No event for months: interest, motivation or
 * time is running out. Milestones missed: the lack of progress. Reports late: monitoring is
 * too heavy, or the mentor's motivation low. Actions left undone: progress, time.
 */
export const symptomChallenges: Readonly<Record<SymptomId, readonly PracticalChallengeId[]>> = {
  'no-recent-event': ['mentees-lose-interest', 'mentor-motivation', 'time-distance'],
  'milestones-overdue': ['lack-of-progress', 'mentees-lose-interest'],
  'reports-late': ['monitoring-evaluation', 'mentor-motivation'],
  'follow-ups-overdue': ['lack-of-progress', 'time-distance'],
};

/** What the app knows of a mentorship, as far as the symptoms go. */
export interface MentorshipFacts {
  /** Today, `YYYY-MM-DD` (the runtime's clock). */
  today: string;
  startDate: string;
  /** An ended mentorship shows no symptom: the tips are for one that runs. */
  ended: boolean;
  /** Days of its events: meetings of its summary reports and its scheduled gatherings. */
  eventDates: readonly string[];
  /** The plan's milestones, each reached or not (by the plan or a record on the timeline). */
  milestones: readonly { id: string; description: string; dueDate: string; reached: boolean }[];
  /** Its reviews with their states (`reviewStates`). */
  reviews: readonly { kind: string; period?: number | undefined; dueDate: string; state: string }[];
  /** Its follow-up actions. */
  followUps: readonly { dueDate: string; status: string }[];
}

/** A symptom with what shows it. */
export type Symptom =
  | {
      id: 'no-recent-event';
      /** The last event before today, if any (else the count runs from the start). */
      lastEventDate?: string;
      days: number;
    }
  | { id: 'milestones-overdue'; milestones: { id: string; description: string; dueDate: string }[] }
  | { id: 'reports-late'; reviews: { period: number; dueDate: string; state: string }[] }
  | { id: 'follow-ups-overdue'; count: number };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The symptoms a mentorship shows today, in `symptomIds` order. Events after today (a
 * gathering still to come) do not count as held; a mentorship younger than 90 days cannot
 * have gone 90 days without one.
 *
 * @example
 * detectSymptoms({ today: '2026-06-01', startDate: '2026-01-10', ended: false, eventDates: ['2026-02-01'],
 *   milestones: [], reviews: [], followUps: [] })[0]; // { id: 'no-recent-event', lastEventDate: '2026-02-01', days: 120 }
 */
export function detectSymptoms(facts: MentorshipFacts): Symptom[] {
  if (facts.ended) return [];
  const out: Symptom[] = [];
  const held = facts.eventDates.filter((d) => d <= facts.today).sort();
  const last = held.at(-1);
  const days = daysBetween(last ?? facts.startDate, facts.today);
  if (days >= NO_EVENT_DAYS) {
    out.push({ id: 'no-recent-event', ...(last ? { lastEventDate: last } : {}), days });
  }
  const missed = facts.milestones
    .filter((m) => !m.reached && m.dueDate < facts.today)
    .map(({ id, description, dueDate }) => ({ id, description, dueDate }));
  if (missed.length) out.push({ id: 'milestones-overdue', milestones: missed });
  const late = facts.reviews
    .filter((r) => r.kind === 'quarterly' && r.period !== undefined)
    .filter((r) => LATE_REVIEW_STATES.includes(r.state))
    .map((r) => ({ period: r.period as number, dueDate: r.dueDate, state: r.state }));
  if (late.length) out.push({ id: 'reports-late', reviews: late });
  const overdue = facts.followUps.filter(
    (a) => a.status === 'open' && a.dueDate < facts.today,
  ).length;
  if (overdue) out.push({ id: 'follow-ups-overdue', count: overdue });
  return out;
}

/**
 * The symptoms and the challenges whose tips answer them (each challenge once, in the
 * source's order).
 *
 * @example
 * practicalTipsFor(facts).challenges.map((c) => c.id); // ['mentees-lose-interest', 'mentor-motivation', 'time-distance']
 */
export function practicalTipsFor(facts: MentorshipFacts): {
  symptoms: (Symptom & { challengeIds: readonly PracticalChallengeId[] })[];
  challenges: PracticalChallenge[];
} {
  const symptoms = detectSymptoms(facts).map((s) => ({
    ...s,
    challengeIds: symptomChallenges[s.id],
  }));
  const wanted = new Set(symptoms.flatMap((s) => s.challengeIds));
  return {
    symptoms,
    challenges: practicalChallenges.filter((c) => wanted.has(c.id)),
  };
}
