import { z } from 'zod';
import { emailSchema, idSchema, personNameSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { languageSchema } from '../language-schema.ts';
import { isQuarter } from './quarter.ts';

/** `POST /donors` (operator): a funder of one or more networks, invited by email. */
export const createDonorSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    networkIds: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{2,40}$/, 'must be a network id'))
      .min(1, 'name at least one network')
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, {
        message: 'must not repeat a network',
        ...coded('not_unique'),
      }),
    language: languageSchema
      .optional()
      .describe('The language of the invitation, kept as the donor’s language (default en)'),
  })
  .strict();
export type CreateDonor = z.output<typeof createDonorSchema>;

export const donorSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  networkIds: z.array(z.string()),
  status: z.enum(['invited', 'active', 'deactivated']),
  createdAt: z.string(),
});
export type Donor = z.output<typeof donorSchema>;

export const quarterSchema = z
  .string()
  .refine(isQuarter, {
    message: 'must be a quarter such as 2026-Q1',
    ...coded('invalid_format', { format: 'quarter' }),
  })
  .describe('A calendar quarter, e.g. `2026-Q1` (January to March 2026)');

export const donorCellSchema = z.union([
  z.object({ value: z.number() }).strict(),
  z.object({ withheld: z.literal(true) }).strict(),
]);

export const donorGroupCellsSchema = z.object({
  total: donorCellSchema,
  count: donorCellSchema.optional(),
  tables: z.record(z.string(), z.record(z.string(), donorCellSchema)),
});

export const donorGroupsSchema = z.record(z.string(), donorGroupCellsSchema);

export const donorSummarySchema = z.object({
  threshold: z.number().int(),
  through: quarterSchema.nullable(),
  quarters: z.array(quarterSchema),
  networks: z.array(
    z.object({
      networkId: z.string(),
      name: z.string(),
      organizationNames: z.array(z.string()),
      groups: donorGroupsSchema,
    }),
  ),
  total: z.object({ groups: donorGroupsSchema }),
});

export const donorTrendsSchema = z.object({
  threshold: z.number().int(),
  through: quarterSchema.nullable(),
  networkId: z.string().optional(),
  quarters: z.array(z.object({ quarter: quarterSchema, groups: donorGroupsSchema })),
});

export const donorTrendsQuerySchema = z.object({
  networkId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,40}$/, 'must be a network id')
    .optional(),
});
