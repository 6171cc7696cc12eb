import { z } from 'zod';
import { languages } from './languages.ts';

/** One of Sisi's languages: `en`, `fr`, `es` or `pt`. */
export const languageSchema = z.enum(languages);

/** `PATCH /me`: the signed-in person's own settings. */
export const updateMeSchema = z
  .object({
    language: languageSchema.describe(
      'The language of the mail Sisi sends this person from now on (and of their screens)',
    ),
  })
  .strict();
export type UpdateMe = z.output<typeof updateMeSchema>;
