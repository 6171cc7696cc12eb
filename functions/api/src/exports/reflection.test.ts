import {
  compareSides,
  exportsCatalogs,
  exportsT,
  poolSide,
  REFLECTION_MIN_SHOWN,
  type ReflectionAnswerSet,
  type ReflectionResults,
  reflectionComparisonRule,
  reflectionItems,
  reflectionScales,
  toCsv,
  toolkitIn,
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
    const csv = toCsv(reflectionExport.columns('en'), rows);
    const lines = parse(csv);
    const side = (s: string) => [
      `${s}_answers`,
      `${s}_scored`,
      `${s}_dont_know`,
      `${s}_mean`,
      `${s}_by_option`,
      `${s}_by_option_label`,
      `${s}_comments`,
    ];
    expect(lines[0]).toBe(
      [
        'section',
        'section_label',
        'item',
        'item_label',
        'letter',
        ...side('mentor'),
        ...side('mentee'),
        'comparison',
        'comparison_label',
      ].join(','),
    );
    // the same header in every language
    for (const lng of ['fr', 'es', 'pt'] as const) {
      expect(parse(toCsv(reflectionExport.columns(lng), rows))[0], lng).toBe(lines[0]);
    }
    // synergy a: extremely well and not well at all (5 and 1): mean 3; the mentee side withheld
    for (const lng of ['en', 'fr'] as const) {
      const toolkit = toolkitIn('toolkit-monitoring', lng);
      const section = toolkit.reflectionForm.sections[0]!;
      const words = toolkit.reflectionScales['how-well'].options.map((o) => o.label);
      const codes = reflectionScales['how-well'].options.map((o) => o.id);
      const counts = [1, 0, 0, 0, 1];
      const [, first] = records(toCsv(reflectionExport.columns(lng), rows));
      expect(first, lng).toEqual([
        'synergy',
        section.title,
        'synergy-a',
        section.items[0]!.text,
        'a',
        '2',
        '2',
        '0',
        '3',
        codes.map((c, i) => `${c}: ${counts[i]}`).join('; '),
        words.map((w, i) => `${w}: ${counts[i]}`).join('; '),
        '',
        '1',
        '',
        '',
        '',
        'withheld',
        exportsT(lng)('withheld', { count: REFLECTION_MIN_SHOWN }),
        '',
        'not-enough-answers',
        exportsCatalogs[lng].reflectionVerdict['not-enough-answers'],
      ]);
    }
    expect(
      toolkitIn('toolkit-monitoring', 'fr').reflectionScales['how-well'].options[0]!.label,
    ).not.toBe(reflectionScales['how-well'].options[0]!.label);
    // the synergy comment box: the mentor side's comments, one per line, sorted
    expect(rows[5]).toMatchObject({
      section: 'synergy',
      item: 'synergy',
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
    expect(rows.at(-1)).toMatchObject({ section: 'overall', item: 'overall' });
  });
});

describe('evaluationsExport', () => {
  const row = {
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
      outcomeChangedHow: '=Budget advocacy added',
      hoursPerMonth: 6.5,
      costToDate: { amount: 2400, currency: 'USD' },
      results: { support: 'true', services: 'did-not-need-changing' },
      signature: { name: 'Ama Mensah', date: '2026-01-14' },
    },
    updatedAt: '2026-01-14T10:00:00.000Z',
    updatedBy: 'u123456',
    signedAt: '2026-01-14T10:00:00.000Z',
  } as const;
  const table = (lng: 'en' | 'fr' | 'es' | 'pt') => {
    const csv = toCsv(evaluationsExport.columns(lng), [row as never]);
    const [headers, cells] = records(csv) as [string[], string[]];
    expect(records(csv)).toHaveLength(2);
    return { headers, cell: (h: string) => cells[headers.indexOf(h)] };
  };

  it('writes one row per organization, its header the same stable ids in every language', () => {
    const { headers, cell } = table('en');
    expect(headers.slice(0, 6)).toEqual([
      'organization',
      'side',
      'side_label',
      'status',
      'status_label',
      'mentors',
    ]);
    for (const lng of ['fr', 'es', 'pt'] as const) expect(table(lng).headers, lng).toEqual(headers);
    expect(headers.every((h) => /^[a-z][a-z0-9_]*$/.test(h))).toBe(true);
    expect(new Set(headers).size).toBe(headers.length);
    // codes as stored, free text as written (defused)
    expect(cell('status')).toBe('signed');
    expect(cell('technical_areas')).toBe('advocacy; other');
    expect(cell('other_technical_area')).toBe('Digital security');
    expect(cell('activities')).toBe('telementoring; exchange-event');
    expect(cell('outcome_changed')).toBe('yes');
    expect(cell('outcome_changed_how')).toBe("'=Budget advocacy added");
    expect(cell('hours_per_month')).toBe('6.5');
    expect(cell('result_support')).toBe('true');
    expect(cell('result_services')).toBe('did-not-need-changing');
    expect(cell('result_empowerment')).toBe('');
    expect(cell('result_empowerment_label')).toBe('');
    expect(cell('signature')).toBe('Ama Mensah');
  });

  it('words each code in the reader’s language, in the same order', () => {
    for (const lng of ['en', 'pt'] as const) {
      const { cell } = table(lng);
      const form = toolkitIn('toolkit-monitoring', lng).evaluationForm;
      const word = (list: readonly { id: string; label: string }[], id: string) =>
        list.find((o) => o.id === id)!.label;
      expect(cell('side_label'), lng).toBe(exportsCatalogs[lng].side.mentor);
      expect(cell('status_label'), lng).toBe(exportsCatalogs[lng].evaluationStatus.signed);
      expect(cell('technical_areas_label'), lng).toBe(
        `${word(form.technicalAreas, 'advocacy')}; ${word(form.technicalAreas, 'other')}`,
      );
      expect(cell('activities_label'), lng).toBe(
        `${word(form.activities, 'telementoring')}; ${word(form.activities, 'exchange-event')}`,
      );
      expect(cell('outcome_changed_label'), lng).toBe(exportsCatalogs[lng].yesNo.yes);
      expect(cell('result_services_label'), lng).toBe(
        word(form.results.columns, 'did-not-need-changing'),
      );
      // written answers stay as written in every language
      expect(cell('other_technical_area'), lng).toBe('Digital security');
    }
    expect(table('pt').cell('status_label')).not.toBe(table('en').cell('status_label'));
  });
});
