/**
 * The nine mentoring approaches of 001 ("South-to-South Organizational Mentoring Approaches",
 * pp. 19-30, and the table "Summary of Mentoring Approaches and When to Use Them"). The
 * English strings are the source's words; the SPA translates them by approach id, and the
 * `whenToUse` lines by approach id and index (`<id>.whenToUse.<n>`).
 */
import { type ApproachId, approachIds } from './matrix.ts';

export const approachScenarios = ['one-to-one', 'one-to-many'] as const;
export type ApproachScenario = (typeof approachScenarios)[number];

/** The table's "Can it be done virtually?" column, reduced to a value a filter can use. */
export type VirtualAnswer = 'yes' | 'no' | 'partly';

export interface Approach {
  id: ApproachId;
  /** The section heading of 001. */
  name: string;
  definition: string;
  whenToUse: readonly string[];
  virtual: VirtualAnswer;
  /** The table's full answer to "Can it be done virtually?". */
  virtualNote: string;
  scenarios: readonly ApproachScenario[];
  /**
   * A face-to-face gathering of key-population participants: 001 asks for their safety
   * and security to be checked before one is held (see `safety.ts`).
   */
  gathering: boolean;
}

const byId: { [K in ApproachId]: Omit<Approach, 'id'> } = {
  'on-site': {
    name: 'On-Site Mentoring',
    definition:
      'An approach where the mentor organization is supporting the mentee organization’s learning face to face at the organization’s office or site.',
    whenToUse: [
      'The need for learning is complex enough that it cannot be completed independently or with distant support, and/or requires long-term engagement.',
      'The mentee has clearly defined a set of needs that the mentor can help address.',
      'Both mentor and mentee have the time and the people power to dedicate to collaborative work during the mentor’s visit and to follow through after the face-to-face interaction ends.',
      'Mentor and mentee are co-located or are based relatively close to one another. (This helps minimize costs.) Where resources and time are available, appropriate mentors can travel to mentee sites from a distance.',
    ],
    virtual: 'no',
    virtualNote:
      'No, but on-site mentoring can be integrated with virtual mentoring as part of a comprehensive mentoring plan.',
    scenarios: ['one-to-one'],
    gathering: true,
  },
  twinning: {
    name: 'Twinning',
    definition:
      'An approach where a mentor pairs up to two mentee organizations into a long-term relationship for facilitated exchange and mutual capacity strengthening.',
    whenToUse: [
      'There is a good cultural and programmatic fit between the mentees.',
      'Mentees can articulate their shared interests.',
      'Each organization has something to offer to the other.',
      'Geography is not a barrier—the organizations are either closely located or have access to good communications technology.',
      'Both organizations are committed to a longer-term engagement.',
    ],
    virtual: 'yes',
    virtualNote:
      'Yes, but it is helpful if organizations’ members have opportunities to meet face to face. More interactive collaboration requires a strong Internet connection.',
    scenarios: ['one-to-many'],
    gathering: false,
  },
  'community-of-practice': {
    name: 'Community of Practice',
    definition:
      'An approach where a group of mentees with shared interests convene to advance knowledge and skills by sharing information, resources, and experiences.',
    whenToUse: [
      'Multiple mentees share a programmatic interest.',
      'Gathering as a group builds solidarity and often inspires creativity and confidence in COP members.',
      'Several organizations are committed to longer-term engagements.',
      'Organizations are willing to share with others.',
      'A mentor or an appointed leader or coordinator is available to manage knowledge sharing.',
    ],
    virtual: 'yes',
    virtualNote:
      'Yes, but it is helpful if organizations’ members have opportunities to meet face to face. More interactive collaboration requires strong Internet connection.',
    scenarios: ['one-to-many'],
    gathering: true,
  },
  'study-tour': {
    name: 'Study Tours and Site Visits',
    definition:
      'An approach where one or more mentee organizations are brought together with another organization for a visit designed to provide hands-on learning around a particular area of expertise.',
    whenToUse: [
      'An organization has been identified as doing something exceptional.',
      'Mentees value and want to learn what this organization is doing so well.',
      'A study tour/site visit could be paired with another learning approach (e.g., a COP) to deepen learning and skills uptake.',
      'Budget and staff are adequate for arranging visits that require travel.',
    ],
    virtual: 'no',
    virtualNote: 'No.',
    scenarios: ['one-to-one', 'one-to-many'],
    gathering: true,
  },
  'exchange-visit': {
    name: 'Exchange Visits',
    definition:
      'An approach where two or three organizations visit one another for the purpose of hands-on learning around particular areas of expertise.',
    whenToUse: [
      "Two to three organizations engaged in similar or complementary programming can articulate a compelling need to visit one another to learn from each other's work or engage in joint learning.",
      'For quality improvement or scale-up, it is critical for programming that these two to three organizations learn from one another.',
      'Budget and staff are adequate to organize visits that require travel.',
    ],
    virtual: 'no',
    virtualNote: 'No.',
    scenarios: ['one-to-many'],
    gathering: true,
  },
  'exchange-event': {
    name: 'Exchange Events',
    definition:
      'An approach where multiple organizations come together for organized and facilitated one-time exchange of knowledge and/or skills.',
    whenToUse: [
      'The workshops or events are part of a longer-term learning approach (e.g., COP).',
      'Participants are at a significant distance from one another, and frequent visits/exchanges are not possible.',
      'Note: A one-off event can still generate value!',
    ],
    virtual: 'yes',
    virtualNote:
      'Yes. A Webinar would be a possibility, but face-to-face interactions are more effective.',
    scenarios: ['one-to-many'],
    gathering: true,
  },
  'internship-shadowing': {
    name: 'Internships and Shadowing',
    definition:
      'An approach where one person from one organization is placed for an extended period within a second organization for the purpose of mastering a specific set of skills, which the mentee then takes back to his or her home organization.',
    whenToUse: [
      "A specific high-potential individual will benefit from hands-on experience at the mentor's or another organization's site.",
      'The skill set to be acquired is complex and requires long-term hands-on learning.',
      "The value for the organization sending away its staff member exceeds the cost of losing the individual's work for an extended period.",
    ],
    // "No" in the table, but components of the approach itself may be virtual; on-site
    // mentoring stays "no" because its virtual part is a different approach.
    virtual: 'partly',
    virtualNote:
      'No. Some components may be virtual, but there must be some face-to-face engagement.',
    scenarios: ['one-to-one'],
    gathering: false,
  },
  'resource-referral': {
    name: 'Resource Referral',
    definition:
      'An approach where a specific need of one or more mentees cannot be fulfilled by any other member of that community. The mentor identifies external resources (e.g., materials, courses, people, and institutions) and brokers linkages with mentees.',
    whenToUse: [
      'A skill or knowledge set does not exist within the community of organizations.',
      'Appropriate resources can be identified.',
    ],
    virtual: 'yes',
    virtualNote: 'Yes. Resources may include online courses or virtual coaches.',
    scenarios: ['one-to-one', 'one-to-many'],
    gathering: false,
  },
  telementoring: {
    name: 'Telementoring',
    definition: 'An approach where the mentor is supporting the mentee’s learning virtually.',
    whenToUse: [
      'The mentee has clearly defined needs that a mentor can realistically address virtually.',
      'The need for learning is simple enough that it can be completed with distant support, yet still requires long-term engagement.',
      'Both mentor and mentee have time and manpower to dedicate to learning and following through post interaction.',
      'Mentor and mentee are not geographically close but have access to high-quality telecommunications.',
      'The budget will not support face-to-face mentoring.',
    ],
    virtual: 'yes',
    virtualNote:
      'Yes. However, face-to-face interaction can help build trust and social capital between mentor and mentee.',
    scenarios: ['one-to-one'],
    gathering: false,
  },
};

/** The nine approaches, in `approachIds` order. */
export const approaches: readonly Approach[] = approachIds.map((id) => ({ id, ...byId[id] }));

/** Each approach by its id. */
export const approachById: Readonly<Record<ApproachId, Approach>> = Object.fromEntries(
  approaches.map((a) => [a.id, a]),
) as Record<ApproachId, Approach>;
