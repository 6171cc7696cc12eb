import { z } from 'zod';
import { coded } from './errors/codes.ts';
import { languages } from './languages.ts';

/** One of Sisi's languages: `en`, `fr`, `es` or `pt`. */
export const languageSchema = z.enum(languages);

/** `PATCH /me`: the signed-in person's own settings. */
export const updateMeSchema = z
  .object({
    language: languageSchema
      .describe(
        'The language of the mail Sisi sends this person from now on (and of their screens)',
      )
      .optional(),
    notices: z
      .boolean()
      .describe(
        '`false` turns off the optional notice mails (added to the pool of coaches, a reference to confirm, a group spirit to agree); invitations, password resets and review mail are required and always sent (ADR 0046)',
      )
      .optional(),
  })
  .strict()
  .refine((v) => v.language !== undefined || v.notices !== undefined, {
    path: ['language'],
    message: 'give language, notices or both',
    ...coded('one_needed'),
  });
export type UpdateMe = z.output<typeof updateMeSchema>;
