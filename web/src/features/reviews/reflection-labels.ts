/**
 * The reflection questionnaire's words as the screens show them: items and options in the
 * paper's words, side names, and averages as people write them.
 */
import type { ReflectionResults } from '@sisi/domain';
import {
  type ReflectionItem,
  type ReflectionSide,
  reflectionForm,
  reflectionScales,
} from '@sisi/domain/static';
import { type ReflectionTranslate, tPaper } from '../../i18n/en-reflection.ts';
import { i18n } from '../../i18n/index.ts';

export type Results = ReflectionResults;

export const F = reflectionForm;
type Section = (typeof F.sections)[number];
export const itemsOf = (s: Section) => s.items as readonly ReflectionItem[];
export const commentsOf = (s: Section): string | undefined =>
  'comments' in s ? s.comments : undefined;

/** "a. By participating…" as on the paper. */
export const itemText = (item: ReflectionItem) => {
  const text = tPaper(`reflection.${item.id}`, item.text);
  return item.letter ? `${item.letter}. ${text}` : text;
};
/** An option of a scale in the paper's words; its id when the scale has no such option. */
export const optionLabel = (scale: ReflectionItem['scale'], optionId: string) => {
  const option = reflectionScales[scale].options.find((o) => o.id === optionId);
  return option ? tPaper(`reflection.scale.${scale}.${option.id}`, option.label) : optionId;
};
export const sideName = (tr: ReflectionTranslate, side: ReflectionSide) =>
  tr(`reflection.sides.${side}`);

/** Averages as people write them: "4.5", "3". */
export const formatMean = (mean: number) =>
  new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(mean);
