import { describe, expect, it } from 'vitest';
import { evaluationSchema, evaluationStatus } from './evaluation.ts';
import {
  allEvaluationsSigned,
  evaluationActivities,
  evaluationForm,
  evaluationResultAnswers,
  evaluationResultRows,
} from './evaluation-form.ts';

const signable = {
  technicalAreas: ['advocacy'],
  activities: ['telementoring'],
  intendedOutcome: 'A costed advocacy plan',
  outcomeAchieved: 'yes',
  results: {
    support: 'true',
    empowerment: 'false',
    services: 'did-not-need-changing',
    'constructive-use-of-time': 'dont-know',
  },
  signature: { name: 'Ama Mensah', date: '2026-01-15' },
};

const paths = (input: unknown) =>
  evaluationSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the Annex 7 form', () => {
  it('asks its 18 questions word for word, in order', () => {
    expect(evaluationForm.questions.map((q) => q.n)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1),
    );
    const q = (n: number) => evaluationForm.questions.find((x) => x.n === n)!;
    expect(q(3).text).toBe('How long have you been matched (years or months)?');
    // question 7 is one line on the paper: the yes/no and its "If yes, how?"
    const seven = q(7);
    const how = 'followUp' in seven && 'text' in seven.followUp ? seven.followUp.text : '';
    expect(`${seven.text} ${how}`).toBe('Did this understanding change over time? If yes, how?');
    expect(q(18).text).toBe("What is hard about having a mentee? What didn't work?");
    expect(new Set(evaluationForm.questions.map((x) => x.field)).size).toBe(18);
  });

  it('has the activities, the results table and both signature lines of the paper', () => {
    expect(evaluationActivities.map((a) => a.label)).toEqual([
      'ON-SITE MENTORING',
      'TWINNING',
      'COMMUNITY OF PRACTICE',
      'STUDY TOUR/SITE VISIT',
      'EXCHANGE VISITS',
      'INTERNSHIP/SHADOWING',
      'RESOURCE REFERRAL',
      'TELEMENTORING',
      'PEER EXCHANGE/WORKSHOP EVENT',
    ]);
    expect(evaluationResultAnswers.map((a) => a.label)).toEqual([
      'TRUE',
      'FALSE',
      'DID NOT NEED CHANGING (FINE TO BEGIN WITH)',
      "DON'T KNOW",
    ]);
    expect(evaluationResultRows.map((r) => r.title)).toEqual([
      'Support',
      'Empowerment',
      'Services',
      'Constructive Use of Time',
      'Other Achievements',
    ]);
    expect(evaluationForm.signatures.map((s) => s.text)).toEqual([
      "Mentor's Signature",
      "Mentee's Signature",
    ]);
  });
});

describe('evaluationSchema', () => {
  it('takes a draft with any answers, and a signed form with what signing needs', () => {
    expect(evaluationSchema.parse({})).toEqual({ technicalAreas: [], activities: [], results: {} });
    expect(
      evaluationSchema.parse({ hoursPerMonth: 6.5, costToDate: { amount: 2400, currency: 'usd' } }),
    ).toMatchObject({ hoursPerMonth: 6.5, costToDate: { amount: 2400, currency: 'USD' } });
    expect(paths(signable)).toEqual([]);
  });

  it('names what signing still needs', () => {
    const { results: _r, intendedOutcome: _i, ...rest } = signable;
    expect(paths({ ...rest, technicalAreas: [], activities: [] }).sort()).toEqual(
      [
        'activities',
        'intendedOutcome',
        'results.constructive-use-of-time',
        'results.empowerment',
        'results.services',
        'results.support',
        'technicalAreas',
      ].sort(),
    );
  });

  it('names bad answers', () => {
    expect(paths({ hoursPerMonth: -1 })).toEqual(['hoursPerMonth']);
    expect(paths({ hoursPerMonth: 1.1 })).toEqual(['hoursPerMonth']);
    expect(paths({ costToDate: { amount: 10, currency: 'dollars' } })).toEqual([
      'costToDate.currency',
    ]);
    expect(paths({ results: { support: 'maybe' } })).toEqual(['results.support']);
    expect(paths({ results: { happiness: 'true' } })).toEqual(['results']);
    expect(paths({ activities: ['twinning', 'twinning'] })).toEqual(['activities']);
    expect(paths({ technicalAreas: ['other'] })).toEqual(['otherTechnicalArea']);
    expect(paths({ results: { 'other-achievements': 'true' } })).toEqual(['otherAchievements']);
    expect(paths({ outcomeChanged: 'maybe' })).toEqual(['outcomeChanged']);
    expect(paths({ signature: { name: 'Ama' } })).toEqual(['signature.date']);
  });
});

describe('evaluation status', () => {
  it('is not started, a draft, or signed; the end review needs every organization signed', () => {
    expect(evaluationStatus(undefined)).toBe('not-started');
    expect(evaluationStatus({})).toBe('draft');
    expect(evaluationStatus({ signedAt: '2026-01-15T10:00:00.000Z' })).toBe('signed');
    expect(allEvaluationsSigned(['a', 'b'], new Set(['a', 'b']))).toBe(true);
    expect(allEvaluationsSigned(['a', 'b'], new Set(['a']))).toBe(false);
    expect(allEvaluationsSigned([], new Set())).toBe(false);
  });
});
