/**
 * An organization's profile as its form holds it (strengths and needs as lines of text,
 * choices in the order the form lists them), and the body sent from it.
 */
import type {
  CreateOrganizationInput,
  KeyPopulation,
  Organization,
  TechnicalArea,
} from '@sisi/domain';
// the form system's pure part: this module is unit-tested without a browser
import { type FormErrors, requireValues } from '../../components/form/errors.ts';
import { commonLanguages, keyPopulations, technicalAreas } from '../../constants.ts';
import type { Translate } from '../../i18n/index.ts';

export type Profile = Omit<CreateOrganizationInput, 'coordinatorEmail' | 'coordinatorName'>;

/** The profile as the form holds it: lists of strengths and needs as lines of text. */
export type ProfileValue = {
  name: string;
  country: string;
  languages: string[];
  keyPopulations: string[];
  kpLed: boolean;
  technicalAreas: string[];
  otherTechnicalArea: string;
  strengthsOffered: string;
  priorityNeeds: string;
  highSpeedInternet: boolean;
  nameVisibleToDonors: boolean;
};
export type CreateValue = ProfileValue & {
  coordinatorEmail: string;
  coordinatorName: string;
  /** Empty: the network's default language. */
  coordinatorLanguage: string;
};

export const PROFILE_FIELDS = [
  'name',
  'country',
  'languages',
  'keyPopulations',
  'kpLed',
  'technicalAreas',
  'otherTechnicalArea',
  'strengthsOffered',
  'priorityNeeds',
  'highSpeedInternet',
  'nameVisibleToDonors',
] as const;
export const CREATE_FIELDS = [
  ...PROFILE_FIELDS,
  'coordinatorEmail',
  'coordinatorName',
  'coordinatorLanguage',
] as const;

const lines = (value: string) =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The languages offered: the common ones, then any other the organization has. */
export const languageCodes = (initial?: Organization) => [
  ...new Set([...commonLanguages, ...(initial?.languages ?? [])]),
];

/** `chosen` in the order of `options` (the order the checkboxes list them). */
const inOrder = (options: readonly string[], chosen: readonly string[] = []) =>
  options.filter((o) => chosen.includes(o));

/** The form's value for a new organization, or for editing `initial`. */
export function profileValue(initial?: Organization): ProfileValue {
  return {
    name: initial?.name ?? '',
    country: initial?.country ?? '',
    languages: inOrder(languageCodes(initial), initial?.languages),
    keyPopulations: inOrder(keyPopulations, initial?.keyPopulations),
    kpLed: initial?.kpLed ?? false,
    technicalAreas: inOrder(technicalAreas, initial?.technicalAreas),
    otherTechnicalArea: initial?.otherTechnicalArea ?? '',
    strengthsOffered: initial?.strengthsOffered.join('\n') ?? '',
    priorityNeeds: initial?.priorityNeeds.join('\n') ?? '',
    highSpeedInternet: initial?.highSpeedInternet ?? false,
    nameVisibleToDonors: initial?.nameVisibleToDonors ?? false,
  };
}

export function profileFrom(v: ProfileValue): Profile {
  return {
    name: v.name.trim(),
    country: v.country.trim(),
    languages: v.languages,
    keyPopulations: v.keyPopulations as KeyPopulation[],
    kpLed: v.kpLed,
    technicalAreas: v.technicalAreas as TechnicalArea[],
    otherTechnicalArea: v.otherTechnicalArea.trim(),
    strengthsOffered: lines(v.strengthsOffered),
    priorityNeeds: lines(v.priorityNeeds),
    highSpeedInternet: v.highSpeedInternet,
    nameVisibleToDonors: v.nameVisibleToDonors,
  };
}

/** What the browser can check before asking the API (which checks everything again). */
export function checkProfile(
  v: ProfileValue,
  required: readonly string[],
  t: Translate,
): FormErrors {
  const found = requireValues(v, required, t('errors.isRequired'));
  if (v.keyPopulations.length === 0) found.fields.keyPopulations = t('errors.chooseOne');
  return found;
}
