import { z } from 'zod';
import { emailSchema, idSchema, personNameSchema } from './common.ts';
import { languageSchema } from './language-schema.ts';

/**
 * `invited` until the invitation is accepted, then `active`; `deactivated` by the operator
 * or another admin (sign-in and tokens end, the person and what they wrote stay).
 */
export const networkAdminStatuses = ['invited', 'active', 'deactivated'] as const;
export type NetworkAdminStatus = (typeof networkAdminStatuses)[number];

export const inviteNetworkAdminSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    language: languageSchema
      .optional()
      .describe(
        'The language of the invitation mail, kept as the person’s language (default: the network’s `defaultLanguage`)',
      ),
  })
  .strict();
export type InviteNetworkAdmin = z.output<typeof inviteNetworkAdminSchema>;

export const updateNetworkAdminSchema = z
  .object({
    status: z
      .enum(['active', 'deactivated'])
      .describe(
        '`deactivated` ends the admin’s access; `active` gives it back (someone who never accepted their invitation is `invited` again)',
      ),
  })
  .strict();
export type UpdateNetworkAdmin = z.output<typeof updateNetworkAdminSchema>;

/** A network admin as the admins' list shows them. */
export const networkAdminSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  status: z.enum(networkAdminStatuses),
  language: languageSchema.describe('The language of the mail Sisi sends the admin'),
  createdAt: z.string(),
  activatedAt: z.string().optional(),
  deactivatedAt: z.string().optional(),
  /** Set when their data was erased: `name` and `email` are then empty. */
  erasedAt: z.string().optional(),
});
export type NetworkAdmin = z.output<typeof networkAdminSchema>;
