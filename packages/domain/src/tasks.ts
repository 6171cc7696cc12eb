/** What a person may be asked to do (`GET /me/tasks`'s `kind`); more may come. */
export const taskKinds = [
  'quarterly-report',
  'reflection',
  'evaluation',
  'follow-up-action',
  'agreement',
  'coach-willingness',
  'reference',
  'nomination',
  'group-spirit',
  'group-session',
  'coaching-session',
] as const;
export type TaskKind = (typeof taskKinds)[number];
