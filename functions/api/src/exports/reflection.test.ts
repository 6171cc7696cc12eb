import {
  compareSides,
  poolSide,
  type ReflectionAnswerSet,
  type ReflectionResults,
  reflectionComparisonRule,
  reflectionItems,
  reflectionScales,
  toCsv,
} from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { evaluationsExport } from './evaluations.ts';
import { reflectionExport, reflectionRows } from './reflection.ts';

/** Every item answered with its scale's option at `index` (clamped). */
const uniform = (index: number, overrides: Record<string, string> = {}) => ({
  ...Object.fromEntries(
    reflectionItems.map((item) => {
      const options = reflectionScales[item.scale].options;
      return [item.id, options[Math.min(index, options.length - 1)]!.id];
    }),
  ),
  ...overrides,
});

function results(mentor: ReflectionAnswerSet[], mentee: ReflectionAnswerSet[]): ReflectionResults {
  const side = (s: 'mentor' | 'mentee', sets: ReflectionAnswerSet[], shown: boolean) => {
    const pool = poolSide(s, sets);
    return {
      side: s,
      organizationIds: [],
      possibleRespondents: 3,
      answers: sets.length,
      shown,
      ...(shown ? { items: pool.items, comments: pool.comments } : {}),
    };
  };
  const mentorShown = mentor.length >= 2;
  const menteeShown = mentee.length >= 2;
  return {
    you: { canAnswer: false, answered: false },
    sides: [side('mentor', mentor, mentorShown), side('mentee', mentee, menteeShown)],
    comparison: compareSides(
      mentorShown ? poolSide('mentor', mentor) : undefined,
      menteeShown ? poolSide('mentee', mentee) : undefined,
    ),
    rule: { ...reflectionComparisonRule },
  };
}

/** The CSV's lines (the rows checked whole hold no line break). */
const parse = (csv: string) => csv.trimEnd().split('\r\n');

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function records(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return out;
}

describe('reflectionExport', () => {
  it('writes one pooled row per item and one per comment box, never a person’s answers', () => {
    const r = results(
      [
        { answers: uniform(0), comments: { synergy: 'Strong start' } },
        { answers: uniform(1, { 'synergy-a': 'not-well-at-all' }), comments: { synergy: 'Also' } },
      ],
      [{ answers: uniform(4), comments: { synergy: 'Only mine' } }],
    );
    const rows = reflectionRows(r);
    // 42 items, 8 section boxes and the overall box
    expect(rows).toHaveLength(42 + 9);
    const csv = toCsv(reflectionExport.columns, rows);
    const lines = parse(csv);
    expect(lines[0]).toBe(
      [
        'Section',
        'Item',
        'Question',
        'Mentor side: people who answered',
        'Mentor side: scored answers',
        "Mentor side: don't know",
        'Mentor side: mean strength (1 weakest to 5 strongest)',
        'Mentor side: answers by option',
        'Mentor side: comments',
        'Mentee side: people who answered',
        'Mentee side: scored answers',
        "Mentee side: don't know",
        'Mentee side: mean strength (1 weakest to 5 strongest)',
        'Mentee side: answers by option',
        'Mentee side: comments',
        'Comparison',
      ].join(','),
    );
    // synergy a: extremely well and not well at all (5 and 1): mean 3; the mentee side withheld
    expect(lines[1]).toBe(
      [
        'SYNERGY',
        'a',
        '"By participating in the mentoring relationship, how well are mentees able to identify new and creative ways to solve problems?"',
        '2',
        '2',
        '0',
        '3',
        'EXTREMELY WELL: 1; VERY WELL: 0; SOMEWHAT WELL: 0; NOT SO WELL: 0; NOT WELL AT ALL: 1',
        '',
        '1',
        '',
        '',
        '',
        'withheld until the side has 3 answers',
        '',
        'not-enough-answers',
      ].join(','),
    );
    // the synergy comment box: the mentor side's comments, one per line, sorted
    expect(rows[5]).toMatchObject({
      section: 'SYNERGY',
      text: 'COMMENTS ON SYNERGY',
      mentor: { comments: ['Also', 'Strong start'] },
      mentee: { answers: 1, shown: false },
    });
    expect(csv).toContain('"Also\nStrong start"');
    // the lone mentee's comment and answers are nowhere
    expect(csv).not.toContain('Only mine');
    expect(rows.every((row) => row.mentee.count === undefined)).toBe(true);
  });

  it('gives the verdict of each item once both sides are shown', () => {
    const r = results(
      [{ answers: uniform(0) }, { answers: uniform(0) }],
      [{ answers: uniform(4) }, { answers: uniform(3) }],
    );
    const rows = reflectionRows(r);
    expect(rows[0]).toMatchObject({
      mentor: { mean: 5, count: 2 },
      mentee: { mean: 1.5, count: 2 },
      verdict: 'disagree',
    });
    expect(rows.at(-1)).toMatchObject({ text: 'OVERALL COMMENTS ON THE PARTNERSHIP' });
  });
});

describe('evaluationsExport', () => {
  it('writes one row per organization under the form’s numbered questions', () => {
    const csv = toCsv(evaluationsExport.columns, [
      {
        mentorshipId: 'm123456',
        organizationId: 'o123456',
        organizationName: 'Colectivo Trans Andino',
        role: 'mentor',
        version: 2,
        content: {
          technicalAreas: ['advocacy', 'other'],
          otherTechnicalArea: 'Digital security',
          activities: ['telementoring', 'exchange-event'],
          outcomeChanged: 'yes',
          outcomeChangedHow: 'Budget advocacy added',
          hoursPerMonth: 6.5,
          costToDate: { amount: 2400, currency: 'USD' },
          results: { support: 'true', services: 'did-not-need-changing' },
          signature: { name: 'Ama Mensah', date: '2026-01-14' },
        },
        updatedAt: '2026-01-14T10:00:00.000Z',
        updatedBy: 'u123456',
        signedAt: '2026-01-14T10:00:00.000Z',
      },
    ]);
    const [headers, cells] = records(csv) as [string[], string[]];
    expect(records(csv)).toHaveLength(2);
    const cell = (h: string) => cells[headers.indexOf(h)];
    expect(headers.slice(0, 4)).toEqual([
      'Organization',
      'Side',
      'Status',
      '1. Who were the mentors?',
    ]);
    expect(cell('Status')).toBe('signed');
    expect(cell('4. What were the technical areas of focus for the mentorship?')).toBe(
      'Advocacy; Other: Digital security',
    );
    expect(cell('7. Did this understanding change over time?')).toBe('Yes');
    expect(cell('7. If yes, how?')).toBe('Budget advocacy added');
    expect(
      cell('9. On average, how many hours per month did you spend with your mentor/mentee?'),
    ).toBe('6.5');
    expect(cell('13. Support: Feels that s/he has enough support to do work better')).toBe('TRUE');
    expect(
      cell('13. Services: Feels he or she is able to provide better services to key populations'),
    ).toBe('DID NOT NEED CHANGING (FINE TO BEGIN WITH)');
    expect(cell('13. Empowerment: Feels he or she has more future options')).toBe('');
    expect(cell('Signature')).toBe('Ama Mensah');
  });
});
