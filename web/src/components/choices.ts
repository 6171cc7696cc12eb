import { useMemo } from 'react';
import { keyPopulations, technicalAreas } from '../constants.ts';
import { useT } from '../i18n/index.ts';
import type { ChoiceOption } from './form/index.ts';

/**
 * The technical areas as choices, in the reader's words.
 * @example <CheckboxGroup path="areas" legend={…} options={useTechnicalAreaOptions()} />
 */
export function useTechnicalAreaOptions(): ChoiceOption[] {
  const t = useT();
  return useMemo(
    () => technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) })),
    [t],
  );
}

/** The key populations as choices, in the reader's words. */
export function useKeyPopulationOptions(): ChoiceOption[] {
  const t = useT();
  return useMemo(
    () => keyPopulations.map((k) => ({ value: k, label: t(`keyPopulations.${k}`) })),
    [t],
  );
}
