/** Fixed lists of the model, free of zod so the SPA can bundle them cheaply. */

/** Key populations of 001 "Who Are Key Populations?". */
export const keyPopulations = [
  'sex-workers',
  'msm',
  'people-who-inject-drugs',
  'transgender',
] as const;
export type KeyPopulation = (typeof keyPopulations)[number];

/** The technical areas used in Annexes 2, 3, 5 and 7 of 001 ("other" carries free text). */
export const technicalAreas = [
  'peer-education',
  'peer-navigation',
  'social-behavior-change-communication',
  'clinical-services',
  'violence-prevention-response',
  'stigma-discrimination',
  'adherence',
  'networking',
  'community-mobilization',
  'advocacy',
  'resource-mobilization',
  'strategic-planning',
  'financial-management',
  'monitoring-evaluation',
  'program-management',
  'other',
] as const;
export type TechnicalArea = (typeof technicalAreas)[number];
