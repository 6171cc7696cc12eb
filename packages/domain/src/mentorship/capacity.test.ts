import { describe, expect, it } from 'vitest';
import {
  assetInventoryGuide,
  assetInventorySchema,
  capacityAssessmentSchema,
  ksaDefinitions,
  mentorSkillTypes,
} from './capacity.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('capacity data', () => {
  it('has unique kebab-case ids', () => {
    for (const list of [ksaDefinitions, mentorSkillTypes, assetInventoryGuide.steps]) {
      const ids = list.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(ksaDefinitions.map((k) => k.id)).toEqual(['knowledge', 'skills', 'attitudes']);
    expect(mentorSkillTypes.map((k) => k.id)).toEqual([
      'technical',
      'interpersonal',
      'facilitation',
    ]);
  });
});

const assessment = {
  date: '2025-02-10',
  kind: 'joint',
  priorityAreas: [
    {
      area: 'financial-management',
      objectives: [{ id: 'o-1', knowledge: 'Donor rules', skills: 'Budget reconciliation' }],
    },
    { area: 'other', otherArea: 'Legal literacy', objectives: [{ attitudes: 'Confidence' }] },
  ],
  notes: 'Agreed with the board.',
};

describe('capacityAssessmentSchema', () => {
  it('accepts a dated self or joint assessment', () => {
    expect(capacityAssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(
      capacityAssessmentSchema.safeParse({
        date: '2025-02-10',
        kind: 'self',
        priorityAreas: [{ area: 'advocacy', objectives: [] }],
      }).success,
    ).toBe(true);
  });

  it.each([
    [{ date: undefined }, 'date'],
    [{ date: '10/02/2025' }, 'date'],
    [{ kind: 'external' }, 'kind'],
    [{ priorityAreas: [] }, 'priorityAreas'],
    [
      { priorityAreas: Array.from({ length: 11 }, () => ({ area: 'advocacy', objectives: [] })) },
      'priorityAreas',
    ],
    [{ priorityAreas: [{ area: 'gardening', objectives: [] }] }, 'priorityAreas.0.area'],
    [{ priorityAreas: [{ area: 'other', objectives: [] }] }, 'priorityAreas.0.otherArea'],
    [
      { priorityAreas: [{ area: 'advocacy', objectives: [{ id: 'o-1' }] }] },
      'priorityAreas.0.objectives.0',
    ],
    [
      { priorityAreas: [{ area: 'advocacy', objectives: [{ values: 'x', knowledge: 'y' }] }] },
      'priorityAreas.0.objectives.0',
    ],
    [
      {
        priorityAreas: [
          { area: 'advocacy', objectives: [] },
          { area: 'advocacy', objectives: [] },
        ],
      },
      'priorityAreas',
    ],
    [{ notes: 'x'.repeat(4001) }, 'notes'],
    [{ score: 3 }, ''],
  ])('rejects %j at %j', (change, path) => {
    const result = capacityAssessmentSchema.safeParse({ ...assessment, ...change });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });

  it('tells "other" areas apart by their text', () => {
    const result = capacityAssessmentSchema.safeParse({
      ...assessment,
      priorityAreas: [
        { area: 'other', otherArea: 'Legal literacy', objectives: [] },
        { area: 'other', otherArea: 'Security planning', objectives: [] },
      ],
    });
    expect(result.success).toBe(true);
  });
});

const inventory = {
  areasOfExpertise: ['peer-education', 'advocacy'],
  internalExperts: [
    {
      name: 'Amina',
      expertise: 'Paralegal training',
      skillTypes: ['technical', 'facilitation'],
      availability: 'Two days a month',
    },
  ],
  packagedResources: [
    { title: 'Peer educator manual', kind: 'manual', description: 'Ten sessions', language: 'sw' },
    { title: 'Budget template', kind: 'document' },
  ],
  version: 4,
};

describe('assetInventorySchema', () => {
  it('accepts an inventory, and an empty one', () => {
    expect(assetInventorySchema.safeParse(inventory).success).toBe(true);
    expect(
      assetInventorySchema.safeParse({
        areasOfExpertise: [],
        internalExperts: [],
        packagedResources: [],
      }).success,
    ).toBe(true);
  });

  it.each([
    [{ areasOfExpertise: undefined }, 'areasOfExpertise'],
    [{ areasOfExpertise: ['advocacy', 'advocacy'] }, 'areasOfExpertise'],
    [{ areasOfExpertise: ['other'] }, 'otherAreaOfExpertise'],
    [{ internalExperts: [{ name: 'Amina' }] }, 'internalExperts.0.expertise'],
    [
      { internalExperts: [{ name: 'A', expertise: 'B', skillTypes: ['charm'] }] },
      'internalExperts.0.skillTypes.0',
    ],
    [{ packagedResources: [{ title: 'X', kind: 'video' }] }, 'packagedResources.0.kind'],
    [
      { packagedResources: [{ title: 'X', kind: 'manual', language: 'Swahili' }] },
      'packagedResources.0.language',
    ],
    [{ packagedResources: [{ title: ' ', kind: 'manual' }] }, 'packagedResources.0.title'],
    [{ version: 0 }, 'version'],
    [{ owner: 'x' }, ''],
  ])('rejects %j at %j', (change, path) => {
    const result = assetInventorySchema.safeParse({ ...inventory, ...change });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});
