import { describe, expect, it } from 'vitest';
import { approachIds } from './matrix.ts';
import {
  capacityTypes,
  objectivesChecklist,
  planFormats,
  planningChecklist,
  planQuestions,
  planSchema,
  planServices,
} from './plan.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

const kebab = /^[a-z]+(-[a-z]+)*$/;
const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((i) => i.id)).size === items.length;

describe('plan data', () => {
  it('has the options of Annex 3, ids unique and kebab-case', () => {
    for (const list of [planServices, capacityTypes, planFormats, planQuestions]) {
      expect(uniqueIds(list)).toBe(true);
      for (const item of list) expect(item.id).toMatch(kebab);
    }
    expect(planServices.map((s) => s.id)).toEqual([
      'consulting',
      'training',
      'mentoring-coaching',
      'resource-referral',
      'grants',
      'peer-exchange',
      'other',
    ]);
    expect(capacityTypes.map((c) => c.id)).toEqual([
      'technical',
      'organizational',
      'relational',
      'other',
    ]);
  });

  it('offers every approach once as a format', () => {
    expect(planFormats.map((f) => f.id).sort()).toEqual([...approachIds].sort());
  });

  it('has both checklists, with items', () => {
    expect(objectivesChecklist.map((i) => i.id)).toEqual([
      'specificity',
      'measurability',
      'work-plan',
      'reality-check',
    ]);
    expect(planningChecklist.map((i) => i.id)).toEqual([
      'clear-objectives',
      'how-to-communicate',
      'how-often-to-communicate',
      'point-people',
      'measure-success',
    ]);
    for (const list of [objectivesChecklist, planningChecklist]) {
      expect(uniqueIds(list)).toBe(true);
      for (const item of list) expect(item.text).toMatch(/\?$/);
    }
  });

  it('numbers the 14 questions of Annex 3 in order and labels every field of the schema', () => {
    expect(planQuestions.flatMap((q) => (q.number ? [q.number] : []))).toEqual(
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    const fields = new Set(planQuestions.map((q) => q.field.split('.')[0]));
    const unlabeled = Object.keys(planSchema.shape).filter(
      (k) => !fields.has(k) && !k.startsWith('other') && k !== 'version',
    );
    expect(unlabeled).toEqual([]);
  });
});

const person = (name: string, organizationId: string) => ({ name, organizationId });

const full = {
  mentors: [person('Amina', 'org_mentor1')],
  mentees: [person('Joseph', 'org_mentee1'), person('Grace', 'org_mentee2')],
  startDate: '2025-03-01',
  anticipatedDurationMonths: 12,
  type: 'one-to-many',
  services: ['mentoring-coaching', 'other'],
  otherService: 'Legal accompaniment',
  capacityTypes: ['technical', 'organizational'],
  formats: ['on-site', 'telementoring'],
  whySelected: 'The mentee needs help in several areas and has little internet access.',
  technicalAreas: ['advocacy', 'financial-management'],
  howMentorCanHelp: 'Review the budget with us each quarter.',
  intendedOutcome: 'A costed advocacy plan.',
  learningObjectives: [
    {
      id: 'lo-1',
      objective: 'Produce donor financial reports on time',
      now: { capacity: 'No finance officer', performance: 'Reports late' },
      future: { capacity: 'Trained finance officer', performance: 'Reports on time' },
      activities: [
        {
          id: 'a-1',
          description: 'Shadow the mentor finance officer',
          personResponsible: 'Grace',
          resources: { human: 'Finance officer', financial: 'Travel', material: 'Templates' },
          timing: 'April',
        },
      ],
    },
  ],
  milestones: [
    {
      id: 'm-1',
      description: 'First report on time',
      dueDate: '2025-07-01',
      status: 'reached',
      reachedOn: '2025-06-28',
    },
    { id: 'm-2', description: 'Audit passed', dueDate: '2025-12-01' },
  ],
  objectivesChecklist: { specificity: true, measurability: false },
  planningChecklist: { 'clear-objectives': true, 'point-people': true },
  menteeAvailability: 'March to December, two days a month',
  communicationPlan: {
    channels: ['WhatsApp', 'e-mail'],
    frequency: 'Weekly check-in, monthly call',
    pointPeople: [person('Amina', 'org_mentor1')],
  },
  version: 2,
};

describe('planSchema', () => {
  it('accepts every field of the template', () => {
    const plan = planSchema.parse(full);
    expect(plan.milestones?.[1]?.status).toBe('planned');
    expect(plan.learningObjectives?.[0]?.activities?.[0]?.resources?.financial).toBe('Travel');
  });

  it('accepts an empty plan, which is filled in progressively', () => {
    expect(planSchema.parse({})).toEqual({});
  });

  it.each([
    [{ startDate: '2025-02-29' }, 'startDate'],
    [{ anticipatedDurationMonths: 0 }, 'anticipatedDurationMonths'],
    [{ anticipatedDurationMonths: 61 }, 'anticipatedDurationMonths'],
    [{ anticipatedDurationMonths: 1.5 }, 'anticipatedDurationMonths'],
    [{ type: 'one-to-few' }, 'type'],
    [{ services: ['grants', 'grants'] }, 'services'],
    [{ services: ['lobbying'] }, 'services.0'],
    [{ services: ['other'] }, 'otherService'],
    [{ capacityTypes: ['other'] }, 'otherCapacityType'],
    [{ technicalAreas: ['other'] }, 'otherTechnicalArea'],
    [{ formats: ['webinar'] }, 'formats.0'],
    [{ formats: ['twinning', 'twinning'] }, 'formats'],
    [{ mentors: [{ name: '', organizationId: 'org_mentor1' }] }, 'mentors.0.name'],
    [{ mentees: [{ name: 'Joseph' }] }, 'mentees.0.organizationId'],
    [{ whySelected: 'x'.repeat(4001) }, 'whySelected'],
    [{ learningObjectives: [{ id: 'lo-1', objective: ' ' }] }, 'learningObjectives.0.objective'],
    [
      { learningObjectives: [{ id: 'lo-1', objective: 'x', now: { skills: 'y' } }] },
      'learningObjectives.0.now',
    ],
    [
      {
        learningObjectives: [
          { id: 'lo-1', objective: 'x', activities: [{ id: 'a 1', description: 'y' }] },
        ],
      },
      'learningObjectives.0.activities.0.id',
    ],
    [
      {
        learningObjectives: [
          {
            id: 'lo-1',
            objective: 'x',
            activities: [{ id: 'a', description: 'y', resources: { time: '1' } }],
          },
        ],
      },
      'learningObjectives.0.activities.0.resources',
    ],
    [
      {
        learningObjectives: [
          { id: 'lo-1', objective: 'x' },
          { id: 'lo-1', objective: 'y' },
        ],
      },
      'learningObjectives',
    ],
    [
      { milestones: [{ id: 'm', description: 'x', dueDate: '2025-01-01', status: 'late' }] },
      'milestones.0.status',
    ],
    [
      {
        milestones: [{ id: 'm', description: 'x', dueDate: '2025-01-01', reachedOn: '2025-01-01' }],
      },
      'milestones.0.reachedOn',
    ],
    [{ milestones: [{ id: 'm', description: 'x' }] }, 'milestones.0.dueDate'],
    [{ objectivesChecklist: { specificity: 'yes' } }, 'objectivesChecklist.specificity'],
    [{ objectivesChecklist: { 'clear-objectives': true } }, 'objectivesChecklist'],
    [{ planningChecklist: { specificity: true } }, 'planningChecklist'],
    [
      { communicationPlan: { channels: Array.from({ length: 21 }, (_, i) => `c${i}`) } },
      'communicationPlan.channels',
    ],
    [
      { communicationPlan: { pointPeople: [{ name: 'A', organizationId: 'x' }] } },
      'communicationPlan.pointPeople.0.organizationId',
    ],
    [{ communicationPlan: { tone: 'warm' } }, 'communicationPlan'],
    [{ mentees: Array.from({ length: 51 }, () => person('A', 'org_mentee1')) }, 'mentees'],
    [{ version: 1.5 }, 'version'],
    [{ gatheringsPlanned: true }, ''],
  ])('rejects %j at %j', (input, path) => {
    const result = planSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});
