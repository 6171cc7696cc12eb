/** The read-only texts of a document form's choices ("None chosen", "Yes", "No"). */
import { useMemo } from 'react';
import { usePlanT } from '../i18n/en-plan.ts';
import type { ReadOnlyTexts } from './form/index.ts';

/**
 * The read-only texts of choices, from the plan catalog.
 * @example <Form form={form} id="plan" readOnly readOnlyTexts={useReadOnlyTexts()} …>
 */
export function useReadOnlyTexts(): ReadOnlyTexts {
  const tp = usePlanT();
  return useMemo(
    () => ({
      noneChosen: tp('s2s.form.noneChosen'),
      yes: tp('s2s.form.yes'),
      no: tp('s2s.form.no'),
    }),
    [tp],
  );
}
