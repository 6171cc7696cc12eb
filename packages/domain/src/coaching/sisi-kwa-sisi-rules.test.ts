import { describe, expect, it } from 'vitest';
import { thematicAreas } from './sisi-kwa-sisi.ts';
import {
  averageQuality,
  MATCH_WEIGHTS,
  type MatchCoach,
  type MatchNeeds,
  planOrderErrors,
  planStatus,
  planSteps,
  rankCoaches,
  stepState,
} from './sisi-kwa-sisi-rules.ts';

const coach = (personId: string, overrides: Partial<MatchCoach> = {}): MatchCoach => ({
  personId,
  name: personId.toUpperCase(),
  organizationId: 'org-x',
  areas: [],
  coachedOnTciModel: false,
  willing: true,
  maxPeers: 2,
  activeCoachings: 0,
  ...overrides,
});

const needs = (overrides: Partial<MatchNeeds> = {}): MatchNeeds => ({
  peerId: 'peer',
  peerOrganizationId: 'org-peer',
  city: 'Nairobi',
  areas: [
    { area: 'monitoring-evaluation', priority: 'high' },
    { area: 'finance-management', priority: 'low' },
  ],
  ...overrides,
});

describe('the seed’s thematic areas', () => {
  it('are the five of Step 3, in its order and words', () => {
    expect(thematicAreas.map((a) => a.label)).toEqual([
      'Services, Demand and Advocacy',
      'M & E',
      'Finance management',
      'Program management',
      'Resource mobilization',
    ]);
  });
});

describe('rankCoaches', () => {
  it('puts a coach of the high-priority area before one of the low-priority area', () => {
    const { suggestions } = rankCoaches(needs(), [
      coach('fin', { areas: [{ area: 'finance-management' }] }),
      coach('me', { areas: [{ area: 'monitoring-evaluation' }] }),
    ]);
    expect(suggestions.map((s) => [s.personId, s.score])).toEqual([
      ['me', MATCH_WEIGHTS.area.high],
      ['fin', MATCH_WEIGHTS.area.low],
    ]);
    expect(suggestions[0]!.reasons).toEqual([
      {
        kind: 'area',
        area: 'monitoring-evaluation',
        priority: 'high',
        points: 30,
        text: 'Competent in M & E, a high-priority need (+30)',
      },
    ]);
  });

  it('adds every reason to the score and says each one', () => {
    const { suggestions } = rankCoaches(needs(), [
      coach('all', {
        organizationId: 'org-peer',
        city: ' nairobi ',
        coachedOnTciModel: true,
        activeCoachings: 1,
        areas: [
          { area: 'finance-management', links: ['https://example.org/cert'] },
          { area: 'monitoring-evaluation', evidence: 'Set up the clinic’s M&E dashboard' },
          { area: 'program-management', evidence: 'not needed, scores nothing' },
        ],
      }),
    ]);
    const [s] = suggestions;
    expect(s!.reasons.map((r) => [r.kind, r.points])).toEqual([
      ['area', 30],
      ['area', 10],
      ['evidence', 5],
      ['evidence', 5],
      ['tci-model', 5],
      ['same-city', 8],
      ['same-organization', 6],
      ['load', -4],
    ]);
    expect(s!.score).toBe(30 + 10 + 5 + 5 + 5 + 8 + 6 - 4);
    expect(s!.coveredAreas).toEqual(['monitoring-evaluation', 'finance-management']);
    expect(s!.freePlaces).toBe(1);
    expect(s!.reasons.map((r) => r.text)).toContain('Already coaches 1 peer (−4)');
    expect(s!.reasons.map((r) => r.text)).toContain('Works in the same city, nairobi (+8)');
  });

  it('lets evidence, city and organization decide between coaches of the same area', () => {
    const areas = [{ area: 'monitoring-evaluation' as const }];
    const { suggestions } = rankCoaches(needs(), [
      coach('bare', { areas }),
      coach('city', { areas, city: 'Nairobi' }),
      coach('proven', { areas: [{ area: 'monitoring-evaluation', evidence: 'Ran the DQA' }] }),
      coach('colleague', { areas, organizationId: 'org-peer' }),
    ]);
    expect(suggestions.map((s) => s.personId)).toEqual(['city', 'colleague', 'proven', 'bare']);
  });

  it('never lets the secondary reasons outweigh one high-priority area', () => {
    const { suggestions } = rankCoaches(
      needs({
        areas: [
          { area: 'program-management', priority: 'high' },
          { area: 'resource-mobilization', priority: 'low' },
        ],
      }),
      [
        coach('near', {
          areas: [{ area: 'resource-mobilization', evidence: 'Wrote three funded proposals' }],
          coachedOnTciModel: true,
          city: 'Nairobi',
          organizationId: 'org-peer',
        }),
        coach('far', {
          areas: [{ area: 'program-management' }, { area: 'resource-mobilization' }],
          activeCoachings: 1,
        }),
      ],
    );
    expect(suggestions.map((s) => s.personId)).toEqual(['far', 'near']);
  });

  it('leaves out the peer, the unwilling, the full and those without a needed area, saying why', () => {
    const areas = [{ area: 'monitoring-evaluation' as const }];
    const result = rankCoaches(needs(), [
      coach('peer', { areas }),
      coach('unwilling', { areas, willing: false }),
      coach('full', { areas, maxPeers: 2, activeCoachings: 2 }),
      coach('elsewhere', { areas: [{ area: 'program-management' }] }),
      coach('fit', { areas }),
    ]);
    expect(result.suggestions.map((s) => s.personId)).toEqual(['fit']);
    expect(result.excluded).toEqual([
      { personId: 'peer', name: 'PEER', reason: 'is-the-peer' },
      { personId: 'unwilling', name: 'UNWILLING', reason: 'not-willing' },
      { personId: 'full', name: 'FULL', reason: 'no-free-place' },
      { personId: 'elsewhere', name: 'ELSEWHERE', reason: 'no-needed-area' },
    ]);
  });

  it('breaks ties by load, then name, then id, whatever the pool’s order', () => {
    const areas = [{ area: 'monitoring-evaluation' as const }];
    // 'busy' scores the same as the others once its load is offset by a same-city bonus
    const pool = [
      coach('b2', { name: 'Beatrice', areas }),
      coach('zz', { name: 'Zawadi', areas }),
      coach('b1', { name: 'beatrice', areas }),
      coach('busy', { name: 'Aisha', areas, activeCoachings: 2, maxPeers: 3, city: 'Nairobi' }),
      coach('amani', { name: 'Amani', areas, activeCoachings: 0 }),
    ];
    const expected = ['amani', 'b1', 'b2', 'zz', 'busy'];
    expect(rankCoaches(needs(), pool).suggestions.map((s) => s.personId)).toEqual(expected);
    expect(rankCoaches(needs(), [...pool].reverse()).suggestions.map((s) => s.personId)).toEqual(
      expected,
    );
    const tied = rankCoaches(needs({ city: undefined }), [
      coach('late', { name: 'Aisha', areas, activeCoachings: 1, maxPeers: 3 }),
      coach('early', { name: 'Zawadi', areas, activeCoachings: 1, maxPeers: 3 }),
      coach('free', { name: 'Zawadi', areas, activeCoachings: 0 }),
    ]);
    expect(tied.suggestions.map((s) => s.personId)).toEqual(['free', 'late', 'early']);
  });

  it('counts an area named twice in the needs once, at its highest priority', () => {
    const { suggestions } = rankCoaches(
      needs({
        areas: [
          { area: 'monitoring-evaluation', priority: 'low' },
          { area: 'monitoring-evaluation', priority: 'high' },
        ],
      }),
      [coach('me', { areas: [{ area: 'monitoring-evaluation' }] })],
    );
    expect(suggestions[0]!.score).toBe(30);
  });
});

const plan = (
  skills: [lead: string, assist: string, observe: string][],
  periodStart = '2025-01-01',
  periodEnd = '2025-06-30',
) => ({
  periodStart,
  periodEnd,
  skills: skills.map(([lead, assist, observe]) => ({
    lead: { date: lead },
    assist: { date: assist },
    observe: { date: observe },
  })),
});

describe('planOrderErrors', () => {
  it('accepts Lead ≤ Assist ≤ Observe inside the period, equal dates included', () => {
    expect(
      planOrderErrors(
        plan([
          ['2025-01-01', '2025-02-01', '2025-06-30'],
          ['2025-03-03', '2025-03-03', '2025-03-03'],
        ]),
      ),
    ).toEqual([]);
  });

  it('names the step that comes before the one it follows', () => {
    expect(
      planOrderErrors(
        plan([
          ['2025-02-01', '2025-01-15', '2025-03-01'],
          ['2025-02-01', '2025-03-01', '2025-02-15'],
        ]),
      ),
    ).toEqual([
      {
        path: 'skills.0.assist.date',
        message: 'must be on or after the Lead date (2025-02-01)',
        code: 'date_order',
        params: { min: '2025-02-01' },
      },
      {
        path: 'skills.1.observe.date',
        message: 'must be on or after the Assist date (2025-03-01)',
        code: 'date_order',
        params: { min: '2025-03-01' },
      },
    ]);
  });

  it('names each date outside the period', () => {
    expect(
      planOrderErrors(plan([['2024-12-31', '2025-02-01', '2025-07-01']])).map((e) => e.path),
    ).toEqual(['skills.0.lead.date', 'skills.0.observe.date']);
  });

  it('names the end of a period that ends before it starts', () => {
    expect(planOrderErrors(plan([], '2025-03-01', '2025-02-01'))).toEqual([
      {
        path: 'periodEnd',
        message: 'must be on or after the start of the period (2025-03-01)',
        code: 'date_order',
        params: { min: '2025-03-01' },
      },
    ]);
  });
});

describe('plan status', () => {
  it('is behind as soon as a step is past its date and not done', () => {
    expect(stepState({ date: '2025-03-01' }, '2025-03-01')).toBe('upcoming');
    expect(stepState({ date: '2025-03-01' }, '2025-03-02')).toBe('behind');
    expect(stepState({ date: '2025-03-01', done: true }, '2025-04-01')).toBe('done');
    expect(
      planStatus([{ date: '2025-01-10' }, { date: '2025-02-10', done: true }], '2025-03-01'),
    ).toEqual({ state: 'behind', stepsTotal: 2, stepsDone: 1, stepsBehind: 1, stepsOpen: 1 });
  });

  it('is on track while every past step is done, complete when all are', () => {
    const steps = planSteps([
      {
        lead: { date: '2025-01-10', done: true },
        assist: { date: '2025-02-10' },
        observe: { date: '2025-03-10' },
      },
    ]);
    expect(planStatus(steps, '2025-02-10').state).toBe('on-track');
    expect(planStatus(steps, '2025-02-11').state).toBe('behind');
    expect(
      planStatus(
        steps.map((s) => ({ ...s, done: true })),
        '2026-01-01',
      ),
    ).toMatchObject({
      state: 'complete',
      stepsOpen: 0,
    });
    expect(planStatus(undefined, '2025-01-01').state).toBe('none');
  });

  it('averages quality to one decimal', () => {
    expect(averageQuality(11, 3)).toBe(3.7);
    expect(averageQuality(0, 0)).toBeUndefined();
  });
});
