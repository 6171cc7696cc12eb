import {
  type CsvColumn,
  csvList,
  REFLECTION_MIN_SHOWN,
  type ReflectionItem,
  type ReflectionResults,
  type ReflectionSide,
  reflectionForm,
  reflectionScales,
} from '@sisi/domain';
import { reflectionResults } from '../services/reflection.ts';
import type { FormExport } from './types.ts';

/** One side's cells of a row: pooled, never one person's answers. */
interface SideCells {
  /** How many on the side answered the questionnaire. */
  answers: number;
  shown: boolean;
  count?: number;
  dontKnow?: number;
  mean?: number | null;
  /** "EXTREMELY WELL: 2; VERY WELL: 1 …" */
  byOption?: string;
  comments?: string[];
}

/** A row: an item with both sides' pooled answers and the verdict, or a comment box. */
export interface ReflectionRow {
  section: string;
  /** The item's letter (or the section's title where it has one question); '' for a box. */
  item: string;
  /** The question, or the comment box's heading. */
  text: string;
  mentor: SideCells;
  mentee: SideCells;
  verdict?: string;
}

const WITHHELD = `withheld until the side has ${REFLECTION_MIN_SHOWN} answers`;
const SIDE_LABEL: Record<ReflectionSide, string> = { mentor: 'Mentor side', mentee: 'Mentee side' };

const sideColumns = (side: ReflectionSide): CsvColumn<ReflectionRow>[] => [
  { header: `${SIDE_LABEL[side]}: people who answered`, value: (r) => r[side].answers },
  { header: `${SIDE_LABEL[side]}: scored answers`, value: (r) => r[side].count },
  { header: `${SIDE_LABEL[side]}: don't know`, value: (r) => r[side].dontKnow },
  {
    header: `${SIDE_LABEL[side]}: mean strength (1 weakest to 5 strongest)`,
    value: (r) => r[side].mean,
  },
  {
    header: `${SIDE_LABEL[side]}: answers by option`,
    value: (r) => (r[side].shown ? r[side].byOption : WITHHELD),
  },
  // comments of one box, one per line; their order is alphabetical, not who or when
  { header: `${SIDE_LABEL[side]}: comments`, value: (r) => r[side].comments?.join('\n') },
];

/** The rows of one mentorship's results, in the paper's order. */
export function reflectionRows(results: ReflectionResults): ReflectionRow[] {
  const side = (s: ReflectionSide) => results.sides.find((x) => x.side === s)!;
  const cells = (s: ReflectionSide, itemId?: string, boxId?: string): SideCells => {
    const r = side(s);
    const base = { answers: r.answers, shown: r.shown };
    if (!r.shown) return base;
    if (boxId) {
      return { ...base, comments: r.comments?.find((c) => c.boxId === boxId)?.texts ?? [] };
    }
    const item = r.items?.find((i) => i.itemId === itemId);
    if (!item) return base;
    const scale = reflectionForm.sections
      .flatMap((x) => x.items as readonly { id: string; scale: keyof typeof reflectionScales }[])
      .find((i) => i.id === itemId)!.scale;
    const label = new Map<string, string>(
      reflectionScales[scale].options.map((o) => [o.id, o.label]),
    );
    return {
      ...base,
      count: item.count,
      dontKnow: item.dontKnow,
      mean: item.mean,
      byOption: csvList(item.distribution.map((d) => `${label.get(d.optionId)}: ${d.count}`)),
    };
  };
  const verdicts = new Map(results.comparison.map((c) => [c.itemId, c.verdict]));
  const rows: ReflectionRow[] = [];
  for (const section of reflectionForm.sections) {
    for (const item of section.items) {
      rows.push({
        section: section.title,
        item: (item as ReflectionItem).letter ?? '',
        text: item.text,
        mentor: cells('mentor', item.id),
        mentee: cells('mentee', item.id),
        verdict: verdicts.get(item.id),
      });
    }
    if ('comments' in section) {
      rows.push({
        section: section.title,
        item: '',
        text: section.comments,
        mentor: cells('mentor', undefined, section.id),
        mentee: cells('mentee', undefined, section.id),
      });
    }
  }
  const overall = reflectionForm.overallComments;
  rows.push({
    section: overall.text,
    item: '',
    text: overall.text,
    mentor: cells('mentor', undefined, overall.id),
    mentee: cells('mentee', undefined, overall.id),
  });
  return rows;
}

/**
 * The reflection questionnaire (001 Annex 6) pooled per side: one row per item with each
 * side's count, "don't know"s, mean strength and answers by option, and the comparison's
 * verdict; one row per comment box with each side's comments. Never one person's answers:
 * a side's cells stay empty until its results may be shown (as on the results page).
 */
export const reflectionExport: FormExport<ReflectionRow> = {
  form: 'reflection',
  columns: [
    { header: 'Section', value: (r) => r.section },
    { header: 'Item', value: (r) => r.item },
    { header: 'Question', value: (r) => r.text },
    ...sideColumns('mentor'),
    ...sideColumns('mentee'),
    { header: 'Comparison', value: (r) => r.verdict },
  ],
  async rows(scope, m) {
    return reflectionRows(await reflectionResults(scope, m));
  },
};
