import {
  type CsvColumn,
  csvList,
  exportsT,
  REFLECTION_MIN_SHOWN,
  type ReflectionResults,
  type ReflectionSide,
  reflectionForm,
  toolkitIn,
} from '@sisi/domain';
import { reflectionResults } from '../services/reflection.ts';
import { coded } from './labels.ts';
import type { FormExport } from './types.ts';

/** One side's cells of a row: pooled, never one person's answers. */
interface SideCells {
  /** How many on the side answered the questionnaire. */
  answers: number;
  shown: boolean;
  count?: number;
  dontKnow?: number;
  mean?: number | null;
  /** The item's scale (`how-well`, `rating`…) and how many chose each of its options. */
  scale?: string;
  distribution?: readonly { optionId: string; count: number }[];
  comments?: string[];
}

/** A row: an item with both sides' pooled answers and the verdict, or a comment box. */
export interface ReflectionRow {
  /** The section's id (`synergy`…), or `overall` for the last box. */
  section: string;
  /** The item's id (`synergy-a`…), or the comment box's (`synergy`, `overall`…). */
  item: string;
  /** The item's letter on the paper; '' for a box or a section of one question. */
  letter: string;
  mentor: SideCells;
  mentee: SideCells;
  verdict?: string;
}

type Form = typeof reflectionForm;

/** Section and item (or comment box) id → its words in one language's questionnaire. */
function formWords(form: Form) {
  const sections = new Map<string, string>([[form.overallComments.id, form.overallComments.text]]);
  const items = new Map<string, string>([[form.overallComments.id, form.overallComments.text]]);
  for (const s of form.sections) {
    sections.set(s.id, s.title);
    for (const i of s.items) items.set(i.id, i.text);
    if ('comments' in s) items.set(s.id, s.comments);
  }
  return { section: (id: string) => sections.get(id), item: (id: string) => items.get(id) };
}

const sideColumns = (
  side: ReflectionSide,
  byOption: (cells: SideCells) => string,
  withheld: string,
): CsvColumn<ReflectionRow>[] => [
  { id: `${side}_answers`, value: (r) => r[side].answers },
  { id: `${side}_scored`, value: (r) => r[side].count },
  { id: `${side}_dont_know`, value: (r) => r[side].dontKnow },
  { id: `${side}_mean`, value: (r) => r[side].mean },
  {
    id: `${side}_by_option`,
    value: (r) =>
      r[side].shown
        ? csvList(r[side].distribution?.map((d) => `${d.optionId}: ${d.count}`))
        : 'withheld',
    label: (r) => (r[side].shown ? byOption(r[side]) : withheld),
  },
  // comments of one box, one per line; their order is alphabetical, not who or when
  { id: `${side}_comments`, value: (r) => r[side].comments?.join('\n') },
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
      .flatMap((x) => x.items as readonly { id: string; scale: string }[])
      .find((i) => i.id === itemId)!.scale;
    return {
      ...base,
      count: item.count,
      dontKnow: item.dontKnow,
      mean: item.mean,
      scale,
      distribution: item.distribution,
    };
  };
  const verdicts = new Map(results.comparison.map((c) => [c.itemId, c.verdict]));
  const rows: ReflectionRow[] = [];
  for (const section of reflectionForm.sections) {
    for (const item of section.items) {
      rows.push({
        section: section.id,
        item: item.id,
        letter: ('letter' in item ? item.letter : undefined) ?? '',
        mentor: cells('mentor', item.id),
        mentee: cells('mentee', item.id),
        verdict: verdicts.get(item.id),
      });
    }
    if ('comments' in section) {
      rows.push({
        section: section.id,
        item: section.id,
        letter: '',
        mentor: cells('mentor', undefined, section.id),
        mentee: cells('mentee', undefined, section.id),
      });
    }
  }
  const overall = reflectionForm.overallComments.id;
  rows.push({
    section: overall,
    item: overall,
    letter: '',
    mentor: cells('mentor', undefined, overall),
    mentee: cells('mentee', undefined, overall),
  });
  return rows;
}

/**
 * The reflection questionnaire (001 Annex 6) pooled per side: one row per item with each
 * side's count, "don't know"s, mean strength and answers by option, and the comparison's
 * verdict; one row per comment box with each side's comments. Sections, items, options and
 * verdicts are codes, each with its words in the reader's language. Never one person's
 * answers: a side's cells stay empty until its results may be shown (as on the results page).
 */
export const reflectionExport: FormExport<ReflectionRow> = {
  form: 'reflection',
  columns: (lng) => {
    const toolkit = toolkitIn('toolkit-monitoring', lng);
    const words = formWords(toolkit.reflectionForm);
    const scales = toolkit.reflectionScales as Record<
      string,
      { options: readonly { id: string; label: string }[] }
    >;
    const t = exportsT(lng);
    const byOption = (cells: SideCells) => {
      const options = scales[cells.scale ?? '']?.options ?? [];
      const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
      return csvList(cells.distribution?.map((d) => `${label(d.optionId)}: ${d.count}`));
    };
    const withheld = t('withheld', { count: REFLECTION_MIN_SHOWN });
    return [
      coded('section', (r) => r.section, words.section),
      coded('item', (r) => r.item, words.item),
      { id: 'letter', value: (r) => r.letter },
      ...sideColumns('mentor', byOption, withheld),
      ...sideColumns('mentee', byOption, withheld),
      coded(
        'comparison',
        (r) => r.verdict,
        (v) => t(`reflectionVerdict.${v}`),
      ),
    ];
  },
  async rows(scope, m) {
    return reflectionRows(await reflectionResults(scope, m));
  },
};
