import { z } from 'zod';
import { emailSchema, idSchema, personNameSchema } from './common.ts';
import { languageSchema } from './language-schema.ts';

/** `provisioning` until the network's table exists (on AWS a stack deploy), then `active`. */
export const networkStatuses = ['provisioning', 'active', 'failed'] as const;
export type NetworkStatus = (typeof networkStatuses)[number];

export const createNetworkSchema = z
  .object({
    name: z.string().trim().min(2, 'must be at least 2 characters').max(160),
    region: z.string().trim().min(2, 'must be at least 2 characters').max(80),
    adminEmail: emailSchema,
    adminName: personNameSchema,
    defaultLanguage: languageSchema
      .optional()
      .describe(
        'The language of invitations into the network that name none (its first admin’s too); default en',
      ),
  })
  .strict();
export type CreateNetwork = z.output<typeof createNetworkSchema>;

export const networkSchema = z.object({
  id: idSchema,
  name: z.string(),
  region: z.string(),
  status: z.enum(networkStatuses),
  statusReason: z.string().optional(),
  defaultLanguage: languageSchema,
  createdAt: z.string(),
});
export type Network = z.output<typeof networkSchema>;

/** How big a network is, for its operator: counts only, nobody named. */
export const networkCountsSchema = z.object({
  organizations: z
    .number()
    .int()
    .describe('Organizations in the network (those that left not counted)'),
  people: z
    .number()
    .int()
    .describe('People of its organizations, invited or active (deactivated ones not counted)'),
  mentorships: z.number().int().describe('Mentorships, whatever their stage'),
  coachingGroups: z.number().int().describe('Peer coaching groups'),
});
export type NetworkCounts = z.output<typeof networkCountsSchema>;

/** One network as `GET /networks/{networkId}` answers it; `counts` for the operator only. */
export const networkDetailSchema = networkSchema.extend({
  counts: networkCountsSchema
    .optional()
    .describe('For the operator, once the network is active; never for the network’s own people'),
});
export type NetworkDetail = z.output<typeof networkDetailSchema>;
